/**
 * Calendar dates as 'YYYY-MM-DD' strings: days in the Europe/Warsaw calendar, with no time and no zone.
 * Arithmetic runs on the proleptic Gregorian calendar through UTC midnight (Date.UTC), never in the machine's
 * local time zone, so a date never shifts by a day around DST changes or on a server set to another zone.
 */
import { invalid } from './validation';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface DateParts {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

/** The proleptic Gregorian calendar from its introduction; also keeps Date.UTC away from its 0–99 → 19xx quirk. */
const FIRST_YEAR = 1583;

/** Parses and checks a calendar date; `field` names it in the error ("2025-02-29" is rejected). */
export function parseDate(date: string, field = 'date'): DateParts {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!match) throw invalid(field, 'data musi mieć postać RRRR-MM-DD');
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (!exists(parts))
    throw invalid(field, `data ${date} nie istnieje lub jest spoza kalendarza gregoriańskiego`);
  return parts;
}

export function isValidDate(date: string): boolean {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  return match !== null && exists({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
}

function exists({ year, month, day }: DateParts): boolean {
  return year >= FIRST_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function formatDate({ year, month, day }: DateParts): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (a plain integer to add and compare). */
export function toDayNumber(date: string, field = 'date'): number {
  const { year, month, day } = parseDate(date, field);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number, field = 'date'): string {
  if (!Number.isSafeInteger(days)) throw invalid('days', 'musi być liczbą całkowitą');
  return fromDayNumber(toDayNumber(date, field) + days);
}

/** ISO weekday: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export function isoWeekday(date: string, field = 'date'): number {
  const weekday = new Date(toDayNumber(date, field) * MS_PER_DAY).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

const warsawFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The Warsaw calendar date of an instant: 2025-12-31T23:30:00Z is already '2026-01-01' in Warsaw (CET, UTC+1).
 * The zone database of Intl handles CET/CEST, so deadlines start on the day the office saw the event.
 */
export function warsawDate(instant: Date): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime()))
    throw invalid('instant', 'nieprawidłowy znacznik czasu');
  const parts = warsawFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
