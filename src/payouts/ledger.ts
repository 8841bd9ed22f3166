import type { Database, Queryable } from '../db/database';
import { planInstalments } from '../domain/instalment-plan';
import { AppError } from '../errors/app-error';

/**
 * The payout ledger. Exactly once is enforced by the database, not by luck:
 * - an instalment exists once per (decision, number) and once per (decision, month) — a second delivery of
 *   `schedule-instalments` finds them and adds nothing;
 * - an instalment sits in at most one batch (a single `batch_id`), moved from `scheduled` to `queued` under a row
 *   lock — a second delivery of `pay-instalment` finds it queued and returns the same batch;
 * - a revoked or changed decision cancels only instalments not yet queued; queued and paid ones stay as they are.
 */
export interface ScheduledInstalment {
  id: string;
  instalmentNo: number;
  month: string;
  amountGrosze: number;
  status: string;
}

export async function scheduleInstalments(db: Database, decisionId: string): Promise<ScheduledInstalment[]> {
  return db.transaction(async (tx) => {
    const [decision] = await tx.query<{ outcome: string; status: string; plan_id: string | null }>(
      'SELECT outcome, status, plan_id FROM decisions WHERE id = $1 FOR UPDATE',
      [decisionId],
    );
    if (!decision) throw new AppError({ code: 'not-found', message: `Nie ma decyzji ${decisionId}.` });
    if (decision.outcome !== 'grant') return [];
    const [plan] = await tx.query<{
      amount_grosze: string | number;
      period_from: string | Date;
      period_to: string | Date;
      payout_method: string;
    }>('SELECT amount_grosze, period_from, period_to, payout_method FROM assistance_plans WHERE id = $1', [
      decision.plan_id,
    ]);
    if (!plan)
      throw new AppError({
        code: 'conflict',
        message: 'Decyzja przyznająca nie ma planu pomocy (kwota, okres).',
      });
    for (const instalment of planInstalments(
      isoDate(plan.period_from),
      isoDate(plan.period_to),
      Number(plan.amount_grosze),
    )) {
      await tx.query(
        `INSERT INTO payout_instalments (decision_id, instalment_no, month, amount_grosze, method)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [decisionId, instalment.instalmentNo, instalment.month, instalment.amountGrosze, plan.payout_method],
      );
    }
    return listInstalments(tx, decisionId);
  });
}

export async function listInstalments(db: Queryable, decisionId: string): Promise<ScheduledInstalment[]> {
  const rows = await db.query<{
    id: string;
    instalment_no: number;
    month: string;
    amount_grosze: string | number;
    status: string;
  }>(
    'SELECT id, instalment_no, month, amount_grosze, status FROM payout_instalments WHERE decision_id = $1 ORDER BY instalment_no',
    [decisionId],
  );
  return rows.map((r) => ({
    id: r.id,
    instalmentNo: Number(r.instalment_no),
    month: r.month,
    amountGrosze: Number(r.amount_grosze),
    status: r.status,
  }));
}

export interface QueuedPayout {
  instalmentId: string;
  batchId: string | null;
  kind: 'cash-list' | 'bank-transfer' | null;
  status: string;
  newlyQueued: boolean;
}

/** Puts the instalment on the day's cash list or transfer batch, once; a cancelled one is reported, not paid. */
export async function queueInstalment(
  db: Database,
  input: { decisionId: string; instalmentNo: number; payoutDate: string },
): Promise<QueuedPayout> {
  return db.transaction(async (tx) => {
    const [instalment] = await tx.query<{
      id: string;
      status: string;
      method: string;
      batch_id: string | null;
    }>(
      `SELECT id, status, method, batch_id FROM payout_instalments WHERE decision_id = $1 AND instalment_no = $2 FOR UPDATE`,
      [input.decisionId, input.instalmentNo],
    );
    if (!instalment) {
      throw new AppError({
        code: 'not-found',
        message: `Brak raty nr ${input.instalmentNo} decyzji ${input.decisionId}.`,
      });
    }
    if (instalment.status !== 'scheduled') {
      const [batch] = await tx.query<{ kind: QueuedPayout['kind'] }>(
        'SELECT kind FROM payout_batches WHERE id = $1',
        [instalment.batch_id],
      );
      return {
        instalmentId: instalment.id,
        batchId: instalment.batch_id,
        kind: batch?.kind ?? null,
        status: instalment.status,
        newlyQueued: false,
      };
    }
    const kind = instalment.method === 'cash' ? 'cash-list' : 'bank-transfer';
    const [batch] = await tx.query<{ id: string }>(
      `INSERT INTO payout_batches (kind, payout_date) VALUES ($1, $2)
       ON CONFLICT (kind, payout_date) DO UPDATE SET kind = EXCLUDED.kind RETURNING id`,
      [kind, input.payoutDate],
    );
    await tx.query(`UPDATE payout_instalments SET status = 'queued', batch_id = $2 WHERE id = $1`, [
      instalment.id,
      batch?.id,
    ]);
    return {
      instalmentId: instalment.id,
      batchId: batch?.id ?? null,
      kind,
      status: 'queued',
      newlyQueued: true,
    };
  });
}

/** When a decision is changed or revoked: instalments from `fromMonth` on that are not yet queued are cancelled. */
export async function cancelInstalmentsFrom(
  db: Database,
  decisionId: string,
  fromMonth: string,
): Promise<number> {
  const rows = await db.query(
    `UPDATE payout_instalments SET status = 'cancelled'
      WHERE decision_id = $1 AND month >= $2 AND status = 'scheduled' RETURNING id`,
    [decisionId, fromMonth],
  );
  return rows.length;
}

/** The cashier confirms a cash payout against the list (or the bank file is sent): the instalment is paid, once. */
export async function markPaid(
  db: Database,
  instalmentId: string,
  confirmedBy: string | null,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE payout_instalments SET status = 'paid', paid_at = now(), confirmed_by = $2
      WHERE id = $1 AND status = 'queued' RETURNING id`,
    [instalmentId, confirmedBy],
  );
  return rows.length > 0;
}

function isoDate(value: string | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}
