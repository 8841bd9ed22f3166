import type { User } from '../auth/users';
import type { Database } from '../db/database';
import { checkPesel } from '../domain/pesel';
import { AppError } from '../errors/app-error';

export interface ClientLookup {
  found: boolean;
  client?: { firstName: string; lastName: string };
  openCases: { caseId: string; caseNumber: string }[];
}

/** The duplicate check at first contact: is this PESEL already a client, with which open cases? (audit-logged) */
export async function lookupClientByPesel(db: Database, user: User, pesel: string): Promise<ClientLookup> {
  const check = checkPesel(pesel);
  if (!check.valid) throw new AppError({ code: 'validation', field: 'pesel', message: check.reason });
  const [client] = await db.query<{ id: string; first_name: string; last_name: string }>(
    'SELECT id, first_name, last_name FROM clients WHERE pesel = $1',
    [pesel],
  );
  await db.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'client-lookup', 'client', $2, '{}')`,
    [user.id, client?.id ?? null],
  );
  if (!client) return { found: false, openCases: [] };
  const cases = await db.query<{ id: string; case_number: string }>(
    `SELECT id, case_number FROM cases WHERE client_id = $1 AND status = 'open' ORDER BY created_at`,
    [client.id],
  );
  return {
    found: true,
    client: { firstName: client.first_name, lastName: client.last_name },
    openCases: cases.map((c) => ({ caseId: c.id, caseNumber: c.case_number })),
  };
}
