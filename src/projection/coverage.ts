import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Queryable } from '../db/database';
import { diagramElements } from '../engine/diagram-elements';

export interface ProcessCoverage {
  bpmnProcessId: string;
  elements: { total: number; covered: number; missing: string[] };
  sequenceFlows: { total: number; covered: number; missing: string[] };
}

const NOT_NODES = new Set([
  'process',
  'sequenceFlow',
  'laneSet',
  'textAnnotation',
  'association',
  'dataObjectReference',
  'dataObject',
]);

/** Which elements completed and which sequence flows were taken, from the engine's own records. */
export async function processCoverage(db: Queryable, bpmnDir: string): Promise<ProcessCoverage[]> {
  const result: ProcessCoverage[] = [];
  for (const file of (await readdir(bpmnDir)).filter((f) => f.endsWith('.bpmn')).sort()) {
    const elements = diagramElements(await readFile(path.join(bpmnDir, file), 'utf8'));
    const byProcess = new Map<string, typeof elements>();
    for (const element of elements)
      byProcess.set(element.bpmnProcessId, [...(byProcess.get(element.bpmnProcessId) ?? []), element]);
    for (const [bpmnProcessId, list] of byProcess) {
      const seen = new Set(
        (
          await db.query<{ element_id: string }>(
            `SELECT DISTINCT element_id FROM engine_records WHERE bpmn_process_id = $1 AND value_type = 'PROCESS_INSTANCE'
               AND intent IN ('ELEMENT_COMPLETED', 'SEQUENCE_FLOW_TAKEN', 'ELEMENT_TERMINATED')`,
            [bpmnProcessId],
          )
        ).map((r) => r.element_id),
      );
      const nodes = list.filter((e) => !NOT_NODES.has(e.elementType)).map((e) => e.elementId);
      const flows = list.filter((e) => e.elementType === 'sequenceFlow').map((e) => e.elementId);
      result.push({
        bpmnProcessId,
        elements: {
          total: nodes.length,
          covered: nodes.filter((id) => seen.has(id)).length,
          missing: nodes.filter((id) => !seen.has(id)),
        },
        sequenceFlows: {
          total: flows.length,
          covered: flows.filter((id) => seen.has(id)).length,
          missing: flows.filter((id) => !seen.has(id)),
        },
      });
    }
  }
  return result;
}
