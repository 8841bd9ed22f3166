import { z } from 'zod';
import type { Queryable } from '../db/database';
import { checkPesel } from '../domain/pesel';

/**
 * What each user task accepts. Personal data is written to the case file here; only the variables the process
 * needs are returned for the engine.
 */
export interface TaskForm {
  schema: z.ZodType<Record<string, unknown>>;
  /** Stores what belongs in the case file and returns the process variables. */
  submit(
    tx: Queryable,
    input: Record<string, unknown>,
    ctx: { userTaskKey: string; userId: string },
  ): Promise<Record<string, unknown>>;
}

const receiveApplication = z.object({
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
});

const reviewApplication = z.object({
  decision: z.enum(['grant', 'refuse'], { message: 'wybierz: przyznać albo odmówić' }),
});

export const TASK_FORMS: Record<string, TaskForm> = {
  'receive-application': {
    schema: receiveApplication,
    async submit(tx, input, ctx) {
      const data = receiveApplication.parse(input);
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO intakes (user_task_key, first_name, last_name, pesel, need, created_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (user_task_key) DO UPDATE SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
           pesel = EXCLUDED.pesel, need = EXCLUDED.need
         RETURNING id`,
        [ctx.userTaskKey, data.firstName, data.lastName, data.pesel ?? null, data.need, ctx.userId],
      );
      return { intakeId: row?.id };
    },
  },
  'review-application': {
    schema: reviewApplication,
    submit(_tx, input) {
      const data = reviewApplication.parse(input);
      return Promise.resolve({ reviewDecision: data.decision });
    },
  },
};
