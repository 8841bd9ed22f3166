import { parseDate } from './calendar-date';
import {
  addWorkingDays,
  FIRST_SUPPORTED_YEAR,
  kpaDaysTermEnd,
  kpaMonthsTermEnd,
  onOrAfterWorkingDay,
} from './calendar';
import { invalid } from './validation';

/**
 * A deadline asked for through `GET /api/calendar/deadline`:
 * - `working-days`: the n-th working day after `from` (`from` not counted) — `{ due }`;
 * - `kpa-days`: a KPA day term (art. 57 § 1): `days` calendar days after `from` (the day of the event not counted);
 * - `kpa-months`: a KPA month term (art. 57 § 3): the day of the same number `months` months later, or that
 *   month's last day when it has none.
 * A KPA term that ends on a Saturday, a Sunday or a public holiday ends on the next day that is none of them
 * (art. 57 § 4): `due` is that day, `termEnd` the end before the move (equal when no move was needed).
 */
export type DeadlineKind = 'working-days' | 'kpa-days' | 'kpa-months';

export const DEADLINE_KINDS: readonly DeadlineKind[] = ['working-days', 'kpa-days', 'kpa-months'];

/** The query parameter that carries the amount of each kind. */
export const AMOUNT_FIELD: Record<DeadlineKind, 'workingDays' | 'days' | 'months'> = {
  'working-days': 'workingDays',
  'kpa-days': 'days',
  'kpa-months': 'months',
};

export type DeadlineAnswer = { due: string } | { due: string; termEnd: string };

export function deadlineFor(request: { from: string; kind: DeadlineKind; amount: number }): DeadlineAnswer {
  const { from, kind, amount } = request;
  const { year } = parseDate(from, 'from');
  if (year < FIRST_SUPPORTED_YEAR)
    throw invalid('from', `kalendarz dni wolnych od pracy obejmuje lata od ${FIRST_SUPPORTED_YEAR}`);
  const field = AMOUNT_FIELD[kind];
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw invalid(field, 'musi być nieujemną liczbą całkowitą');
  if (kind === 'working-days') return { due: addWorkingDays(from, amount) };
  const termEnd = kind === 'kpa-days' ? kpaDaysTermEnd(from, amount) : kpaMonthsTermEnd(from, amount);
  return { due: onOrAfterWorkingDay(termEnd), termEnd };
}
