import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../db/database';
import { diagramElements } from '../engine/diagram-elements';

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

const NOT_FLOW_NODES = new Set([
  'process',
  'sequenceFlow',
  'laneSet',
  'textAnnotation',
  'association',
  'dataObjectReference',
  'dataObject',
  'dataStoreReference',
  'group',
]);

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** Sequence flows whose source is an event-based gateway, with the event they lead to. */
export function eventGatewayFlows(xml: string): { id: string; target: string }[] {
  const gateways = new Set(
    [...xml.matchAll(/<bpmn:eventBasedGateway\b[^>]*>/g)].map((m) => attribute(m[0], 'id')),
  );
  return [...xml.matchAll(/<bpmn:sequenceFlow\b[^>]*>/g)]
    .map((m) => ({
      id: attribute(m[0], 'id')!,
      source: attribute(m[0], 'sourceRef'),
      target: attribute(m[0], 'targetRef')!,
    }))
    .filter((flow) => gateways.has(flow.source))
    .map(({ id, target }) => ({ id, target }));
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
 * Coverage of the model from the engine's own records (table engine_records, fed by the exporter): an element
 * counts when it COMPLETED at least once, a sequence flow when it was TAKEN at least once, in any instance of the
 * process (started directly or by a call activity).
 */
export async function modelCoverage(db: Queryable, bpmnDir: string, files: string[]): Promise<ModelCoverage> {
  const processes: ModelProcessCoverage[] = [];
  for (const file of [...files].sort()) {
    const xml = readFileSync(path.join(bpmnDir, file), 'utf8');
    const elements = diagramElements(xml);
    const bpmnProcessId = elements.find((e) => e.elementType === 'process')!.bpmnProcessId;
    const rows = await db.query<{ element_id: string; intent: string }>(
      `SELECT DISTINCT element_id, intent FROM engine_records
        WHERE bpmn_process_id = $1 AND value_type = 'PROCESS_INSTANCE'
          AND intent IN ('ELEMENT_COMPLETED', 'SEQUENCE_FLOW_TAKEN')`,
      [bpmnProcessId],
    );
    const completed = new Set(rows.filter((r) => r.intent === 'ELEMENT_COMPLETED').map((r) => r.element_id));
    const taken = new Set(rows.filter((r) => r.intent === 'SEQUENCE_FLOW_TAKEN').map((r) => r.element_id));
    // Zeebe writes no SEQUENCE_FLOW_TAKEN for the flows leaving an event-based gateway: it activates the event
    // that occurred directly. Such a flow is the only way into its catch event, so it counts as taken when that
    // event completed.
    for (const flow of eventGatewayFlows(xml)) if (completed.has(flow.target)) taken.add(flow.id);
    processes.push({
      file,
      bpmnProcessId,
      elements: share(
        elements.filter((e) => !NOT_FLOW_NODES.has(e.elementType)).map((e) => e.elementId),
        completed,
      ),
      sequenceFlows: share(
        elements.filter((e) => e.elementType === 'sequenceFlow').map((e) => e.elementId),
        taken,
      ),
    });
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
    basis:
      'engine_records (exporter of the test engine): element = ELEMENT_COMPLETED at least once, ' +
      'sequence flow = SEQUENCE_FLOW_TAKEN at least once (a flow leaving an event-based gateway, for which Zeebe ' +
      'writes no such record: its target event COMPLETED)',
    processes,
    totals: { elements: sum((p) => p.elements), sequenceFlows: sum((p) => p.sequenceFlows) },
  };
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
