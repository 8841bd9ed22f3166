import { z } from 'zod';
import { recordRecoveryDecision, recoveryOfInstance } from '../../decisions/benefit-recovery';
import { RECOVERY_RESOLUTIONS } from '../../domain/benefit-recovery';
import { formatZl, zl } from '../../domain/money';
import { AppError } from '../../errors/app-error';
import type { TaskForm } from './task-form';

const day = /^\d{4}-\d{2}-\d{2}$/;

const schema = z.object({
  recoveryResolution: z.enum(RECOVERY_RESOLUTIONS, {
    message: 'wybierz: zwrot, rozłożenie na raty albo umorzenie',
  }),
  amount: z.string().trim().min(1, 'podaj kwotę do zwrotu w złotych (0 przy umorzeniu w całości)'),
  dueOn: z
    .string()
    .trim()
    .refine((v) => v === '' || day.test(v), 'data w postaci RRRR-MM-DD')
    .optional(),
  instalmentCount: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{1,3}$/.test(v), 'liczba rat')
    .optional(),
  justification: z.string().trim().max(4000).optional(),
});

/**
 * Decyzja o zwrocie nienależnie pobranego świadczenia (benefits, art. 98 u.p.s.): the amount from the payout ledger
 * is shown; the worker demands it (or less, with reasons), spreads it into instalments or waives it (art. 104, with
 * reasons). Stored once per decision in `benefit_recoveries` and audited; the process gets only the resolution.
 */
export const decideBenefitRecoveryForm: TaskForm = {
  title: 'Decyzja o zwrocie nienależnie pobranego świadczenia (art. 98 u.p.s.)',
  fields: [
    {
      name: 'recoveryResolution',
      label: 'Rozstrzygnięcie',
      type: 'radio',
      required: true,
      options: [
        { value: 'demand', label: 'Zwrot — żądanie zwrotu w terminie' },
        { value: 'instalments', label: 'Rozłożenie na raty (art. 104 u.p.s.)' },
        { value: 'waive', label: 'Umorzenie w całości lub w części (art. 104 u.p.s.)' },
      ],
    },
    {
      name: 'amount',
      label: 'Kwota do zwrotu (zł)',
      type: 'text',
      required: true,
      inputmode: 'decimal',
    },
    { name: 'dueOn', label: 'Termin zwrotu (przy ratach: pierwszej raty)', type: 'date' },
    {
      name: 'instalmentCount',
      label: 'Liczba rat (przy rozłożeniu na raty)',
      type: 'number',
      inputmode: 'numeric',
    },
    {
      name: 'justification',
      label: 'Uzasadnienie (wymagane przy ratach, umorzeniu i obniżeniu kwoty)',
      type: 'textarea',
    },
  ],
  schema,
  variables: ['decisionId'],
  async hints(db, processInstanceKey) {
    const recovery = await recoveryOfInstance(db, processInstanceKey);
    if (!recovery) return {};
    const months = recovery.months.join(', ');
    return {
      amount: `Nienależnie pobrane świadczenie z rejestru wypłat: ${formatZl(recovery.undueGrosze)} (wypłacone raty za miesiące: ${months}).`,
    };
  },
  async submit(tx, input, ctx) {
    const data = schema.parse(input);
    const decisionId = ctx.variables?.decisionId;
    if (typeof decisionId !== 'string' || !decisionId)
      throw new AppError({
        code: 'conflict',
        message: 'Zadanie nie wskazuje decyzji, której dotyczy zwrot.',
      });
    const amountGrosze = zl(data.amount.replace(/\s/g, '').replace(',', '.'), 'amount');
    const decided = await recordRecoveryDecision(tx, {
      decisionId,
      userId: ctx.userId,
      taskKey: ctx.userTaskKey,
      decision: {
        resolution: data.recoveryResolution,
        amountGrosze,
        dueOn: data.dueOn || null,
        instalmentCount: data.instalmentCount ? Number(data.instalmentCount) : null,
        justification: data.justification ?? '',
      },
    });
    return { recoveryResolution: decided.resolution };
  },
};
