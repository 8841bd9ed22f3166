import { z } from 'zod';
import { caseOfInstance, type TaskForm } from './task-form';

const schema = z.object({ action: z.string().trim().min(5, 'opisz, co zrobiono (min. 5 znaków)').max(2000) });

/** Przekroczony termin wywiadu (managers): the manager records what was done; the note goes to the case file. */
export const reviewOverdueInterviewForm: TaskForm = {
  title: 'Przekroczony termin wywiadu — decyzja kierownika',
  fields: [
    {
      name: 'action',
      label: 'Podjęte działanie (np. przekazanie innemu pracownikowi)',
      type: 'textarea',
      required: true,
    },
  ],
  schema,
  async submit(tx, input, ctx) {
    const data = schema.parse(input);
    const caseId = await caseOfInstance(tx, ctx.processInstanceKey);
    await tx.query('INSERT INTO notes (case_id, author_id, body) VALUES ($1, $2, $3)', [
      caseId,
      ctx.userId,
      `Przekroczony termin wywiadu: ${data.action}`,
    ]);
    return {};
  },
};
