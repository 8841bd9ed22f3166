import { caseOfInstanceSql } from '../tasks/forms/task-form';
import type { User } from '../auth/users';
import type { Database } from '../db/database';

export interface CaseSummary {
  caseId: string;
  caseNumber: string;
  clientName: string;
  pesel: string | null;
  need: string;
  urgent: boolean;
  steps: { name: string; at: string; who: string | null }[];
}

/** The case behind a task, shown beside the form; the read is audit-logged like any case-file read. */
export async function caseSummaryForTask(
  db: Database,
  user: User,
  processInstanceKey: string,
): Promise<CaseSummary | undefined> {
  const [row] = await db.query<{
    id: string;
    case_number: string;
    first_name: string;
    last_name: string;
    pesel: string | null;
    need: string;
    urgent: boolean;
  }>(
    `SELECT c.id, c.case_number, cl.first_name, cl.last_name, cl.pesel, c.need, c.urgent
       FROM cases c JOIN clients cl ON cl.id = c.client_id WHERE c.id = (${caseOfInstanceSql()})`,
    [processInstanceKey],
  );
  if (!row) return undefined;
  await db.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'case-read', 'case', $2, $3)`,
    [user.id, row.id, JSON.stringify({ channel: 'task' })],
  );
  const steps = await db.query<{
    name: string | null;
    element_id: string;
    at: Date;
    assignee: string | null;
  }>(
    `SELECT e.name, t.element_id, t.updated_at AS at, t.assignee FROM user_tasks t
       LEFT JOIN process_elements e ON e.bpmn_process_id = t.bpmn_process_id AND e.element_id = t.element_id
      WHERE t.root_process_instance_key = (SELECT process_instance_key FROM cases WHERE id = $1)
        AND t.state = 'COMPLETED' ORDER BY t.updated_at`,
    [row.id],
  );
  return {
    caseId: row.id,
    caseNumber: row.case_number,
    clientName: `${row.first_name} ${row.last_name}`,
    pesel: row.pesel,
    need: row.need,
    urgent: row.urgent,
    steps: steps.map((s) => ({
      name: s.name ?? s.element_id,
      at: new Date(s.at).toISOString(),
      who: s.assignee,
    })),
  };
}
