import type { Database, Queryable } from '../db/database';
import { counterSymbol, formatCaseNumber } from '../domain/case-number';
import { personKey } from '../domain/client-identity';

export interface RegisteredCase {
  caseId: string;
  caseNumber: string;
  created: boolean;
}

/**
 * Opens the case for an intake exactly once: a second delivery of the same job finds the case by intake_id
 * (unique) and gets the same id and number; the counter moves only in the transaction that creates the case.
 * An existing client is recognised by PESEL, else by identity document number.
 */
export async function registerCase(
  db: Database,
  input: { intakeId: string; processInstanceKey: string; pattern: string; now: Date; urgent?: boolean },
): Promise<RegisteredCase | undefined> {
  const existing = await findByIntake(db, input.intakeId);
  if (existing) return { ...existing, created: false };
  try {
    return await db.transaction(async (tx) => {
      const [intake] = await tx.query<{
        first_name: string;
        last_name: string;
        pesel: string | null;
        document_number: string | null;
        need: string;
        district_id: string | null;
      }>(
        'SELECT first_name, last_name, pesel, document_number, need, district_id FROM intakes WHERE id = $1',
        [input.intakeId],
      );
      if (!intake) return undefined;
      const clientId = await upsertClient(tx, intake);
      const year = Number(input.now.toLocaleString('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric' }));
      const [counter] = await tx.query<{ last_value: number }>(
        `INSERT INTO case_number_counters (symbol, year, last_value) VALUES ($1, $2, 1)
         ON CONFLICT (symbol, year) DO UPDATE SET last_value = case_number_counters.last_value + 1
         RETURNING last_value`,
        [counterSymbol(input.pattern), year],
      );
      const caseNumber = formatCaseNumber(input.pattern, Number(counter?.last_value), year);
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO cases (case_number, client_id, intake_id, process_instance_key, need, urgent, district_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          caseNumber,
          clientId,
          input.intakeId,
          input.processInstanceKey,
          intake.need,
          input.urgent ?? false,
          intake.district_id,
        ],
      );
      return { caseId: String(row?.id), caseNumber, created: true };
    });
  } catch (error) {
    // a concurrent delivery created it first (unique intake_id): return that one
    const raced = await findByIntake(db, input.intakeId);
    if (raced) return { ...raced, created: false };
    throw error;
  }
}

async function findByIntake(
  db: Queryable,
  intakeId: string,
): Promise<Omit<RegisteredCase, 'created'> | undefined> {
  const [row] = await db.query<{ id: string; case_number: string }>(
    'SELECT id, case_number FROM cases WHERE intake_id = $1',
    [intakeId],
  );
  return row ? { caseId: row.id, caseNumber: row.case_number } : undefined;
}

/** The client of the intake, recognised like check-duplicate-client does: by PESEL, else by document number. */
async function upsertClient(
  tx: Queryable,
  intake: { first_name: string; last_name: string; pesel: string | null; document_number: string | null },
): Promise<string> {
  const key = personKey({ pesel: intake.pesel, documentNumber: intake.document_number });
  if (key?.by === 'document') {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO clients (first_name, last_name, document_number) VALUES ($1, $2, $3)
       ON CONFLICT (document_number) DO UPDATE SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name
       RETURNING id`,
      [intake.first_name, intake.last_name, key.value],
    );
    return String(row?.id);
  }
  if (intake.pesel) {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO clients (first_name, last_name, pesel) VALUES ($1, $2, $3)
       ON CONFLICT (pesel) DO UPDATE SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name
       RETURNING id`,
      [intake.first_name, intake.last_name, intake.pesel],
    );
    return String(row?.id);
  }
  const [row] = await tx.query<{ id: string }>(
    'INSERT INTO clients (first_name, last_name) VALUES ($1, $2) RETURNING id',
    [intake.first_name, intake.last_name],
  );
  return String(row?.id);
}
