import { z } from 'zod';
import { AppError } from '../../errors/app-error';
import { markPaid } from '../../payouts/ledger';
import { caseOfInstance, type TaskForm } from './task-form';

const schema = z.object({
  instalmentNo: z.coerce.number().int('numer raty').min(1, 'wybierz ratę'),
  collected: z.enum(['yes'], { message: 'potwierdź odbiór podpisem na liście wypłat' }),
});

/**
 * Potwierdzenie wypłaty w kasie (cashiers): against the day's payout list, the cashier confirms that the person
 * collected the instalment. An instalment is marked paid once; confirming it again is refused.
 */
export const confirmCashPayoutForm: TaskForm = {
  title: 'Potwierdzenie wypłaty w kasie',
  fields: [
    {
      name: 'instalmentNo',
      label: 'Numer raty z listy wypłat',
      type: 'number',
      required: true,
      inputmode: 'numeric',
    },
    {
      name: 'collected',
      label: 'Odbiór',
      type: 'radio',
      required: true,
      options: [{ value: 'yes', label: 'Osoba odebrała kwotę i podpisała listę wypłat' }],
    },
  ],
  schema,
  async submit(tx, input, ctx) {
    const data = schema.parse(input);
    const caseId = await caseOfInstance(tx, ctx.processInstanceKey);
    const [instalment] = await tx.query<{ id: string }>(
      `SELECT i.id FROM payout_instalments i JOIN decisions d ON d.id = i.decision_id
        WHERE d.case_id = $1 AND i.instalment_no = $2 AND i.method = 'cash'
        ORDER BY i.confirmation_task_key IS NOT DISTINCT FROM $3 DESC, i.status = 'queued' DESC, i.month
        LIMIT 1 FOR UPDATE OF i`,
      [caseId, data.instalmentNo, ctx.userTaskKey],
    );
    const paid = instalment
      ? await markPaid(tx, instalment.id, ctx.userId, undefined, ctx.userTaskKey)
      : false;
    if (!paid) {
      throw new AppError({
        code: 'validation',
        field: 'instalmentNo',
        message: `Rata nr ${data.instalmentNo} nie czeka na wypłatę w kasie w tej sprawie (już wypłacona, anulowana albo przelew).`,
      });
    }
    return {};
  },
};
