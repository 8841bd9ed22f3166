import type { Queryable } from '../db/database';
import type { FeedEvent } from './feed-event';

/** The columns of engine_events one event fills (snake case, as json_populate_recordset reads them). */
export interface EventLogRow {
  id: string;
  seq: number;
  type: string;
  at: string;
  process_instance_id: string | null;
  root_process_instance_id: string | null;
  process_definition_id: string | null;
  process_definition_key: string | null;
  element_id: string | null;
  element_type: string | null;
  activity_instance_id: string | null;
  canceled: boolean | null;
  task_id: string | null;
  incident_id: string | null;
  payload: FeedEvent;
}

const COLUMNS = [
  'id',
  'seq',
  'type',
  'at',
  'process_instance_id',
  'root_process_instance_id',
  'process_definition_id',
  'process_definition_key',
  'element_id',
  'element_type',
  'activity_instance_id',
  'canceled',
  'task_id',
  'incident_id',
  'payload',
].join(', ');

export function eventLogRow(event: FeedEvent): EventLogRow {
  return {
    id: event.id,
    seq: event.seq,
    type: event.type,
    at: event.at,
    process_instance_id: event.processInstanceId,
    root_process_instance_id: event.rootProcessInstanceId ?? event.processInstanceId,
    process_definition_id: event.processDefinitionId,
    process_definition_key: event.processDefinitionKey,
    element_id: event.elementId,
    element_type: event.elementType,
    activity_instance_id: event.activityInstanceId,
    canceled: event.canceled,
    task_id: event.taskId,
    incident_id: event.incidentId,
    payload: event,
  };
}

/**
 * Logs the events in one statement and answers the ids that were new: an id already logged (a redelivery, or a
 * concurrent POST of the same rows, which waits on the key and then skips) is left out, so it is applied once.
 */
export async function logNewEvents(tx: Queryable, events: FeedEvent[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO engine_events (${COLUMNS})
     SELECT ${COLUMNS} FROM json_populate_recordset(NULL::engine_events, $1::json)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(events.map(eventLogRow))],
  );
  return new Set(rows.map((row) => row.id));
}
