import { parseDate } from './calendar-date';
import { invalid } from './validation';

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Warsaw',
  timeZoneName: 'longOffset',
});

/** The Warsaw UTC offset in minutes at an instant (+60 in winter, +120 in summer). */
export function warsawOffsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * A calendar date at a Warsaw wall-clock time as an ISO-8601 instant with its offset, e.g. '2026-01-15' at
 * 15:30 → '2026-01-15T15:30:00+01:00' — the form the engine's timers and due dates accept (it knows no Polish holidays,
 * so deadlines are computed here in working days and handed to the engine as such instants).
 */
export function warsawDateTime(date: string, time = '15:30'): string {
  const { year, month, day } = parseDate(date);
  const hm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!hm) throw invalid('time', 'godzina w formacie GG:MM');
  const naiveUtc = Date.UTC(year, month - 1, day, Number(hm[1]), Number(hm[2]));
  // the offset at that wall-clock time (first guess with the naive instant, then settle on the real one)
  const offset = warsawOffsetMinutes(new Date(naiveUtc - warsawOffsetMinutes(new Date(naiveUtc)) * 60_000));
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${date}T${hm[1]}:${hm[2]}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
