import type { Queryable } from '../db/database';
import { personKey, type PersonKey } from '../domain/client-identity';

export interface IntakePerson {
  intakeId: string;
  firstName: string;
  lastName: string;
  need: string;
  key: PersonKey | undefined;
}

export interface RecognisedClient {
  clientId: string;
  since: string;
}

/** The person of an intake as the register knows them: by PESEL, else by document number (client-identity.ts). */
export async function intakePerson(db: Queryable, intakeId: string): Promise<IntakePerson | undefined> {
  const [intake] = await db.query<{
    first_name: string;
    last_name: string;
    pesel: string | null;
    document_number: string | null;
    need: string;
  }>('SELECT first_name, last_name, pesel, document_number, need FROM intakes WHERE id = $1', [intakeId]);
  if (!intake) return undefined;
  return {
    intakeId,
    firstName: intake.first_name,
    lastName: intake.last_name,
    need: intake.need,
    key: personKey({ pesel: intake.pesel, documentNumber: intake.document_number }),
  };
}

export async function findClient(
  db: Queryable,
  key: PersonKey | undefined,
): Promise<RecognisedClient | undefined> {
  if (!key) return undefined;
  const [row] = await db.query<{ id: string; since: string }>(
    key.by === 'pesel'
      ? `SELECT id, (created_at AT TIME ZONE 'Europe/Warsaw')::date::text AS since FROM clients WHERE pesel = $1`
      : `SELECT id, (created_at AT TIME ZONE 'Europe/Warsaw')::date::text AS since FROM clients WHERE document_number = $1`,
    [key.value],
  );
  return row ? { clientId: row.id, since: row.since } : undefined;
}

/**
 * The open case of a client the new intake may belong to: the most recently opened one still open. A case founded
 * by this very intake is not "another" case and is skipped (a redelivery after register-case cannot match itself).
 */
export async function openCaseOf(
  db: Queryable,
  clientId: string,
  excludeIntakeId: string,
): Promise<{ caseId: string; caseNumber: string } | undefined> {
  const [row] = await db.query<{ id: string; case_number: string }>(
    `SELECT id, case_number FROM cases WHERE client_id = $1 AND status = 'open' AND intake_id <> $2
      ORDER BY created_at DESC, case_number DESC LIMIT 1`,
    [clientId, excludeIntakeId],
  );
  return row ? { caseId: row.id, caseNumber: row.case_number } : undefined;
}
