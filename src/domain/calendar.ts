/**
 * Working days and KPA deadlines in the Polish calendar (dates are 'YYYY-MM-DD' in Europe/Warsaw).
 *
 * Public holidays — art. 1 of the ustawa z dnia 18 stycznia 1951 r. o dniach wolnych od pracy, as in force from
 * 2011 (Święto Trzech Króli restored): 1 and 6 January, Easter Sunday and Monday, 1 and 3 May, Pentecost Sunday
 * (Zielone Świątki, Easter + 49), Corpus Christi (Boże Ciało, Easter + 60), 15 August, 1 and 11 November,
 * 25 and 26 December, and 24 December (Wigilia) from 2025 on — the amendment passed in December 2024 and in force
 * from 2025-02-01, so 24 Dec 2024 was still a working day. Years before 2011 are refused rather than computed
 * with a list that did not apply then. Saturdays and Sundays are not working days.
 *
 * KPA (Kodeks postępowania administracyjnego), art. 57: § 1 a deadline in days does not count the day of the
 * event and ends when the last day passes; § 3 a deadline in months ends on the day of the last month that
 * matches the first day, or on the last day of that month when it has no such day; § 4 (DOMAIN.md says § 5,
 * which is the rule on posting a letter in time — numbering to confirm against the consolidated text) a deadline
 * ending on a statutory holiday or on a Saturday ends on the next day that is neither. Saturday was written into
 * the KPA by the amendment in force from 2017-06-01 (Dz.U. 2017 poz. 935); earlier the NSA (I OPS 1/11, 2011)
 * had already treated it as a day off. So: a KPA deadline always ends on a working day as defined here.
 */
import { addDays, daysInMonth, formatDate, isoWeekday, parseDate, toDayNumber } from './calendar-date';
import { invalid } from './validation';

export interface PublicHoliday {
  date: string;
  name: string;
}

/** The first year the holiday list of art. 1 (as in force from 2011) applies to. */
export const FIRST_SUPPORTED_YEAR = 2011;
const CHRISTMAS_EVE_FROM_YEAR = 2025;

/** Easter Sunday of a Gregorian year by the anonymous Gregorian (Meeus/Jones/Butcher) algorithm. */
export function easterSunday(year: number): string {
  if (!Number.isSafeInteger(year) || year < 1583)
    throw invalid('year', 'rok musi być liczbą całkowitą ≥ 1583');
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatDate({ year, month, day });
}

const holidaysByYear = new Map<number, readonly PublicHoliday[]>();

/** The statutory public holidays of a year (from 2011), in date order. */
export function publicHolidays(year: number): readonly PublicHoliday[] {
  if (!Number.isSafeInteger(year) || year < FIRST_SUPPORTED_YEAR)
    throw invalid('year', `kalendarz dni wolnych od pracy obejmuje lata od ${FIRST_SUPPORTED_YEAR}`);
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  const fixed = (month: number, day: number, name: string): PublicHoliday => ({
    date: formatDate({ year, month, day }),
    name,
  });
  const easter = easterSunday(year);
  const list: PublicHoliday[] = [
    fixed(1, 1, 'Nowy Rok'),
    fixed(1, 6, 'Święto Trzech Króli'),
    { date: easter, name: 'pierwszy dzień Wielkiej Nocy' },
    { date: addDays(easter, 1), name: 'drugi dzień Wielkiej Nocy' },
    fixed(5, 1, 'Święto Państwowe'),
    fixed(5, 3, 'Święto Narodowe Trzeciego Maja'),
    { date: addDays(easter, 49), name: 'pierwszy dzień Zielonych Świątek' },
    { date: addDays(easter, 60), name: 'dzień Bożego Ciała' },
    fixed(8, 15, 'Wniebowzięcie Najświętszej Maryi Panny'),
    fixed(11, 1, 'Wszystkich Świętych'),
    fixed(11, 11, 'Narodowe Święto Niepodległości'),
    ...(year >= CHRISTMAS_EVE_FROM_YEAR ? [fixed(12, 24, 'Wigilia Bożego Narodzenia')] : []),
    fixed(12, 25, 'pierwszy dzień Bożego Narodzenia'),
    fixed(12, 26, 'drugi dzień Bożego Narodzenia'),
  ];
  const sorted = Object.freeze(list.sort((x, y) => (x.date < y.date ? -1 : 1)));
  holidaysByYear.set(year, sorted);
  return sorted;
}

