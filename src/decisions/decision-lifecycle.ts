import type { Database, Queryable } from '../db/database';
import { kpaDeadline } from '../domain/calendar';
import { AppError } from '../errors/app-error';

/**
 * What happens to an issued decision in the case file: dispatch, delivery (confirmed or deemed, art. 44 KPA),
 * waiver of appeal (art. 127a), an appeal and the SKO's ruling, enforceability. Every write is guarded so that
 * doing it twice (a redelivered job, a clerk pressing twice) changes nothing the second time.
 */
export interface DecisionFacts {
  id: string;
  caseId: string;
  caseNumber: string;
  number: string | null;
  status: string;
  outcome: 'grant' | 'refuse';
  dispatchedOn: string | null;
  deliveredOn: string | null;
  enforceableOn: string | null;
  preparedBy: string | null;
  approvedBy: string | null;
}

export async function decisionFacts(db: Queryable, decisionId: string, lock = false): Promise<DecisionFacts> {
  const [row] = await db.query<{
    id: string;
    case_id: string;
    case_number: string;
    number: string | null;
    status: string;
    outcome: 'grant' | 'refuse';
    dispatched_on: string | null;
    delivered_on: string | null;
    enforceable_on: string | null;
    prepared_by: string | null;
    approved_by: string | null;
  }>(
    `SELECT d.id, d.case_id, c.case_number, d.number, d.status, d.outcome, d.dispatched_on, d.delivered_on,
            d.enforceable_on, d.prepared_by, d.approved_by
       FROM decisions d JOIN cases c ON c.id = d.case_id WHERE d.id = $1${lock ? ' FOR UPDATE OF d' : ''}`,
    [decisionId],
  );
  if (!row) throw new AppError({ code: 'not-found', message: `Nie ma decyzji ${decisionId}.` });
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    number: row.number,
    status: row.status,
    outcome: row.outcome,
    dispatchedOn: row.dispatched_on,
    deliveredOn: row.delivered_on,
    enforceableOn: row.enforceable_on,
    preparedBy: row.prepared_by,
    approvedBy: row.approved_by,
  };
}

/** The day the decision went out; the first recorded day stays. */
export async function recordDispatch(db: Database, decisionId: string, on: string): Promise<string> {
  return db.transaction(async (tx) => {
    const d = await decisionFacts(tx, decisionId, true);
    if (!d.number) throw new AppError({ code: 'conflict', message: 'Decyzja nie ma jeszcze numeru.' });
    if (d.dispatchedOn) return d.dispatchedOn;
    await tx.query('UPDATE decisions SET dispatched_on = $2 WHERE id = $1', [decisionId, on]);
    return on;
  });
}

/**
 * Delivery: the day on the advice of delivery, or the presumed day of an art. 44 deemed delivery. The first
 * recorded delivery stays (a late confirmation does not move the appeal period the process already counts).
 */
export async function recordDelivery(
  db: Database,
  decisionId: string,
  deliveredOn: string,
  deemed: boolean,
): Promise<string> {
  return db.transaction(async (tx) => {
    const d = await decisionFacts(tx, decisionId, true);
    if (!d.dispatchedOn)
      throw new AppError({ code: 'conflict', field: 'deliveredOn', message: 'Decyzja nie została wysłana.' });
    if (deliveredOn < d.dispatchedOn)
      throw new AppError({
        code: 'validation',
        field: 'deliveredOn',
        message: `Data doręczenia nie może być wcześniejsza niż wysyłka (${d.dispatchedOn}).`,
      });
    if (d.deliveredOn) return d.deliveredOn;
    await tx.query(
      `UPDATE decisions SET delivered_on = $2, delivery_deemed = $3,
              status = CASE WHEN status = 'issued' THEN 'delivered' ELSE status END WHERE id = $1`,
      [decisionId, deliveredOn, deemed],
    );
    return deliveredOn;
  });
}

