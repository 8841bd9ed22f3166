import type { Queryable } from '../db/database';
import type { FeedEvent } from './feed-event';

/** How an ended instance is shown: Camunda 7's COMPLETED, anything else (deleted, cancelled, terminated) TERMINATED. */
export function endedState(event: Pick<FeedEvent, 'state' | 'deleteReason'>): 'COMPLETED' | 'TERMINATED' {
  if (event.state !== null) return event.state === 'COMPLETED' ? 'COMPLETED' : 'TERMINATED';
  return event.deleteReason === null ? 'COMPLETED' : 'TERMINATED';
}

/**
 * process-started inserts the instance (parent = the calling instance, root = the case's instance); process-ended
 * sets how and when it ended. Either may come first after a redelivery: each upserts what it knows and keeps what
 * the other wrote (an ended instance never becomes ACTIVE again).
 */
export async function projectProcess(tx: Queryable, event: FeedEvent): Promise<void> {
  if (event.type !== 'process-started' && event.type !== 'process-ended') return;
  const started = event.type === 'process-started';
  const at = new Date(event.at);
  await tx.query(
    `INSERT INTO process_instances (process_instance_key, bpmn_process_id, version, process_definition_key, state,
       started_at, ended_at, parent_process_instance_key, root_process_instance_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (process_instance_key) DO UPDATE SET
       ${
         started
           ? `started_at = EXCLUDED.started_at,
       parent_process_instance_key = EXCLUDED.parent_process_instance_key,
       root_process_instance_key = EXCLUDED.root_process_instance_key`
           : `state = EXCLUDED.state, ended_at = EXCLUDED.ended_at`
       }`,
    [
      event.processInstanceId,
      event.processDefinitionKey,
      event.processDefinitionVersion ?? 0,
      event.processDefinitionId,
      started ? 'ACTIVE' : endedState(event),
      at,
      started ? null : at,
      event.superProcessInstanceId,
      event.rootProcessInstanceId ?? event.processInstanceId,
    ],
  );
}
