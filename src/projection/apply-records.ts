import type { Database, Queryable } from '../db/database';
import { text, textList, type EngineBatch, type EngineRecord } from './record';

/**
 * Applies a batch of engine records to the projection (user tasks, instances, incidents, the record log) in
 * one transaction. Idempotent: the exporter may send a batch again after a lost answer; each record is applied
 * only if its (partition, position) is new, and task state only moves forward by position.
 */
export async function applyRecords(db: Database, batch: EngineBatch): Promise<number> {
  return db.transaction(async (tx) => {
    let applied = 0;
    for (const record of batch.records) {
      const inserted = await logRecord(tx, record);
      if (!inserted) continue;
      applied += 1;
      await project(tx, record);
    }
    return applied;
  });
}

async function logRecord(tx: Queryable, record: EngineRecord): Promise<boolean> {
  const v = record.value;
  const rows = await tx.query(
    `INSERT INTO engine_records (partition_id, position, value_type, intent, record_key, process_instance_key,
       bpmn_process_id, element_id, element_type, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, to_timestamp($10 / 1000.0))
     ON CONFLICT DO NOTHING RETURNING position`,
    [
      record.partitionId,
      record.position,
      record.valueType,
      record.intent,
      record.key,
      text(v.processInstanceKey) ?? null,
      text(v.bpmnProcessId) ?? null,
      text(v.elementId) ?? null,
      text(v.bpmnElementType) ?? null,
      record.timestamp,
    ],
  );
  return rows.length > 0;
}

async function project(tx: Queryable, record: EngineRecord): Promise<void> {
  switch (record.valueType) {
    case 'USER_TASK':
      return projectUserTask(tx, record);
    case 'PROCESS_INSTANCE':
      return projectProcessInstance(tx, record);
    case 'INCIDENT':
      return projectIncident(tx, record);
    default:
      return;
  }
}

const userTaskStates: Record<string, string> = {
  CREATED: 'CREATED',
  ASSIGNED: 'CREATED',
  UPDATED: 'CREATED',
  COMPLETED: 'COMPLETED',
  CANCELED: 'CANCELED',
};

async function projectUserTask(tx: Queryable, record: EngineRecord): Promise<void> {
  const state = userTaskStates[record.intent];
  if (!state) return;
  const v = record.value;
  const at = new Date(record.timestamp);
  await tx.query(
    `INSERT INTO user_tasks (user_task_key, process_instance_key, process_definition_key, bpmn_process_id, element_id,
       element_instance_key, candidate_groups, assignee, form_key, due_date, state, created_at, updated_at, last_position,
       priority, due_at, root_process_instance_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15,
       COALESCE((SELECT root_process_instance_key FROM process_instances WHERE process_instance_key = $2), $2))
     ON CONFLICT (user_task_key) DO UPDATE SET
       assignee = EXCLUDED.assignee, candidate_groups = EXCLUDED.candidate_groups, due_date = EXCLUDED.due_date,
       state = EXCLUDED.state, updated_at = EXCLUDED.updated_at, last_position = EXCLUDED.last_position,
       priority = EXCLUDED.priority, due_at = EXCLUDED.due_at
     WHERE user_tasks.last_position < EXCLUDED.last_position`,
    [
      text(v.userTaskKey) ?? record.key,
      text(v.processInstanceKey),
      text(v.processDefinitionKey),
      text(v.bpmnProcessId),
      text(v.elementId),
      text(v.elementInstanceKey),
      textList(v.candidateGroupsList ?? v.candidateGroups),
      text(v.assignee) ?? null,
      Number(v.formKey) > 0 ? text(v.formKey) : null,
      text(v.dueDate) ?? null,
      state,
      at,
      record.position,
      Number(v.priority ?? 50),
      parseInstant(text(v.dueDate)),
    ],
  );
}

/** Zeebe writes due dates as ISO-8601 (e.g. `2030-01-01T10:00Z`); anything unparsable is kept only as text. */
function parseInstant(value: string | undefined): Date | null {
  if (!value) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

async function projectProcessInstance(tx: Queryable, record: EngineRecord): Promise<void> {
  const v = record.value;
  if (v.bpmnElementType !== 'PROCESS') return;
  const at = new Date(record.timestamp);
  if (record.intent === 'ELEMENT_ACTIVATING') {
    // a child of a call activity: its parent was projected before it (records come in log order)
    const parent = text(v.parentProcessInstanceKey);
    const parentKey = parent && parent !== '-1' ? parent : null;
    await tx.query(
      `INSERT INTO process_instances (process_instance_key, bpmn_process_id, version, process_definition_key, state, started_at,
         parent_process_instance_key, root_process_instance_key)
       VALUES ($1, $2, $3, $4, 'ACTIVE', $5, $6,
         COALESCE((SELECT root_process_instance_key FROM process_instances WHERE process_instance_key = $6), $6, $1))
       ON CONFLICT DO NOTHING`,
      [
        text(v.processInstanceKey),
        text(v.bpmnProcessId),
        Number(v.version ?? 0),
        text(v.processDefinitionKey),
        at,
        parentKey,
      ],
    );
  } else if (record.intent === 'ELEMENT_COMPLETED' || record.intent === 'ELEMENT_TERMINATED') {
    await tx.query('UPDATE process_instances SET state = $2, ended_at = $3 WHERE process_instance_key = $1', [
      text(v.processInstanceKey),
      record.intent === 'ELEMENT_COMPLETED' ? 'COMPLETED' : 'TERMINATED',
      at,
    ]);
  }
}

async function projectIncident(tx: Queryable, record: EngineRecord): Promise<void> {
  const v = record.value;
  const at = new Date(record.timestamp);
  if (record.intent === 'CREATED') {
    await tx.query(
      `INSERT INTO incidents (incident_key, process_instance_key, element_id, error_type, error_message, job_key, state, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'ACTIVE', $7) ON CONFLICT DO NOTHING`,
      [
        record.key,
        text(v.processInstanceKey),
        text(v.elementId) ?? '',
        text(v.errorType) ?? '',
        text(v.errorMessage) ?? '',
        text(v.jobKey) ?? null,
        at,
      ],
    );
  } else if (record.intent === 'RESOLVED') {
    await tx.query(`UPDATE incidents SET state = 'RESOLVED', resolved_at = $2 WHERE incident_key = $1`, [
      record.key,
      at,
    ]);
  }
}