export async function recordWaiver(db: Database, decisionId: string, waivedOn: string): Promise<string> {
  return db.transaction(async (tx) => {
    const d = await decisionFacts(tx, decisionId, true);
    if (!d.deliveredOn)
      throw new AppError({
        code: 'conflict',
        field: 'waivedOn',
        message: 'Zrzec się odwołania można dopiero po doręczeniu decyzji (art. 127a KPA).',
      });
    const [row] = await tx.query<{ appeal_waived_on: string }>(
      'UPDATE decisions SET appeal_waived_on = COALESCE(appeal_waived_on, $2) WHERE id = $1 RETURNING appeal_waived_on',
      [decisionId, waivedOn],
    );
    return String(row?.appeal_waived_on);
  });
}

export interface AppealRecord {
  id: string;
  receivedOn: string;
  forwardDueOn: string;
  forwardedOn: string | null;
  created: boolean;
}

/** Registers an appeal (one open appeal per decision); the 7-day forwarding limit of art. 133 KPA is kept. */
export async function recordAppeal(
  db: Database,
  input: { decisionId: string; receivedOn: string; receivedBy?: string },
): Promise<AppealRecord> {
  return db.transaction(async (tx) => {
    const d = await decisionFacts(tx, input.decisionId, true);
    if (!d.number)
      throw new AppError({ code: 'conflict', message: 'Od decyzji niewydanej nie przysługuje odwołanie.' });
    const [open] = await tx.query<{
      id: string;
      received_on: string;
      forward_due_on: string;
      forwarded_on: string | null;
    }>(
      'SELECT id, received_on, forward_due_on, forwarded_on FROM appeals WHERE decision_id = $1 AND ruling IS NULL',
      [input.decisionId],
    );
    if (open)
      return {
        id: open.id,
        receivedOn: open.received_on,
        forwardDueOn: open.forward_due_on,
        forwardedOn: open.forwarded_on,
        created: false,
      };
    const forwardDueOn = kpaDeadline(input.receivedOn, 7);
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO appeals (decision_id, received_on, forward_due_on, received_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [input.decisionId, input.receivedOn, forwardDueOn, input.receivedBy ?? null],
    );
    return {
      id: String(row?.id),
      receivedOn: input.receivedOn,
      forwardDueOn,
      forwardedOn: null,
      created: true,
    };
  });
}

export type AppealRuling = 'upheld' | 'changed' | 'revoked' | 'remanded';

/** The SKO's ruling on the open (forwarded) appeal; recording the same ruling again changes nothing. */
export async function recordRuling(
  db: Database,
  input: { decisionId: string; ruling: AppealRuling; receivedOn: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await decisionFacts(tx, input.decisionId, true);
    const [appeal] = await tx.query<{ id: string; forwarded_on: string | null; ruling: string | null }>(
      `SELECT id, forwarded_on, ruling FROM appeals WHERE decision_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [input.decisionId],
    );
    if (!appeal)
      throw new AppError({
        code: 'conflict',
        field: 'ruling',
        message: 'W tej sprawie nie wniesiono odwołania.',
      });
    if (appeal.ruling) {
      if (appeal.ruling === input.ruling) return;
      throw new AppError({
        code: 'conflict',
        field: 'ruling',
        message: 'Rozstrzygnięcie SKO jest już zapisane w aktach.',
      });
    }
    if (!appeal.forwarded_on)
      throw new AppError({
        code: 'conflict',
        field: 'ruling',
        message: 'Odwołanie nie zostało jeszcze przekazane do SKO.',
      });
    await tx.query('UPDATE appeals SET ruling = $2, ruling_received_on = $3 WHERE id = $1', [
      appeal.id,
      input.ruling,
      input.receivedOn,
    ]);
    const status = { upheld: null, changed: 'amended', revoked: 'revoked', remanded: 'revoked' }[
      input.ruling
    ];
    if (status) await tx.query('UPDATE decisions SET status = $2 WHERE id = $1', [input.decisionId, status]);
  });
}

/** The decision can be carried out from this day (art. 130 KPA); the first recorded day stays. */
export async function recordEnforceable(db: Database, decisionId: string, on: string): Promise<string> {
  return db.transaction(async (tx) => {
    const d = await decisionFacts(tx, decisionId, true);
    if (d.enforceableOn) return d.enforceableOn;
    await tx.query('UPDATE decisions SET enforceable_on = $2 WHERE id = $1', [decisionId, on]);
    return on;
  });
}
