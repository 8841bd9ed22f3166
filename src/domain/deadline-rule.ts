import { addMonthsKpa, addWorkingDays, kpaDeadline, subtractWorkingDays } from './calendar';
import { warsawDateTime } from './warsaw-time';
import { invalid } from './validation';

/**
 * A due-date rule as a process owner writes it in the diagram (task headers of `compute-due-date`):
 * - `working-days`: the n-th working day after the start (interview: 14, or 2 when urgent; Niebieska Karta 5/3/5);
 * - `kpa-days`: n calendar days, moved to the next working day when it ends on a holiday or weekend (KPA art. 57);
 * - `kpa-months`: n months (KPA one-month limit for a decision), with the same move.
 * Optionally a warning `warningWorkingDays` working days before the due day, at the start of the office day
 * (`warningVariable`): the one-month KPA watch that leaves time for an art. 36 notice.
 */
export interface DeadlineRule {
  kind: 'working-days' | 'kpa-days' | 'kpa-months';
  amount: number;
  urgentAmount?: number;
  /** Office closing time in Warsaw on the due day. */
  time: string;
  /** Working days before the due day when the warning fires (08:00 Warsaw), if any. */
  warningWorkingDays?: number;
}

/** When the office day starts: warnings fire then, so someone can act on them the same day. */
const WARNING_TIME = '08:00';

export function parseDeadlineRule(headers: Record<string, unknown>): DeadlineRule {
  const kind = String(headers.deadlineKind ?? 'working-days');
  if (kind !== 'working-days' && kind !== 'kpa-days' && kind !== 'kpa-months') {
    throw invalid('deadlineKind', `nieznany rodzaj terminu „${kind}” (working-days, kpa-days, kpa-months)`);
  }
  const amount = Number(headers.deadlineAmount);
  if (!Number.isInteger(amount) || amount < 0 || amount > 3650)
    throw invalid('deadlineAmount', 'liczba dni/miesięcy 0–3650');
  const urgentAmount =
    headers.deadlineUrgentAmount === undefined ? undefined : Number(headers.deadlineUrgentAmount);
  if (urgentAmount !== undefined && (!Number.isInteger(urgentAmount) || urgentAmount < 0)) {
    throw invalid('deadlineUrgentAmount', 'liczba dni/miesięcy w sprawie pilnej');
  }
  const warningWorkingDays =
    headers.warningWorkingDays === undefined ? undefined : Number(headers.warningWorkingDays);
  if (warningWorkingDays !== undefined && (!Number.isInteger(warningWorkingDays) || warningWorkingDays < 0)) {
    throw invalid('warningWorkingDays', 'liczba dni roboczych przed terminem');
  }
  return { kind, amount, urgentAmount, time: String(headers.deadlineTime ?? '15:30'), warningWorkingDays };
}

/** The due day and the instant the engine gets, from the start date (a Warsaw calendar date). */
export function applyDeadlineRule(
  rule: DeadlineRule,
  from: string,
  urgent: boolean,
): { dueDay: string; dueAt: string; warningDay?: string; warningAt?: string } {
  const amount = urgent && rule.urgentAmount !== undefined ? rule.urgentAmount : rule.amount;
  const dueDay =
    rule.kind === 'working-days'
      ? addWorkingDays(from, amount)
      : rule.kind === 'kpa-days'
        ? kpaDeadline(from, amount)
        : addMonthsKpa(from, amount);
  const dueAt = warsawDateTime(dueDay, rule.time);
  if (rule.warningWorkingDays === undefined) return { dueDay, dueAt };
  return { dueDay, dueAt, ...warningBefore(dueDay, rule.warningWorkingDays, from) };
}

/**
 * The warning `workingDays` working days before `dueDay`, at the start of the office day — never before
 * `notBefore` (a deadline shorter than the warning period warns on its first day).
 */
export function warningBefore(
  dueDay: string,
  workingDays: number,
  notBefore: string,
): { warningDay: string; warningAt: string } {
  const warned = subtractWorkingDays(dueDay, workingDays);
  const warningDay = warned < notBefore ? notBefore : warned;
  return { warningDay, warningAt: warsawDateTime(warningDay, WARNING_TIME) };
}
