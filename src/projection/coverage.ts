import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../db/database';
import { MULTI_INSTANCE_SUFFIX } from './activity-types';
import { processModels } from './bpmn-model';
import { COVERAGE_BASIS, coveredIds, type Observed } from './coverage-rules';

export interface Share {
  total: number;
  covered: number;
  percent: number;
  missing: string[];
}

export interface ModelProcessCoverage {
  file: string;
  bpmnProcessId: string;
  elements: Share;
  sequenceFlows: Share;
}

export interface ModelCoverage {
  /** How it was measured, for whoever reads the JSON later. */
  basis: string;
  processes: ModelProcessCoverage[];
  totals: { elements: Share; sequenceFlows: Share };
}

function share(ids: string[], seen: Set<string>): Share {
  const missing = ids.filter((id) => !seen.has(id));
  const covered = ids.length - missing.length;
  return {
    total: ids.length,
    covered,
    percent: ids.length === 0 ? 100 : Math.round((1000 * covered) / ids.length) / 10,
    missing,
  };
}

/**
 * Coverage of the model from the engine's event feed (engine_events): for each process of the files, which of its
 * elements and sequence flows any instance (started directly or by a call activity) went through, by the rules
 * of COVERAGE_BASIS (Camunda 7 reports some elements differently from how they are drawn).
 */
export async function modelCoverage(db: Queryable, bpmnDir: string, files: string[]): Promise<ModelCoverage> {
  const processes: ModelProcessCoverage[] = [];
  for (const file of [...files].sort()) {
    const xml = readFileSync(path.join(bpmnDir, file), 'utf8');
    for (const model of processModels(xml)) {
      const covered = coveredIds(model, await observed(db, model.bpmnProcessId));
      processes.push({
        file,
        bpmnProcessId: model.bpmnProcessId,
        elements: share(
          model.nodes.map((node) => node.id),
          covered.elements,
        ),
        sequenceFlows: share(
          model.flows.map((flow) => flow.id),
          covered.flows,
        ),
      });
    }
  }
  const sum = (pick: (p: ModelProcessCoverage) => Share): Share => {
    const total = processes.reduce((n, p) => n + pick(p).total, 0);
    const covered = processes.reduce((n, p) => n + pick(p).covered, 0);
    return {
      total,
      covered,
      percent: total === 0 ? 100 : Math.round((1000 * covered) / total) / 10,
      missing: processes.flatMap((p) => pick(p).missing.map((id) => `${p.bpmnProcessId}:${id}`)),
    };
  };
  return {
    basis: COVERAGE_BASIS,
    processes,
    totals: { elements: sum((p) => p.elements), sequenceFlows: sum((p) => p.sequenceFlows) },
  };
}

/** What the feed saw of a process (by its definition key, every version): one index-only scan. */
async function observed(db: Queryable, bpmnProcessId: string): Promise<Observed> {
  const rows = await db.query<{ type: string; element_id: string; canceled: boolean | null }>(
    `SELECT DISTINCT type, element_id, canceled FROM engine_events
      WHERE process_definition_key = $1 AND type IN ('activity-started', 'activity-ended', 'flow-taken')`,
    [bpmnProcessId],
  );
  const seen: Observed = { ended: new Set(), started: new Set(), taken: new Set() };
  for (const row of rows) {
    const id = row.element_id.endsWith(MULTI_INSTANCE_SUFFIX)
      ? row.element_id.slice(0, -MULTI_INSTANCE_SUFFIX.length)
      : row.element_id;
    if (row.type === 'flow-taken') seen.taken.add(id);
    else if (row.type === 'activity-started') seen.started.add(id);
    else if (row.canceled !== true) seen.ended.add(id);
  }
  return seen;
}

/** A plain-text table: one row per process and the totals. */
export function coverageTable(coverage: ModelCoverage): string {
  const rows = [
    ['proces', 'elementy', '%', 'przepływy', '%'],
    ...coverage.processes.map((p) => [
      p.bpmnProcessId,
      `${p.elements.covered}/${p.elements.total}`,
      `${p.elements.percent}%`,
      `${p.sequenceFlows.covered}/${p.sequenceFlows.total}`,
      `${p.sequenceFlows.percent}%`,
    ]),
    [
      'RAZEM',
      `${coverage.totals.elements.covered}/${coverage.totals.elements.total}`,
      `${coverage.totals.elements.percent}%`,
      `${coverage.totals.sequenceFlows.covered}/${coverage.totals.sequenceFlows.total}`,
      `${coverage.totals.sequenceFlows.percent}%`,
    ],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [
    line(rows[0]!),
    ...rows.slice(1, -1).map(line),
    '-'.repeat(line(rows[0]!).length),
    line(rows.at(-1)!),
  ].join('\n');
}
