import { z } from 'zod';
import { BANK_ACCOUNT_FIELD, PAYOUT_METHOD_OPTIONS, saveClientAccount } from './payout-fields';
import { caseOfInstance, type TaskForm } from './task-form';

const schema = z.object({
  payoutMethod: z.enum(['cash', 'transfer'], { message: 'wybierz formę wypłaty' }),
  bankAccount: z.string().trim().optional(),
  correctionNote: z.string().trim().min(5, 'opisz, co poprawiono (min. 5 znaków)').max(2000),
});

/**
 * Popraw dane wypłaty (services-admin), after a payout was rejected (no valid account, the bank returned the
 * transfer): the client's account or the payout method of every instalment not yet paid changes in the case file,
 * with a note; the process then puts the instalment on a list again.
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
    BANK_ACCOUNT_FIELD,
    { name: 'correctionNote', label: 'Co poprawiono i skąd wiadomo', type: 'textarea', required: true },
  ],
  schema,
  async submit(tx, input, ctx) {
    const data = schema.parse(input);
    const caseId = await caseOfInstance(tx, ctx.processInstanceKey);
    if (data.payoutMethod === 'transfer') await saveClientAccount(tx, caseId, data.bankAccount);
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
