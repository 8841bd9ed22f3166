import { addMonthsKpa, addWorkingDays, kpaDeadline } from './calendar';
import { warsawDateTime } from './warsaw-time';
import { invalid } from './validation';

/**
 * A due-date rule as a process owner writes it in the diagram (task headers of `compute-due-date`):
 * - `working-days`: the n-th working day after the start (interview: 14, or 2 when urgent; Niebieska Karta 5/3/5);
 * - `kpa-days`: n calendar days, moved to the next working day when it ends on a holiday or weekend (KPA art. 57);
 * - `kpa-months`: n months (KPA one-month limit for a decision), with the same move.
 */
export interface DeadlineRule {
  kind: 'working-days' | 'kpa-days' | 'kpa-months';
  amount: number;
  urgentAmount?: number;
  /** Office closing time in Warsaw on the due day. */
  time: string;
}

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
  return { kind, amount, urgentAmount, time: String(headers.deadlineTime ?? '15:30') };
}

/** The due day and the instant the engine gets, from the start date (a Warsaw calendar date). */
export function applyDeadlineRule(
  rule: DeadlineRule,
  from: string,
  urgent: boolean,
): { dueDay: string; dueAt: string } {
  const amount = urgent && rule.urgentAmount !== undefined ? rule.urgentAmount : rule.amount;
  const dueDay =
    rule.kind === 'working-days'
      ? addWorkingDays(from, amount)
      : rule.kind === 'kpa-days'
        ? kpaDeadline(from, amount)
        : addMonthsKpa(from, amount);
  return { dueDay, dueAt: warsawDateTime(dueDay, rule.time) };
}
