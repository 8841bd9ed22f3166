import type { Database } from '../db/database';
import { AppError } from '../errors/app-error';
import { findClient, intakePerson } from './client-identity';

export interface AttachedIntake {
  caseId: string;
  caseNumber: string;
  newlyAttached: boolean;
}

/**
 * Attaches an intake (a new application or report) to the client's open case, once: `intakes.attached_case_id` is
 * set only while empty, under the intake's row lock, and the case gets one note in the same transaction. A
 * redelivery finds the attachment and returns the same case. Refused (AppError, not retryable) when the case is
 * unknown or closed, or is not the case of the person of the intake (someone else's file).
 */
export async function attachIntakeToCase(
  db: Database,
  input: { intakeId: string; caseId: string; now: Date },
): Promise<AttachedIntake> {
  return db.transaction(async (tx) => {
    const [intake] = await tx.query<{ attached_case_id: string | null }>(
      'SELECT attached_case_id FROM intakes WHERE id = $1 FOR UPDATE',
      [input.intakeId],
    );
    if (!intake)
      throw new AppError({ code: 'not-found', message: `Nie ma w aktach przyjęcia ${input.intakeId}.` });
    if (intake.attached_case_id) {
      const [attached] = await tx.query<{ case_number: string }>(
        'SELECT case_number FROM cases WHERE id = $1',
        [intake.attached_case_id],
      );
      return {
        caseId: intake.attached_case_id,
        caseNumber: String(attached?.case_number),
        newlyAttached: false,
      };
    }
    const [kase] = await tx.query<{ case_number: string; client_id: string; status: string }>(
      'SELECT case_number, client_id, status FROM cases WHERE id = $1',
      [input.caseId],
    );
    if (!kase) throw new AppError({ code: 'not-found', message: `Nie ma w aktach sprawy ${input.caseId}.` });
    if (kase.status !== 'open') {
      throw new AppError({
        code: 'conflict',
        message: `Sprawa ${kase.case_number} jest już zamknięta — zgłoszenia nie można do niej dołączyć; załóż nową sprawę.`,
      });
    }
    const person = await intakePerson(tx, input.intakeId);
    const client = await findClient(tx, person?.key);
    if (client?.clientId !== kase.client_id) {
      throw new AppError({
        code: 'conflict',
        message: `Osoba z przyjęcia nie jest stroną sprawy ${kase.case_number} — zgłoszenia nie dołączono.`,
      });
    }
    await tx.query('UPDATE intakes SET attached_case_id = $2, attached_at = $3 WHERE id = $1', [
      input.intakeId,
      input.caseId,
      input.now,
    ]);
    await tx.query('INSERT INTO notes (case_id, body, created_at) VALUES ($1, $2, $3)', [
      input.caseId,
      `Dołączono nowe zgłoszenie (przyjęcie ${input.intakeId}): ${person?.need ?? ''}`.trim(),
      input.now,
    ]);
    return { caseId: input.caseId, caseNumber: kase.case_number, newlyAttached: true };
  });
}
