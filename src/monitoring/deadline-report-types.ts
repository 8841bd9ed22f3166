import { z } from 'zod';
import { DEADLINE_KINDS, type DeadlineKind, type DeadlineStatus } from '../domain/deadline-watch';

/** The shapes of the deadlines report (`deadlines.ts` builds it): its query and its rows. */

/** The deadlines page's and API's filter: one kind or all, one team (role) or all, the horizon N of "what will be late". */
export const deadlinesQuerySchema = z.object({
  kind: z.enum(DEADLINE_KINDS).optional().describe('Rodzaj terminu: interview, kpa, appeal, blue-card'),
  status: z.enum(['late', 'near']).optional().describe('Tylko po terminie (late) albo blisko terminu (near)'),
  team: z
    .string()
    .regex(/^[a-z-]{1,50}$/, 'identyfikator zespołu (roli)')
    .optional()
    .describe('Zespół (rola, grupa kandydatów)'),
  days: z.coerce
    .number()
    .int('liczba całkowita')
    .min(0)
    .max(60)
    .default(3)
    .describe('„Co się spóźni”: termin w ciągu tylu dni roboczych (domyślnie 3)'),
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('Najwięcej wierszy w sekcji'),
});
export type DeadlinesQuery = z.infer<typeof deadlinesQuerySchema>;

export interface DeadlineRow {
  kind: DeadlineKind;
  /** Where the date comes from: the task's due date (the model's variable) or the case file (delay notice, appeal). */
  source: 'task' | 'delay-notice' | 'appeal';
  caseId: string | null;
  caseNumber: string | null;
  urgent: boolean;
  teamRole: string | null;
  teamName: string | null;
  userTaskKey: string | null;
  elementId: string | null;
  taskName: string | null;
  /** The login holding the task; null: nobody („nieprzypisane”). */
  assignee: string | null;
  assigneeName: string | null;
  /** The term in working days the task carries (14 / 2 urgent, 5, 3), when it is one. */
  termWorkingDays: number | null;
  dueAt: string;
  dueDay: string;
  status: DeadlineStatus;
  /** Working days left (≥ 0) or, negative, late. */
  workingDays: number;
}

export interface DeadlineSection {
  kind: DeadlineKind;
  nearWorkingDays: number;
  late: number;
  near: number;
  items: DeadlineRow[];
}

export interface AtRiskRow extends Omit<DeadlineRow, 'kind'> {
  /** The statutory term the task carries, or null for a task with an internal due date only. */
  kind: DeadlineKind | null;
  /** Its place in the order of risk (1 = the first to act on). */
  rank: number;
}

export interface DeadlinesReport {
  today: string;
  sections: DeadlineSection[];
  atRisk: { days: number; horizonDay: string; items: AtRiskRow[] };
}
