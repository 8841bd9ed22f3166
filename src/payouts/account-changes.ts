import type { Database, Queryable } from '../db/database';
import { checkNrb } from '../domain/nrb';
import { AppError } from '../errors/app-error';

/**
 * A client's bank account after a decision was approved changes only with a second person (four eyes, as for
 * decisions): one person files the change (new account, reason), another approves or refuses it. Approval moves the
 * client's account and the frozen account of the client's granted decisions still paying; instalments already in an
 * exported batch keep the account they went to the bank with. Every step writes an audit row; the database refuses
 * an approval by the person who filed the change.
 */
export interface AccountChange {
  id: string;
  caseId: string;
  previousAccount: string | null;
  newAccount: string;
  reason: string;
  status: 'pending' | 'approved' | 'refused';
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export async function requestAccountChange(
  db: Database,
  input: { caseId: string; newAccount: unknown; reason: unknown; userId: string },
): Promise<AccountChange> {
  const nrb = checkNrb(typeof input.newAccount === 'string' ? input.newAccount : '');
  if (!nrb.valid) throw new AppError({ code: 'validation', field: 'newAccount', message: nrb.reason });
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (reason.length < 10)
    throw new AppError({
      code: 'validation',
      field: 'reason',
      message: 'Podaj, skąd wiadomo o nowym rachunku (np. pismo klienta z datą) — min. 10 znaków.',
    });
  return db.transaction(async (tx) => {
    const [client] = await tx.query<{ id: string; bank_account: string | null }>(
      'SELECT cl.id, cl.bank_account FROM cases c JOIN clients cl ON cl.id = c.client_id WHERE c.id = $1 FOR UPDATE OF cl',
      [input.caseId],
    );
    if (!client) throw new AppError({ code: 'not-found', message: 'Nie ma takiej sprawy.' });
    if (client.bank_account === nrb.nrb)
      throw new AppError({
        code: 'validation',
        field: 'newAccount',
        message: 'To jest obecny rachunek klienta.',
      });
    const [pending] = await tx.query(
      `SELECT 1 FROM account_changes WHERE client_id = $1 AND status = 'pending'`,
      [client.id],
    );
    if (pending)
      throw new AppError({
        code: 'conflict',
        message: 'Zmiana rachunku tego klienta już czeka na zatwierdzenie przez drugą osobę.',
      });
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO account_changes (client_id, case_id, previous_account, new_account, reason, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [client.id, input.caseId, client.bank_account, nrb.nrb, reason, input.userId],
    );
    await audit(tx, input.userId, 'account-change-requested', row!.id, {
      caseId: input.caseId,
      previousAccount: client.bank_account,
      newAccount: nrb.nrb,
    });
    return (await findChanges(tx, { id: row!.id }))[0]!;
  });
}

export async function decideAccountChange(
  db: Database,
  input: { changeId: string; approve: boolean; note?: unknown; userId: string },
): Promise<AccountChange> {
  const note = typeof input.note === 'string' ? input.note.trim() : '';
  if (!input.approve && note.length < 5)
    throw new AppError({ code: 'validation', field: 'note', message: 'Podaj powód odmowy (min. 5 znaków).' });
  return db.transaction(async (tx) => {
    const [change] = await tx.query<{
      status: string;
      requested_by: string;
      client_id: string;
      new_account: string;
    }>('SELECT status, requested_by, client_id, new_account FROM account_changes WHERE id = $1 FOR UPDATE', [
      input.changeId,
    ]);
    if (!change)
      throw new AppError({ code: 'not-found', message: 'Nie ma takiego wniosku o zmianę rachunku.' });
    if (change.requested_by === input.userId)
      throw new AppError({
        code: 'forbidden',
        message: 'Zmianę rachunku zatwierdza inna osoba niż ta, która ją złożyła — zasada dwóch par oczu.',
      });
    if (change.status !== 'pending')
      throw new AppError({ code: 'conflict', message: 'Ten wniosek został już rozpatrzony.' });
    await tx.query(
      `UPDATE account_changes SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4 WHERE id = $1`,
      [input.changeId, input.approve ? 'approved' : 'refused', input.userId, note || null],
    );
    let decisions = 0;
    if (input.approve) {
      await tx.query('UPDATE clients SET bank_account = $2 WHERE id = $1', [
        change.client_id,
        change.new_account,
      ]);
      const moved = await tx.query(
        `UPDATE decisions d SET payout_account = $2 FROM cases c
          WHERE c.id = d.case_id AND c.client_id = $1 AND d.outcome = 'grant'
            AND d.status NOT IN ('draft', 'revoked', 'amended') RETURNING d.id`,
        [change.client_id, change.new_account],
      );
      decisions = moved.length;
    }
    await audit(
      tx,
      input.userId,
      input.approve ? 'account-change-approved' : 'account-change-refused',
      input.changeId,
      {
        decisions,
        note: note || undefined,
      },
    );
    return (await findChanges(tx, { id: input.changeId }))[0]!;
  });
}

/** The changes of a case's client (newest first), or one by id. */
export async function findChanges(
  db: Queryable,
  by: { id: string } | { caseId: string },
): Promise<AccountChange[]> {
  const rows = await db.query<{
    id: string;
    case_id: string;
    previous_account: string | null;
    new_account: string;
    reason: string;
    status: AccountChange['status'];
    requested_by: string;
    requested_by_name: string;
    requested_at: Date | string;
    decided_by_name: string | null;
    decided_at: Date | string | null;
    decision_note: string | null;
  }>(
    `SELECT a.id, a.case_id, a.previous_account, a.new_account, a.reason, a.status, a.requested_by,
            r.display_name AS requested_by_name, a.requested_at, d.display_name AS decided_by_name, a.decided_at,
            a.decision_note
       FROM account_changes a JOIN users r ON r.id = a.requested_by LEFT JOIN users d ON d.id = a.decided_by
      WHERE ${'id' in by ? 'a.id = $1' : 'a.client_id = (SELECT client_id FROM cases WHERE id = $1)'}
      ORDER BY a.requested_at DESC`,
    ['id' in by ? by.id : by.caseId],
  );
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    previousAccount: r.previous_account,
    newAccount: r.new_account,
    reason: r.reason,
    status: r.status,
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name,
    requestedAt: new Date(r.requested_at).toISOString(),
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    decisionNote: r.decision_note,
  }));
}

async function audit(
  tx: Queryable,
  userId: string,
  action: string,
  changeId: string,
  details: object,
): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, $2, 'account-change', $3, $4)`,
    [userId, action, changeId, JSON.stringify(details)],
  );
}
