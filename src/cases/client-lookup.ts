import type { User } from '../auth/users';
import type { Database } from '../db/database';
import { checkPesel } from '../domain/pesel';
import { AppError } from '../errors/app-error';
import { VIOLENCE_CASE_SQL, VIOLENCE_TEAM } from './case-access';

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
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'client-lookup', 'client', $2, $3)`,
    [user.id, client?.id ?? null, JSON.stringify({ by: 'pesel', found: Boolean(client) })],
  );
  if (!client) return { found: false, openCases: [] };
  const cases = await db.query<{ id: string; case_number: string }>(
    // a violence-response (Niebieska Karta) case is not shown to those outside its team, even for the same client
    `SELECT c.id, c.case_number FROM cases c WHERE c.client_id = $1 AND c.status = 'open'
        AND ($2 OR NOT ${VIOLENCE_CASE_SQL}) ORDER BY c.created_at`,
    [client.id, user.roles.includes('managers') || user.roles.includes(VIOLENCE_TEAM)],
  );
  return {
    found: true,
    client: { firstName: client.first_name, lastName: client.last_name },
    openCases: cases.map((c) => ({ caseId: c.id, caseNumber: c.case_number })),
  };
}
