import { z } from 'zod';
import { checkPesel } from '../../domain/pesel';
import type { TaskForm } from './task-form';

const schema = z.object({
  firstName: z.string().trim().min(1, 'podaj imię').max(100),
  lastName: z.string().trim().min(1, 'podaj nazwisko').max(100),
  pesel: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      const check = checkPesel(value);
      if (!check.valid) ctx.addIssue({ code: 'custom', message: check.reason });
    }),
  need: z.string().trim().min(3, 'opisz potrzebę (min. 3 znaki)').max(2000),
  urgent: z.enum(['yes', 'no']).default('no'),
});

/** Przyjęcie wniosku (first contact): the person and the need go to the case file; the engine gets intakeId, urgent. */
export const receiveApplicationForm: TaskForm = {
  title: 'Przyjęcie wniosku',
  fields: [
    { name: 'firstName', label: 'Imię', type: 'text', required: true },
    { name: 'lastName', label: 'Nazwisko', type: 'text', required: true },
    { name: 'pesel', label: 'PESEL (jeśli osoba go ma)', type: 'text', inputmode: 'numeric' },
    { name: 'need', label: 'Z czym osoba przychodzi (potrzeba)', type: 'text', required: true },
    {
      name: 'urgent',
      label: 'Sprawa pilna (zagrożenie życia lub zdrowia, bezdomność zimą…)',
      type: 'radio',
      options: [
        { value: 'no', label: 'Nie' },
        { value: 'yes', label: 'Tak' },
      ],
    },
  ],
  schema,
  async submit(tx, input, ctx) {
    const data = schema.parse(input);
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO intakes (user_task_key, first_name, last_name, pesel, need, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_task_key) DO UPDATE SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
         pesel = EXCLUDED.pesel, need = EXCLUDED.need
       RETURNING id`,
      [ctx.userTaskKey, data.firstName, data.lastName, data.pesel ?? null, data.need, ctx.userId],
    );
    return { intakeId: row?.id, urgent: data.urgent === 'yes' };
  },
};
