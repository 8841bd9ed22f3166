/**
 * Deadlines a manager watches (issue 12, "Terminy i wczesne ostrzeganie"): which task of the model carries which
 * statutory term, how many Polish working days are left or how many are late, and the order of risk of the
 * "what will be late" list. Pure: the calendar of calendar.ts, no I/O.
 *
 * The terms and the tasks that carry them (bpmn/README.md, `camunda:dueDate`):
 * - `interview`: `family-interview` (`${interviewDue}`: 14 working days, 2 when urgent — art. 107 u.p.s. practice);
 * - `kpa`: `notify-delay` (`${kpaDue}`: one month, art. 35 KPA; the task appears 5 working days before, art. 36);
 *   after the notice the new date of the case file's delay notice is watched until the decision is issued;
 * - `appeal`: `review-appeal` (`${forwardDue}`: 7 days, art. 133 KPA); the case file's appeal has the same date;
 * - `blue-card`: `transfer-to-team` (5 working days), `form-diagnostic-group` (3), `first-group-meeting` (5)
 *   — the Niebieska Karta procedure.
 */
import { warsawDate } from './calendar-date';
import { addWorkingDays, workingDaysBetween } from './calendar';

export const DEADLINE_KINDS = ['interview', 'kpa', 'appeal', 'blue-card'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** The user tasks whose due date is a statutory term, by the term's kind. */
export const DEADLINE_TASKS: Record<DeadlineKind, readonly string[]> = {
  interview: ['family-interview'],
  kpa: ['notify-delay'],
  appeal: ['review-appeal'],
  'blue-card': ['transfer-to-team', 'form-diagnostic-group', 'first-group-meeting'],
};

/** The term in working days each task carries (for the page: "14 dni rob." / "2 dni rob. (pilna)"). */
export const TERM_WORKING_DAYS: Record<string, { normal: number; urgent?: number }> = {
  'family-interview': { normal: 14, urgent: 2 },
  'transfer-to-team': { normal: 5 },
  'form-diagnostic-group': { normal: 3 },
  'first-group-meeting': { normal: 5 },
};

/**
 * How close is "near" for each kind, in working days: the KPA month warns 5 working days before (the model's
 * `warningWorkingDays`, time for an art. 36 notice); the short terms warn 2 working days before.
 */
export const NEAR_WORKING_DAYS: Record<DeadlineKind, number> = {
  interview: 2,
  kpa: 5,
  appeal: 2,
  'blue-card': 2,
};

export function deadlineKindOf(elementId: string): DeadlineKind | undefined {
  return DEADLINE_KINDS.find((kind) => DEADLINE_TASKS[kind].includes(elementId));
}

export type DeadlineStatus = 'late' | 'near' | 'ok';

export interface DeadlineStanding {
  /** The due day in Warsaw. */
  dueDay: string;
  status: DeadlineStatus;
  /**
   * Working days left (≥ 0) or, negative, working days late: working days in (due day, today] when late, in
   * (today, due day] when not; a term due today is 0 (late once its hour has passed).
   */
  workingDays: number;
}

/**
 * Where a due instant stands at `now`: late once the instant has passed; near when at most `nearWorkingDays`
 * working days are left; the working days counted in the Polish calendar (weekends and public holidays skipped).
 */
export function deadlineStanding(dueAt: Date, now: Date, nearWorkingDays: number): DeadlineStanding {
  const today = warsawDate(now);
  const dueDay = warsawDate(dueAt);
  if (dueAt.getTime() < now.getTime()) {
    return { dueDay, status: 'late', workingDays: 0 - countWorkingDays(dueDay, today) };
  }
  const left = countWorkingDays(today, dueDay);
  return { dueDay, status: left <= nearWorkingDays ? 'near' : 'ok', workingDays: left };
}

/**
 * workingDaysBetween, remembered: a page of thousands of deadlines has only a few dozen distinct (due day, today)
 * pairs, and walking the calendar day by day for each row cost most of the page (bench/dashboard.ts).
 */
const counted = new Map<string, number>();
function countWorkingDays(from: string, to: string): number {
  const key = `${from}|${to}`;
  let days = counted.get(key);
  if (days === undefined) {
    if (counted.size >= 10_000) counted.clear();
    days = workingDaysBetween(from, to);
    counted.set(key, days);
  }
  return days;
}

/**
 * The last day a term may end on to count as "within N working days" of `today` (the N-th working day after it):
 * the SQL filter takes every due instant before the end of that day.
 */
export function horizonDay(today: string, workingDays: number): string {
  return addWorkingDays(today, workingDays);
}

export interface RiskCandidate {
  dueAt: Date;
  elementId: string;
  createdAt: Date;
}

/**
 * The order of "what will be late" (open tasks nobody holds, due within N working days): the fewest working days
 * left first; among equal days a statutory term (KPA, appeal, Niebieska Karta, interview) before an internal one,
 * because missing it breaks the law, not only a target; then the earlier due instant; then the older task (it has
 * waited longest without anyone taking it).
 */
export function compareRisk(
  a: RiskCandidate & { workingDaysLeft: number },
  b: RiskCandidate & { workingDaysLeft: number },
): number {
  return (
    a.workingDaysLeft - b.workingDaysLeft ||
    statutoryRank(a.elementId) - statutoryRank(b.elementId) ||
    a.dueAt.getTime() - b.dueAt.getTime() ||
    a.createdAt.getTime() - b.createdAt.getTime()
  );
}

function statutoryRank(elementId: string): number {
  return deadlineKindOf(elementId) ? 0 : 1;
}

/** Whole days (24 h) between two instants, never negative: the age of the oldest open task. */
export function ageInDays(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / 86_400_000));
}
