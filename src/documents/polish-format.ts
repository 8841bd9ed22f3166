/** Dates and months in Polish as printed on documents. */
import { parseDate } from '../domain/calendar-date';

const MONTHS_GENITIVE = [
  'stycznia',
  'lutego',
  'marca',
  'kwietnia',
  'maja',
  'czerwca',
  'lipca',
  'sierpnia',
  'września',
  'października',
  'listopada',
  'grudnia',
];

const MONTHS_NOMINATIVE = [
  'styczeń',
  'luty',
  'marzec',
  'kwiecień',
  'maj',
  'czerwiec',
  'lipiec',
  'sierpień',
  'wrzesień',
  'październik',
  'listopad',
  'grudzień',
];

/** '2026-11-02' → "2 listopada 2026 r." (a checked date; `field` names it in the error). */
export function polishDate(iso: string, field = 'date'): string {
  const { year, month, day } = parseDate(iso, field);
  return `${day} ${MONTHS_GENITIVE[month - 1]} ${year} r.`;
}

/** '2026-11' → "listopad 2026"; anything else is returned as it is. */
export function polishMonth(yearMonth: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  const name = match ? MONTHS_NOMINATIVE[Number(match[2]) - 1] : undefined;
  return match && name ? `${name} ${match[1]}` : yearMonth;
}
