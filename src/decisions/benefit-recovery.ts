import type { Database, Queryable } from '../db/database';
import {
  decideRecovery,
  undueFromLedger,
  type RecoveryDecision,
  type RecoveryDecisionInput,
} from '../domain/benefit-recovery';
import { AppError } from '../errors/app-error';

/**
 * The case-file side of the recovery of an undue benefit (art. 98 u.p.s.): the undue amount from the payout ledger
 * and the benefits team's decision on it (art. 104), one recovery per decision (`benefit_recoveries.decision_id`
 * is unique), so a redelivered job or a second submit never doubles it.
 */
export interface UndueBenefitFound {
  undueGrosze: number;
  months: string[];
  /** A recovery of this decision was decided before: nothing is opened again. */
  alreadyDecided: boolean;
}

async function ledger(tx: Queryable, decisionId: string) {
  const rows = await tx.query<{ month: string; amount_grosze: string | number; status: string }>(
    'SELECT month, amount_grosze, status FROM payout_instalments WHERE decision_id = $1',
    [decisionId],
  );
  return rows.map((r) => ({ month: r.month, amountGrosze: Number(r.amount_grosze), status: r.status }));
}

/** The undue amount of the decision from `fromMonth` on (null: every month), read in the caller's transaction. */
export async function undueBenefit(tx: Queryable, decisionId: string, fromMonth: string | null) {
  return undueFromLedger(await ledger(tx, decisionId), fromMonth);
}

/**
 * compute-undue-benefit: the paid instalments of the months the quash or revision covers. An open recovery is
 * brought up to date (an instalment may have been paid off a list meanwhile); a decided one is left as it is and
 * reported, so the process opens no second task. Nothing is written when nothing was paid.
 */
export async function computeUndueBenefit(
  db: Database,
  input: { decisionId: string; fromMonth: string | null; processInstanceKey: string },
): Promise<UndueBenefitFound> {
  return db.transaction(async (tx) => {
    const [decision] = await tx.query<{ case_id: string }>(
      'SELECT case_id FROM decisions WHERE id = $1 FOR UPDATE',
      [input.decisionId],
    );
    if (!decision) throw new AppError({ code: 'not-found', message: `Nie ma decyzji ${input.decisionId}.` });
    const [existing] = await tx.query<{ status: string }>(
      'SELECT status FROM benefit_recoveries WHERE decision_id = $1',
      [input.decisionId],
    );
    if (existing?.status === 'decided') return { undueGrosze: 0, months: [], alreadyDecided: true };
    const undue = await undueBenefit(tx, input.decisionId, input.fromMonth);
    if (undue.undueGrosze === 0) {
      if (existing)
        await tx.query('DELETE FROM benefit_recoveries WHERE decision_id = $1', [input.decisionId]);
      return { ...undue, alreadyDecided: false };
    }
    await tx.query(
      `INSERT INTO benefit_recoveries (decision_id, case_id, process_instance_key, from_month, undue_grosze, paid_months)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (decision_id) DO UPDATE SET process_instance_key = EXCLUDED.process_instance_key,
         from_month = EXCLUDED.from_month, undue_grosze = EXCLUDED.undue_grosze, paid_months = EXCLUDED.paid_months`,
      [
        input.decisionId,
        decision.case_id,
        input.processInstanceKey,
        input.fromMonth,
        undue.undueGrosze,
        undue.months,
      ],
    );
    return { ...undue, alreadyDecided: false };
  });
}

export interface OpenRecovery {
  decisionId: string;
  undueGrosze: number;
  fromMonth: string | null;
  months: string[];
}

/** The open recovery a task of this process instance decides (for the form's hint). */
export async function recoveryOfInstance(
  db: Queryable,
  processInstanceKey: string,
): Promise<OpenRecovery | undefined> {
  const [row] = await db.query<{
    decision_id: string;
    undue_grosze: string | number;
    from_month: string | null;
    paid_months: string[];
  }>(
    'SELECT decision_id, undue_grosze, from_month, paid_months FROM benefit_recoveries WHERE process_instance_key = $1',
    [processInstanceKey],
  );
  return row
    ? {
        decisionId: row.decision_id,
        undueGrosze: Number(row.undue_grosze),
        fromMonth: row.from_month,
        months: row.paid_months,
      }
    : undefined;
}

/**
 * The benefits worker's decision on the recovery, stored once: the first submit of the task decides it (audited);
 * a repeat of the same task's submit changes nothing and answers the same; another task finds it decided.
 */
export async function recordRecoveryDecision(
  tx: Queryable,
  input: { decisionId: string; userId: string; taskKey: string; decision: RecoveryDecisionInput },
): Promise<RecoveryDecision> {
  const [row] = await tx.query<{
    id: string;
    case_id: string;
    status: string;
    undue_grosze: string | number;
    decided_task_key: string | null;
  }>(
    'SELECT id, case_id, status, undue_grosze, decided_task_key FROM benefit_recoveries WHERE decision_id = $1 FOR UPDATE',
    [input.decisionId],
  );
  if (!row)
    throw new AppError({
      code: 'conflict',
      message: 'W aktach nie ma świadczenia nienależnie pobranego do zwrotu.',
    });
  const decided = decideRecovery(input.decision, Number(row.undue_grosze));
  if (row.status === 'decided') {
    if (row.decided_task_key === input.taskKey) return decided;
    throw new AppError({
      code: 'conflict',
      message: 'Decyzja o zwrocie tego świadczenia jest już zapisana w aktach.',
    });
  }
  await tx.query(
    `UPDATE benefit_recoveries SET status = 'decided', resolution = $2, amount_grosze = $3, due_on = $4,
            instalment_count = $5, justification = $6, decided_by = $7, decided_at = now(), decided_task_key = $8
      WHERE id = $1`,
    [
      row.id,
      decided.resolution,
      decided.amountGrosze,
      decided.dueOn,
      decided.instalmentCount,
      decided.justification || null,
      input.userId,
      input.taskKey,
    ],
  );
  await tx.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'benefit-recovery-decided', 'decision', $2, $3)`,
    [
      input.userId,
      input.decisionId,
      JSON.stringify({
        caseId: row.case_id,
        resolution: decided.resolution,
        undueGrosze: Number(row.undue_grosze),
        amountGrosze: decided.amountGrosze,
        waivedGrosze: decided.waivedGrosze,
      }),
    ],
  );
  return decided;
}
