import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/db/database';

/** A case with a granted, approved decision, enforceable from the plan's first day, straight in the case file. */
export async function grantedDecision(
  db: Database,
  plan: {
    amountGrosze: number;
    from: string;
    to: string;
    method: 'cash' | 'transfer';
    /** The client's account, frozen on the decision at approval (default: none). */
    account?: string;
  },
): Promise<{ caseId: string; decisionId: string; preparedBy: string; approvedBy: string }> {
  const tag = randomUUID().slice(0, 8);
  const [preparer] = await db.query<{ id: string }>(
    `INSERT INTO users (login, display_name, roles, password_hash) VALUES ($1, 'Przygotowujący', '{benefits}', 'x') RETURNING id`,
    [`prep-${tag}`],
  );
  const [manager] = await db.query<{ id: string }>(
    `INSERT INTO users (login, display_name, position, roles, password_hash) VALUES ($1, 'Kierownik', 'Kierownik Działu', '{managers}', 'x') RETURNING id`,
    [`mgr-${tag}`],
  );
  const [client] = await db.query<{ id: string }>(
    `INSERT INTO clients (first_name, last_name, bank_account) VALUES ('Jan', 'Testowy', $1) RETURNING id`,
    [plan.account ?? null],
  );
  const [intake] = await db.query<{ id: string }>(
    `INSERT INTO intakes (user_task_key, first_name, last_name, need) VALUES ($1, 'Jan', 'Testowy', 'pomoc') RETURNING id`,
    [`fixture-${tag}`],
  );
  const [kase] = await db.query<{ id: string }>(
    `INSERT INTO cases (case_number, client_id, intake_id, process_instance_key, need) VALUES ($1, $2, $3, $4, 'pomoc') RETURNING id`,
    [`TEST.${tag}`, client?.id, intake?.id, `fixture-${tag}`],
  );
  const [assistance] = await db.query<{ id: string }>(
    `INSERT INTO assistance_plans (case_id, benefit_type, payout_method, amount_grosze, period_from, period_to, prepared_by)
     VALUES ($1, 'zasilek-okresowy', $2, $3, $4, $5, $6) RETURNING id`,
    [kase?.id, plan.method, plan.amountGrosze, plan.from, plan.to, preparer?.id],
  );
  const [decision] = await db.query<{ id: string }>(
    `INSERT INTO decisions (case_id, plan_id, outcome, legal_basis, ruling, justification_facts, justification_law,
       appeal_instruction, prepared_by, approved_by, status, enforceable_on, payout_account)
     VALUES ($1, $2, 'grant', 'art. 38 u.p.s.', 'przyznać', 'fakty', 'prawo', 'pouczenie', $3, $4, 'approved', $5, $6) RETURNING id`,
    [kase?.id, assistance?.id, preparer?.id, manager?.id, plan.from, plan.account ?? null],
  );
  return {
    caseId: String(kase?.id),
    decisionId: String(decision?.id),
    preparedBy: String(preparer?.id),
    approvedBy: String(manager?.id),
  };
}

/**
 * A task of `group` on the case, closed at `at`, as the projection has it once the engine reported it — the team
 * "works on the case" (need-to-know, case-access.ts) for the grace period after it.
 */
export async function teamWorkedOnCase(db: Database, caseId: string, group: string, at: Date): Promise<void> {
  const key = `fixture-task-${randomUUID()}`;
  await db.query(
    `INSERT INTO user_tasks (user_task_key, process_instance_key, process_definition_key, bpmn_process_id, element_id,
       element_instance_key, candidate_groups, state, created_at, updated_at, last_position, root_process_instance_key)
     SELECT $1, c.process_instance_key, 'fixture', 'mops-case', 'fixture-task', $1, $2::text[], 'COMPLETED', $3, $3, 0,
            c.process_instance_key
       FROM cases c WHERE c.id = $4`,
    [key, [group], at, caseId],
  );
}

/**
 * A client with a PESEL and one open case (no process yet, unless `processInstanceKey` names the engine instance the
 * case belongs to); `violence` adds a Niebieska Karta instance under it — an ended one (the rule counts an instance
 * that ran), so no test waiting for the model's instances to settle waits for an instance the engine never had.
 */
export async function clientCase(
  db: Database,
  options: { pesel: string; violence?: boolean; processInstanceKey?: string },
): Promise<{ caseId: string; caseNumber: string }> {
  const tag = randomUUID().slice(0, 8);
  const [client] = await db.query<{ id: string }>(
    `INSERT INTO clients (first_name, last_name, pesel) VALUES ('Ewa', 'Poufna', $1)
       ON CONFLICT (pesel) DO UPDATE SET first_name = EXCLUDED.first_name RETURNING id`,
    [options.pesel],
  );
  const [intake] = await db.query<{ id: string }>(
    `INSERT INTO intakes (user_task_key, first_name, last_name, need) VALUES ($1, 'Ewa', 'Poufna', 'pomoc') RETURNING id`,
    [`fixture-${tag}`],
  );
  const root = options.processInstanceKey ?? `fixture-root-${tag}`;
  const [kase] = await db.query<{ id: string; case_number: string }>(
    `INSERT INTO cases (case_number, client_id, intake_id, process_instance_key, need) VALUES ($1, $2, $3, $4, 'pomoc')
     RETURNING id, case_number`,
    [`TEST.${tag}`, client?.id, intake?.id, root],
  );
  if (options.violence) {
    await db.query(
      `INSERT INTO process_instances (process_instance_key, bpmn_process_id, version, process_definition_key, state,
         started_at, ended_at, parent_process_instance_key, root_process_instance_key)
       VALUES ($1, 'mops-violence-response', 1, 'fixture', 'COMPLETED', now(), now(), $2, $2)`,
      [`fixture-nk-${tag}`, root],
    );
  }
  return { caseId: String(kase?.id), caseNumber: String(kase?.case_number) };
}