/** The holiday's name, or undefined on an ordinary day. */
export function publicHolidayName(date: string): string | undefined {
  const { year } = parseDate(date);
  return publicHolidays(year).find((holiday) => holiday.date === date)?.name;
}

export function isPublicHoliday(date: string): boolean {
  return publicHolidayName(date) !== undefined;
}

/** Monday to Friday and not a public holiday. */
export function isWorkingDay(date: string): boolean {
  return isoWeekday(date) <= 5 && !isPublicHoliday(date);
}

/** The date itself if it is a working day, otherwise the next working day (art. 57 § 4 KPA shift). */
export function onOrAfterWorkingDay(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * The n-th working day after `from`; `from` itself is not counted whatever day it is (n = 0 gives `from`).
 * E.g. the family interview "within 14 working days" of learning it is needed, 2 in urgent cases.
 */
export function addWorkingDays(from: string, n: number): string {
  parseDate(from, 'from');
  if (!Number.isSafeInteger(n) || n < 0) throw invalid('n', 'musi być nieujemną liczbą całkowitą');
  let day = from;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) counted += 1;
  }
  return day;
}

/**
 * The n-th working day before `from` (`from` itself not counted): e.g. the day to warn a party five working days
 * before a KPA deadline ends (art. 36 KPA: the notice must reach the party before the deadline passes).
 */
export function subtractWorkingDays(from: string, n: number): string {
  parseDate(from, 'from');
  if (!Number.isSafeInteger(n) || n < 0) throw invalid('n', 'musi być nieujemną liczbą całkowitą');
  let day = from;
  for (let counted = 0; counted < n;) {
    day = addDays(day, -1);
    if (isWorkingDay(day)) counted += 1;
  }
  return day;
}

/** Working days in (from, to]: `from` excluded, `to` included; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string): number {
  const end = toDayNumber(to, 'to');
  let count = 0;
  for (let day = addDays(from, 1, 'from'); toDayNumber(day) <= end; day = addDays(day, 1))
    if (isWorkingDay(day)) count += 1;
  return count;
}

/**
 * A KPA deadline in days (art. 57 § 1): `days` calendar days after the event (the event's day not counted),
 * moved to the next working day when it ends on a Saturday, Sunday or holiday (art. 57 § 4).
 * E.g. the 14-day appeal period (art. 129 § 2) from delivery, the 7 days to forward an appeal (art. 133).
 */
export function kpaDeadline(from: string, days: number): string {
  return onOrAfterWorkingDay(kpaDaysTermEnd(from, days));
}

/** The end of a KPA day term before the art. 57 § 4 move: `days` calendar days after `from` (not counted). */
export function kpaDaysTermEnd(from: string, days: number): string {
  parseDate(from, 'from');
  if (!Number.isSafeInteger(days) || days < 0) throw invalid('days', 'musi być nieujemną liczbą całkowitą');
  return addDays(from, days);
}

/**
 * A KPA deadline in months (art. 57 § 3): the same day number `months` months later, or the last day of that
 * month when it is shorter (31 Jan + 1 month → 28/29 Feb), then the art. 57 § 4 shift to a working day.
 * E.g. the one-month / two-month limits for settling a case (art. 35 § 3 KPA).
 */
export function addMonthsKpa(from: string, months: number): string {
  return onOrAfterWorkingDay(kpaMonthsTermEnd(from, months));
}

/**
 * The end of a KPA month term before the art. 57 § 4 move: the day of the same number `months` months later, or
 * that month's last day when it has none.
 */
export function kpaMonthsTermEnd(from: string, months: number): string {
  const { year, month, day } = parseDate(from, 'from');
  if (!Number.isSafeInteger(months) || months < 0)
    throw invalid('months', 'musi być nieujemną liczbą całkowitą');
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return formatDate({ year: targetYear, month: targetMonth, day: targetDay });
}
