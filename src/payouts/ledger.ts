import type { Database, Queryable } from '../db/database';
import { payoutDateAfterReturn } from '../domain/cash-return';
import { planInstalments } from '../domain/instalment-plan';
import { AppError } from '../errors/app-error';

/**
 * The payout ledger. Exactly once is enforced by the database, not by luck:
 * - an instalment exists once per (decision, number) and once per (decision, month) — a second delivery of
 *   `schedule-instalments` finds them and adds nothing;
 * - an instalment sits in at most one batch (a single `batch_id`), moved from `scheduled` to `queued` under a row
 *   lock — a second delivery of `pay-instalment` finds it queued and returns the same batch; only the day's open
 *   batch takes it (an exported transfer batch is frozen: a late instalment opens the day's next batch);
 * - a revoked or changed decision cancels only instalments not yet queued; queued and paid ones stay as they are;
 * - cash not collected in time is taken off its cash list once per return job (`payout_returns.return_key`) and at
 *   most once per list, only while it is still queued (a paid instalment is never returned), and goes back to
 *   `scheduled` with `next_list_after` = that list's day: the next queueing uses a later list, never the same one.
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
      month: string;
      batch_id: string | null;
      next_list_after: string | null;
    }>(
      `SELECT id, status, method, month, batch_id, next_list_after::text AS next_list_after
         FROM payout_instalments WHERE decision_id = $1 AND instalment_no = $2 FOR UPDATE`,
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
    // a payment needs a decision in force, every time: re-checked under the decision's lock in this transaction
    // (a revocation, a change or an SKO ruling recorded meanwhile cancels the instalment instead of queueing it)
    if (!(await decisionInForce(tx, input.decisionId, instalment.month))) {
      await tx.query(`UPDATE payout_instalments SET status = 'cancelled' WHERE id = $1`, [instalment.id]);
      return {
        instalmentId: instalment.id,
        batchId: null,
        kind: null,
        status: 'cancelled',
        newlyQueued: false,
      };
    }
    const kind = instalment.method === 'cash' ? 'cash-list' : 'bank-transfer';
    // returned cash goes on a list after the one it was taken off (cash-return.ts)
    const payoutDate = payoutDateAfterReturn(input.payoutDate, instalment.next_list_after);
    // the day's open batch; one exported meanwhile takes nothing more (the next one gets the next number)
    const [batch] = await tx.query<{ id: string }>(
      `INSERT INTO payout_batches (kind, payout_date, seq)
       VALUES ($1::text, $2::date, (SELECT coalesce(max(seq), 0) + 1 FROM payout_batches
                                     WHERE kind = $1::text AND payout_date = $2::date))
       ON CONFLICT (kind, payout_date) WHERE status = 'open' DO UPDATE SET kind = EXCLUDED.kind RETURNING id`,
      [kind, payoutDate],
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

/**
 * Whether the decision may be paid for `month` now (locks the decision row against a concurrent ruling): it grants,
 * is approved and not revoked or changed (`revoked`, `amended` — by the centre from a month, only from that month
 * on; by the SKO, wholly), is enforceable (the day recorded, or the art. 108
 * rygor) and the month is within its period (not expired).
 */
