import type { Database } from '../db/database';
import { counterSymbol, formatCaseNumber } from '../domain/case-number';
import { warsawDate } from '../domain/calendar-date';
import { AppError } from '../errors/app-error';

export interface IssuedDecision {
  decisionId: string;
  number: string;
  issuedOn: string;
  newlyIssued: boolean;
}

/**
 * Gives an approved decision its number and date, once: a second delivery of the job (or a crash after the
 * number was stored) finds the decision issued and returns the same number. Four eyes: the approver is set and
 * is not the person who prepared the draft (also a CHECK in the database).
 */
export async function issueDecision(
  db: Database,
  input: { decisionId: string; numberPattern: string; now: Date },
): Promise<IssuedDecision> {
  return db.transaction(async (tx) => {
    const [decision] = await tx.query<{
      number: string | null;
      issued_on: string | null;
      prepared_by: string | null;
      approved_by: string | null;
    }>('SELECT number, issued_on, prepared_by, approved_by FROM decisions WHERE id = $1 FOR UPDATE', [
      input.decisionId,
    ]);
    if (!decision) throw new AppError({ code: 'not-found', message: `Nie ma decyzji ${input.decisionId}.` });
    if (decision.number && decision.issued_on) {
      return {
        decisionId: input.decisionId,
        number: decision.number,
        issuedOn: String(decision.issued_on),
        newlyIssued: false,
      };
    }
    if (!decision.approved_by) {
      throw new AppError({ code: 'conflict', message: 'Decyzja nie została zatwierdzona przez kierownika.' });
    }
    if (decision.approved_by === decision.prepared_by) {
      throw new AppError({
        code: 'conflict',
        message: 'Zatwierdzić decyzję musi inna osoba niż ta, która ją przygotowała.',
      });
    }
    const issuedOn = warsawDate(input.now);
    const year = Number(issuedOn.slice(0, 4));
    const [counter] = await tx.query<{ last_value: number }>(
      `INSERT INTO decision_number_counters (symbol, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (symbol, year) DO UPDATE SET last_value = decision_number_counters.last_value + 1 RETURNING last_value`,
      [counterSymbol(input.numberPattern), year],
    );
    const number = formatCaseNumber(input.numberPattern, Number(counter?.last_value), year);
    await tx.query(`UPDATE decisions SET number = $2, issued_on = $3, status = 'issued' WHERE id = $1`, [
      input.decisionId,
      number,
      issuedOn,
    ]);
    return { decisionId: input.decisionId, number, issuedOn, newlyIssued: true };
  });
}
