import { z } from 'zod';
import { AppError } from '../../errors/app-error';
import { caseOfInstance, type TaskForm } from './task-form';

const schema = z.object({
  approve: z.enum(['yes', 'no'], { message: 'zatwierdź albo zwróć do poprawy' }),
  note: z.string().trim().max(2000).optional(),
});

/**
 * Zatwierdzenie decyzji (managers): four eyes — whoever prepared the draft cannot approve it (checked here with a
 * clear message, and by a CHECK constraint in the database). The approver signs: name and position go on the decision.
 */
export const approveDecisionForm: TaskForm = {
  title: 'Zatwierdzenie decyzji (drugie oczy)',
  fields: [
    {
      name: 'approve',
      label: 'Decyzja kierownika',
      type: 'radio',
      required: true,
      options: [
        { value: 'yes', label: 'Zatwierdzam i podpisuję' },
        { value: 'no', label: 'Zwracam do poprawy' },
      ],
    },
    { name: 'note', label: 'Uwagi (przy zwrocie)', type: 'textarea' },
  ],
  schema,
  variables: ['decisionId'],
  async submit(tx, input, ctx) {
    const data = schema.parse(input);
    const caseId = await caseOfInstance(tx, ctx.processInstanceKey);
    // the draft this task was created for (the decision instance's own decisionId), never "the case's newest draft":
    // a case can have a benefits and a services draft at once, each approved on its own
    const decisionId = ctx.variables?.decisionId;
    if (typeof decisionId !== 'string' || !decisionId) {
      throw new AppError({
        code: 'conflict',
        message: 'Zadanie nie wskazuje projektu decyzji do zatwierdzenia.',
      });
    }
    const [draft] = await tx.query<{ id: string; prepared_by: string | null }>(
      `SELECT id, prepared_by FROM decisions WHERE id = $1 AND case_id = $2 AND status = 'draft' FOR UPDATE`,
      [decisionId, caseId],
    );
    if (!draft) throw new AppError({ code: 'conflict', message: 'Brak projektu decyzji do zatwierdzenia.' });
    if (draft.prepared_by === ctx.userId) {
      throw new AppError({
        code: 'validation',
        field: 'approve',
        message: 'Nie możesz zatwierdzić decyzji, którą sam(a) przygotowałeś(-aś) — zasada dwóch par oczu.',
      });
    }
    if (data.approve === 'no') {
      await tx.query('UPDATE decisions SET approval_note = $2 WHERE id = $1', [draft.id, data.note ?? null]);
      return { decisionApproved: false };
    }
    await tx.query(
      // the account a transfer goes to is frozen now; afterwards only a four-eyes account change moves it
      `UPDATE decisions d SET approved_by = $2, status = 'approved', approval_note = $3,
              signer_name = u.display_name, signer_position = u.position,
              payout_account = (SELECT cl.bank_account FROM cases c JOIN clients cl ON cl.id = c.client_id
                                 WHERE c.id = d.case_id)
         FROM users u WHERE d.id = $1 AND u.id = $2`,
      [draft.id, ctx.userId, data.note ?? null],
    );
    return { decisionApproved: true, decisionId: draft.id };
  },
};
