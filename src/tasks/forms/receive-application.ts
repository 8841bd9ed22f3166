import { z } from 'zod';
import { PERSON_FIELDS, personShape, URGENT_FIELD } from './person-fields';
import type { TaskForm } from './task-form';

const schema = z.object(personShape);

/** Przyjęcie wniosku (first contact): the person and the need go to the case file; the engine gets intakeId, urgent. */
export const receiveApplicationForm: TaskForm = {
  title: 'Przyjęcie wniosku',
  fields: [
    ...PERSON_FIELDS,
    { name: 'need', label: 'Z czym osoba przychodzi (potrzeba)', type: 'text', required: true },
    URGENT_FIELD,
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
