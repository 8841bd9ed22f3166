import type { Queryable } from '../db/database';
import type { FeedEvent } from './feed-event';

export type TaskState = 'CREATED' | 'COMPLETED' | 'CANCELED';

const STATES: Record<string, TaskState> = {
  'task-created': 'CREATED',
  'task-updated': 'CREATED',
  'task-completed': 'COMPLETED',
  'task-deleted': 'CANCELED',
};

/** Camunda 7's delete reason of a task that was completed (any other one: deleted with its instance or scope). */
const COMPLETED_REASON = 'completed';

/**
 * The task's state after an event; undefined for anything that is not a task event. Camunda 7 writes one history
 * event for every end of a task, with the delete reason telling a completion from a deletion, so a task-completed
 * whose reason is not "completed" is a deleted task too.
 */
export function taskStateAfter(event: Pick<FeedEvent, 'type' | 'deleteReason'>): TaskState | undefined {
  if (
    event.type === 'task-completed' &&
    event.deleteReason !== null &&
    event.deleteReason !== COMPLETED_REASON
  )
    return 'CANCELED';
  return STATES[event.type];
}

/** Columns an event overwrites only when it is newer (by seq) than what the row holds. */
const FORWARD = [
  'process_instance_key',
  'process_definition_key',
  'bpmn_process_id',
  'element_id',
  'element_instance_key',
  'assignee',
  'form_key',
  'due_date',
  'due_at',
  'priority',
  'name',
  'state',
  'updated_at',
  'root_process_instance_key',
  'last_position',
];

const NEWER = 'user_tasks.last_position < EXCLUDED.last_position';

/**
 * When the task got the assignee it has (the reform's measure, README "Miara reformy"): the time of the event that
 * gave it a new assignee, NULL when it has none. An end event never sets it (a completion is not a claim); the front
 * writes the assignee of its own claims at once, so the claim's event finds the same assignee and no claim time yet.
 */
const CLAIMED_AT = `CASE WHEN EXCLUDED.assignee IS NULL THEN NULL
         WHEN EXCLUDED.state <> 'CREATED' THEN user_tasks.claimed_at
         WHEN EXCLUDED.assignee IS DISTINCT FROM user_tasks.assignee OR user_tasks.claimed_at IS NULL
           THEN EXCLUDED.updated_at
         ELSE user_tasks.claimed_at END`;

/**
 * Upserts the task from one of its events. State only moves forward: a column takes the event's value only when
 * the event's seq is above the row's last_position, so an older event delivered late never overwrites newer state;
 * created_at is the earliest instant seen, whatever the order. A completed or deleted task keeps the candidate
 * groups it had (the host reads them after the engine removed the links; case access goes by them).
 */
export async function projectTask(tx: Queryable, event: FeedEvent): Promise<void> {
  const state = taskStateAfter(event);
  if (!state) return;
  await tx.query(
    `INSERT INTO user_tasks (user_task_key, process_instance_key, process_definition_key, bpmn_process_id, element_id,
       element_instance_key, candidate_groups, assignee, form_key, due_date, due_at, priority, name, state,
       created_at, updated_at, root_process_instance_key, last_position, claimed_at, completed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17,
       CASE WHEN $8::text IS NOT NULL AND $14 = 'CREATED' THEN $15::timestamptz END,
       CASE WHEN $14 = 'COMPLETED' THEN $15::timestamptz END)
     ON CONFLICT (user_task_key) DO UPDATE SET
       ${FORWARD.map((column) => `${column} = CASE WHEN ${NEWER} THEN EXCLUDED.${column} ELSE user_tasks.${column} END`).join(',\n       ')},
       candidate_groups = CASE WHEN ${NEWER} AND NOT ($18::boolean AND cardinality(user_tasks.candidate_groups) > 0)
         THEN EXCLUDED.candidate_groups ELSE user_tasks.candidate_groups END,
       claimed_at = CASE WHEN ${NEWER} THEN ${CLAIMED_AT} ELSE user_tasks.claimed_at END,
       completed_at = CASE WHEN ${NEWER} THEN COALESCE(EXCLUDED.completed_at, user_tasks.completed_at)
         ELSE user_tasks.completed_at END,
       created_at = LEAST(user_tasks.created_at, EXCLUDED.created_at)
     WHERE ${NEWER} OR EXCLUDED.created_at < user_tasks.created_at`,
    [
      event.taskId,
      event.processInstanceId,
      event.processDefinitionId,
      event.processDefinitionKey,
      event.elementId,
      event.activityInstanceId,
      event.candidateGroups ?? [],
      event.assignee,
      event.formRef,
      event.due,
      event.due === null ? null : new Date(event.due),
      event.priority ?? 50,
      event.name,
      state,
      new Date(event.at),
      event.rootProcessInstanceId ?? event.processInstanceId,
      event.seq,
      state !== 'CREATED',
    ],
  );
}
