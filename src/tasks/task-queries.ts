import type { Database } from '../db/database';

export interface TaskRow {
  userTaskKey: string;
  processInstanceKey: string;
  elementId: string;
  name: string;
  candidateGroups: string[];
  assignee: string | null;
  dueDate: string | null;
  createdAt: string;
  caseNumber: string | null;
  clientName: string | null;
}

/** Open tasks of the given groups (or assigned to the login), oldest first, with their case joined. */
export async function listOpenTasks(
  db: Database,
  filter: { groups: string[]; assignee?: string; limit?: number },
): Promise<TaskRow[]> {
  const rows = await db.query<{
    user_task_key: string;
    process_instance_key: string;
    element_id: string;
    name: string | null;
    candidate_groups: string[];
    assignee: string | null;
    due_date: string | null;
    created_at: Date | string;
    case_number: string | null;
    client_name: string | null;
  }>(
    `SELECT t.user_task_key, t.process_instance_key, t.element_id, e.name, t.candidate_groups, t.assignee, t.due_date,
            t.created_at, c.case_number, cl.first_name || ' ' || cl.last_name AS client_name
       FROM user_tasks t
       LEFT JOIN process_elements e ON e.bpmn_process_id = t.bpmn_process_id AND e.element_id = t.element_id
       LEFT JOIN cases c ON c.process_instance_key = t.process_instance_key
       LEFT JOIN clients cl ON cl.id = c.client_id
      WHERE t.state = 'CREATED' AND (t.candidate_groups && $1::text[] OR t.assignee = $2)
      ORDER BY t.created_at, t.user_task_key
      LIMIT $3`,
    [filter.groups, filter.assignee ?? null, filter.limit ?? 100],
  );
  return rows.map((row) => ({
    userTaskKey: row.user_task_key,
    processInstanceKey: row.process_instance_key,
    elementId: row.element_id,
    name: row.name ?? row.element_id,
    candidateGroups: row.candidate_groups,
    assignee: row.assignee,
    dueDate: row.due_date,
    createdAt: new Date(row.created_at).toISOString(),
    caseNumber: row.case_number,
    clientName: row.client_name,
  }));
}

export async function getTask(db: Database, userTaskKey: string) {
  const [row] = await db.query<{
    user_task_key: string;
    element_id: string;
    bpmn_process_id: string;
    process_instance_key: string;
    candidate_groups: string[];
    assignee: string | null;
    state: string;
  }>(
    `SELECT user_task_key, element_id, bpmn_process_id, process_instance_key, candidate_groups, assignee, state
       FROM user_tasks WHERE user_task_key = $1`,
    [userTaskKey],
  );
  return row;
}
