import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from '../../src/domain/calendar-date';

/** Shared fast-check arbitraries for the domain's property tests (calendar dates, grosze). */

/** A calendar date 'YYYY-MM-DD' between two dates (inclusive). */
export function dateBetween(from: string, to: string): fc.Arbitrary<string> {
  return fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);
}

/** Dates the holiday calendar supports (from 2011), up to 2060. */
export const calendarDate = dateBetween('2011-01-01', '2060-12-31');

/** Amounts of grosze well inside the safe range (±100 billion zł), so products stay exact. */
export const grosze = fc.integer({ min: -10_000_000_000_000, max: 10_000_000_000_000 });
export const nonNegativeGrosze = fc.integer({ min: 0, max: 10_000_000_000_000 });

/** A fixed seed per run is printed by fast-check on failure; numRuns kept small so each file takes < 2 s. */
export const RUNS = { numRuns: 300 };
