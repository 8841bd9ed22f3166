import { z } from 'zod';
import { checkNrb } from '../../domain/nrb';
import { AppError } from '../../errors/app-error';
import { PAYOUT_METHOD_OPTIONS } from './payout-fields';
import { caseOfInstance, type TaskForm } from './task-form';

const schema = z.object({
  payoutMethod: z.enum(['cash', 'transfer'], { message: 'wybierz formę wypłaty' }),
  correctionNote: z.string().trim().min(5, 'opisz, co poprawiono (min. 5 znaków)').max(2000),
});

/**
 * Popraw dane wypłaty (services-admin), after a payout was rejected (no valid account, the bank returned the
 * transfer): the payout method of every instalment not yet paid changes in the case file, with a note; the process
 * then puts the instalment on a list again. The account itself is not typed here: it is frozen at the decision's
 * approval and moves only by a four-eyes account change (account-changes.ts), so a transfer is chosen only when the
 * decisions to pay have a valid approved account.
 */
export const correctPayoutDetailsForm: TaskForm = {
  title: 'Popraw dane wypłaty',
  fields: [
    {
      name: 'payoutMethod',
      label: 'Forma wypłaty',
      type: 'radio',
      required: true,
      options: PAYOUT_METHOD_OPTIONS,
    },
    { name: 'correctionNote', label: 'Co poprawiono i skąd wiadomo', type: 'textarea', required: true },
  ],
  schema,
  async submit(tx, input, ctx) {
    const data = schema.parse(input);
    const caseId = await caseOfInstance(tx, ctx.processInstanceKey);
    if (data.payoutMethod === 'transfer') {
      const accounts = await tx.query<{ payout_account: string | null }>(
        `SELECT DISTINCT d.payout_account FROM decisions d JOIN payout_instalments i ON i.decision_id = d.id
          WHERE d.case_id = $1 AND i.status = 'scheduled'`,
        [caseId],
      );
      if (accounts.some((a) => !checkNrb(a.payout_account ?? '').valid))
        throw new AppError({
          code: 'validation',
          field: 'payoutMethod',
          message:
            'Decyzja nie ma poprawnego zatwierdzonego rachunku. Złóż wniosek o zmianę rachunku na stronie sprawy (zatwierdza go druga osoba) i zakończ to zadanie po zatwierdzeniu albo wybierz wypłatę w kasie.',
        });
    }
    await tx.query(
      `UPDATE payout_instalments SET method = $2
        WHERE status = 'scheduled' AND decision_id IN (SELECT id FROM decisions WHERE case_id = $1)`,
      [caseId, data.payoutMethod],
    );
    await tx.query('INSERT INTO notes (case_id, author_id, body) VALUES ($1, $2, $3)', [
      caseId,
      ctx.userId,
      `Korekta danych wypłaty (${data.payoutMethod === 'cash' ? 'gotówka w kasie' : 'przelew'}): ${data.correctionNote}`,
    ]);
    return { payoutMethod: data.payoutMethod };
  },
};
