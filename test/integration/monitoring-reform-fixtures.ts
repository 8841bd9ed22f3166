import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/db/database';

/**
 * A completed task as the projection has it once the feed reported it (the reform's measure reads only these
 * columns); `rootInstance` ties it to a case (the case's process_instance_key).
 */
export async function seedCompletedTask(
  db: Database,
  task: {
    person: string;
    group: string;
    element: string;
    created: string;
    claimed: string | null;
    completed: string;
    rootInstance?: string;
  },
): Promise<string> {
  const key = `rf-task-${randomUUID()}`;
  await db.query(
    `INSERT INTO user_tasks (user_task_key, process_instance_key, process_definition_key, bpmn_process_id, element_id,
       element_instance_key, candidate_groups, assignee, state, created_at, updated_at, last_position,
       root_process_instance_key, claimed_at, completed_at)
     VALUES ($1, $1, 'fixture', 'mops-benefits', $2, $1, $3::text[], $4, 'COMPLETED', $5, $7, 0, $8, $6, $7)`,
    [
      key,
      task.element,
      [task.group],
      task.person,
      task.created,
      task.claimed,
      task.completed,
      task.rootInstance ?? key,
    ],
  );
  return key;
}

export interface FlowCaseSeed {
  applied: string;
  interview: string | null;
  decision: string | null;
  /** The first instalment's payout instant. */
  paid: string | null;
  outcome: 'grant' | 'refuse' | null;
  district: string | null;
  teams: string[];
}

/** A case straight in the case file: application, interview, issued decision and a paid instalment as given. */
export async function seedFlowCase(
  db: Database,
  c: FlowCaseSeed,
): Promise<{ caseId: string; caseNumber: string; processInstanceKey: string }> {
  const id = randomUUID().slice(0, 8);
  const processInstanceKey = `rf-instance-${id}`;
  const [client] = await db.query<{ id: string }>(
    `INSERT INTO clients (first_name, last_name) VALUES ('Jan', 'Przepływ') RETURNING id`,
  );
  const [intake] = await db.query<{ id: string }>(
    `INSERT INTO intakes (user_task_key, first_name, last_name, need) VALUES ($1, 'Jan', 'Przepływ', 'pomoc') RETURNING id`,
    [`rf-intake-${id}`],
  );
  const caseNumber = `RF.${id}`;
  const [kase] = await db.query<{ id: string }>(
    `INSERT INTO cases (case_number, client_id, intake_id, process_instance_key, need, teams, district_id)
     VALUES ($1, $2, $3, $4, 'pomoc', $5::text[], $6) RETURNING id`,
    [caseNumber, client?.id, intake?.id, processInstanceKey, c.teams, c.district],
  );
  const caseId = String(kase?.id);
  await db.query(`INSERT INTO applications (case_id, kind, submitted_on) VALUES ($1, 'written', $2)`, [
    caseId,
    c.applied,
  ]);
  if (c.interview)
    await db.query(`INSERT INTO interviews (case_id, due_on, conducted_on) VALUES ($1, $2, $2)`, [
      caseId,
      c.interview,
    ]);
  if (c.decision) {
    const [decision] = await db.query<{ id: string }>(
      `INSERT INTO decisions (case_id, outcome, issued_on, legal_basis, ruling, justification_facts, justification_law,
         appeal_instruction, status)
       VALUES ($1, $2, $3, 'art. 39 u.p.s.', 'rozstrzygnięcie', 'fakty', 'prawo', 'pouczenie', 'issued') RETURNING id`,
      [caseId, c.outcome, c.decision],
    );
    if (c.paid)
      await db.query(
        `INSERT INTO payout_instalments (decision_id, instalment_no, month, amount_grosze, method, status, paid_at)
         VALUES ($1, 1, $2, 50000, 'cash', 'paid', $3)`,
        [decision?.id, c.paid.slice(0, 7), c.paid],
      );
  }
  return { caseId, caseNumber, processInstanceKey };
}
