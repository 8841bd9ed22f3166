import { invalid } from '../validation';

/**
 * The periods of the statutory report MRPiPS-03: a half-year (`2026-H1`: January–June, `2026-H2`: July–December)
 * or a calendar year (`2026`), and the month of the payouts register (`2026-03`). Calendar dates, Europe/Warsaw.
 */
export interface ReportPeriod {
  code: string;
  kind: 'half-year' | 'year';
  year: number;
  /** First and last day, inclusive, 'YYYY-MM-DD'. */
  from: string;
  to: string;
}

export interface ReportMonth {
  code: string;
  year: number;
  month: number;
  from: string;
  to: string;
}

const PERIOD = /^(\d{4})(?:-H([12]))?$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseReportPeriod(text: string, field = 'period'): ReportPeriod {
  const code = text.trim().toUpperCase();
  const match = PERIOD.exec(code);
  const year = match ? Number(match[1]) : Number.NaN;
  if (!match || year < 2000 || year > 2100)
    throw invalid(field, 'okres: rok (RRRR) albo półrocze (RRRR-H1, RRRR-H2), lata 2000–2100');
  if (!match[2]) return { code, kind: 'year', year, from: `${year}-01-01`, to: `${year}-12-31` };
  const first = match[2] === '1';
  return {
    code,
    kind: 'half-year',
    year,
    from: `${year}-${first ? '01-01' : '07-01'}`,
    to: `${year}-${first ? '06-30' : '12-31'}`,
  };
}

export function parseReportMonth(code: string, field = 'month'): ReportMonth {
  const match = MONTH.exec(code);
  const year = match ? Number(match[1]) : Number.NaN;
  if (!match || year < 2000 || year > 2100) throw invalid(field, 'miesiąc w postaci RRRR-MM, lata 2000–2100');
  const month = Number(match[2]);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return {
    code,
    year,
    month,
    from: `${year}-${mm}-01`,
    to: `${year}-${mm}-${String(last).padStart(2, '0')}`,
  };
}

/** The default report period for a day: the half-year that ended last (the one being filed). */
export function previousHalfYear(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month >= 7 ? `${year}-H1` : `${year - 1}-H2`;
}

/** The month before the day's month, 'YYYY-MM' (the register usually closed last). */
export function previousMonth(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}
