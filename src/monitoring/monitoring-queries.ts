import { z } from 'zod';
import { isValidDate } from '../domain/calendar-date';
import { TASK_CATEGORIES } from '../domain/monitoring/task-category';
import { FLOW_STAGES } from '../domain/monitoring/case-flow';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'miesiąc w formacie RRRR-MM');
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'data w formacie RRRR-MM-DD')
  .refine(isValidDate, 'nie ma takiego dnia');
const slug = z.string().regex(/^[a-z0-9-]{1,60}$/, 'identyfikator (małe litery, cyfry i myślniki)');
const login = z.string().regex(/^[A-Za-z0-9._@-]{1,100}$/, 'login osoby');

function ordered<T extends { from?: string; to?: string }>(query: T, ctx: z.RefinementCtx): void {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'koniec okresu przed jego początkiem' });
}

/** The reform's measure: months of completion (both optional: from the first month with data to the latest). */
export const reformQuery = z
  .object({
    from: month.optional().describe('Pierwszy miesiąc (RRRR-MM, domyślnie pierwszy z danymi)'),
    to: month.optional().describe('Ostatni miesiąc (RRRR-MM, domyślnie ostatni z danymi)'),
    team: slug.optional().describe('Tylko ten zespół (rola, np. social-work)'),
  })
  .superRefine(ordered);
export type ReformQuery = z.infer<typeof reformQuery>;

/** The tasks behind one figure of the reform's measure. */
export const reformTasksQuery = z.object({
  month: month.describe('Miesiąc zakończenia zadań (RRRR-MM)'),
  person: login.optional().describe('Login osoby, która zakończyła zadania'),
  team: slug.optional().describe('Zespół (rola)'),
  category: z.enum(TASK_CATEGORIES).optional().describe('administrative, social-work albo other'),
});
export type ReformTasksQuery = z.infer<typeof reformTasksQuery>;

/** The flow of applications: days of application (default: the last 26 weeks up to today). */
export const flowQuery = z
  .object({
    from: day
      .optional()
      .describe('Pierwszy dzień złożenia wniosku (RRRR-MM-DD, domyślnie 26 tygodni wstecz)'),
    to: day.optional().describe('Ostatni dzień złożenia wniosku (RRRR-MM-DD, domyślnie dziś)'),
  })
  .superRefine(ordered);
export type FlowQuery = z.infer<typeof flowQuery>;

/** The cases behind one figure of the flow. */
export const flowCasesQuery = z
  .object({
    from: day.optional(),
    to: day.optional(),
    week: day.optional().describe('Tydzień (poniedziałek, RRRR-MM-DD) złożenia wniosku'),
    team: slug.optional().describe('Zespół (rola)'),
    site: slug.optional().describe('Siedziba; „none” — sprawy bez rejonu'),
    stage: z.enum(FLOW_STAGES).optional().describe('Tylko sprawy, które doszły do etapu'),
    outcome: z.enum(['granted', 'refused']).optional().describe('Wynik: przyznano albo odmówiono'),
  })
  .superRefine(ordered);
export type FlowCasesQuery = z.infer<typeof flowCasesQuery>;