export async function decisionInForce(tx: Queryable, decisionId: string, month: string): Promise<boolean> {
  const [row] = await tx.query<{ ok: boolean }>(
    `SELECT (d.outcome = 'grant'
             AND (d.status IN ('approved', 'issued', 'delivered', 'final')
                  -- revoked or changed by the centre from a month: the months before it are still owed
                  OR (d.status IN ('revoked', 'amended') AND d.revised_from_month IS NOT NULL
                      AND $2 < d.revised_from_month))
             AND (d.enforceable_on IS NOT NULL OR d.immediate_enforceability)
             AND (p.period_to IS NULL OR to_char(p.period_to, 'YYYY-MM') >= $2)) AS ok
       FROM decisions d LEFT JOIN assistance_plans p ON p.id = d.plan_id
      WHERE d.id = $1 FOR SHARE OF d`,
    [decisionId, month],
  );
  return row?.ok === true;
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

/**
 * An instalment is paid, once: the cashier confirms a cash payout against the list (confirm-cash-payout), or the
 * bank confirms a transfer line (transfer-batches.ts `settleLine`). Only while it is queued — with `batchId`, only
 * while it is still in that batch (not after it was returned and re-listed). A repeat of the same confirmation task
 * (`confirmationTaskKey`) finds it paid by itself and answers true again; any other second call answers false.
 */
export async function markPaid(
  db: Queryable,
  instalmentId: string,
  confirmedBy: string | null,
  batchId?: string,
  confirmationTaskKey?: string,
): Promise<boolean> {
  const rows = await db.query(
    // a repeat of the same confirmation keeps the first one's time and person
    `UPDATE payout_instalments SET paid_at = CASE WHEN status = 'paid' THEN paid_at ELSE now() END,
            confirmed_by = CASE WHEN status = 'paid' THEN confirmed_by ELSE $2 END,
            status = 'paid', confirmation_task_key = $4
      WHERE id = $1 AND ($3::uuid IS NULL OR batch_id = $3::uuid)
        AND (status = 'queued' OR (status = 'paid' AND $4::text IS NOT NULL AND confirmation_task_key = $4::text))
      RETURNING id`,
    [instalmentId, confirmedBy, batchId ?? null, confirmationTaskKey ?? null],
  );
  return rows.length > 0;
}

export interface ReturnedCash {
  instalmentId: string;
  /** The instalment's status after the call: `scheduled` when returned, else as found (e.g. `paid`). */
  status: string;
  /** True only for the call that took it off the list. */
  newlyReturned: boolean;
  /** The cash list it was taken off under this return key (null when nothing was returned). */
  fromBatchId: string | null;
  /** The day of that list: the next list is a later one. */
  nextListAfter: string | null;
}

/**
 * Cash not collected by `collectBy`: takes the instalment off its cash list and marks it for a later list, exactly
 * once per `returnKey` (the job key). Under the instalment's row lock:
 * - this key already returned it → the same answer, nothing changes (even if it is on a new list by now);
 * - the instalment is not queued any more (paid after all, cancelled, already back to scheduled) → nothing changes:
 *   a paid instalment is never returned, so it is never paid twice;
 * - it is queued on a cash list → a `payout_returns` row (unique per key and per list), status `scheduled`, no batch,
 *   `next_list_after` = the list's day.
 */
export async function returnUncollectedCash(
  db: Database,
  input: { decisionId: string; instalmentNo: number; returnKey: string; collectBy?: string | null },
): Promise<ReturnedCash> {
  return db.transaction(async (tx) => {
    const [instalment] = await tx.query<{
      id: string;
      status: string;
      batch_id: string | null;
      next_list_after: string | null;
    }>(
      `SELECT id, status, batch_id, next_list_after::text AS next_list_after
         FROM payout_instalments WHERE decision_id = $1 AND instalment_no = $2 FOR UPDATE`,
      [input.decisionId, input.instalmentNo],
    );
    if (!instalment) {
      throw new AppError({
        code: 'not-found',
        message: `Brak raty nr ${input.instalmentNo} decyzji ${input.decisionId}.`,
      });
    }
    const [done] = await tx.query<{ batch_id: string; payout_date: string }>(
      `SELECT r.batch_id, b.payout_date::text AS payout_date FROM payout_returns r
         JOIN payout_batches b ON b.id = r.batch_id WHERE r.return_key = $1`,
      [input.returnKey],
    );
    if (done) {
      return {
        instalmentId: instalment.id,
        status: instalment.status,
        newlyReturned: false,
        fromBatchId: done.batch_id,
        nextListAfter: done.payout_date,
      };
    }
    const unchanged: ReturnedCash = {
      instalmentId: instalment.id,
      status: instalment.status,
      newlyReturned: false,
      fromBatchId: null,
      nextListAfter: instalment.next_list_after,
    };
    if (instalment.status !== 'queued') return unchanged;
    const [batch] = await tx.query<{ kind: string; payout_date: string }>(
      'SELECT kind, payout_date::text AS payout_date FROM payout_batches WHERE id = $1',
      [instalment.batch_id],
    );
    if (batch?.kind !== 'cash-list') {
      throw new AppError({
        code: 'conflict',
        message: `Rata nr ${input.instalmentNo} nie jest na liście wypłat w kasie (forma wypłaty: przelew) — nie ma czego zwracać.`,
      });
    }
    await tx.query(
      `INSERT INTO payout_returns (instalment_id, batch_id, return_key, collect_by) VALUES ($1, $2, $3, $4)`,
      [instalment.id, instalment.batch_id, input.returnKey, input.collectBy ?? null],
    );
    await tx.query(
      `UPDATE payout_instalments SET status = 'scheduled', batch_id = NULL, next_list_after = $2 WHERE id = $1`,
      [instalment.id, batch.payout_date],
    );
    return {
      instalmentId: instalment.id,
      status: 'scheduled',
      newlyReturned: true,
      fromBatchId: instalment.batch_id,
      nextListAfter: batch.payout_date,
    };
  });
}

function isoDate(value: string | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}
