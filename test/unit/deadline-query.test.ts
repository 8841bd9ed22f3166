import { deadlineFor } from '../../src/domain/deadline-query';
import { AppError } from '../../src/errors/app-error';

const kpaDays = (from: string, days: number) => deadlineFor({ from, kind: 'kpa-days', amount: days });
const kpaMonths = (from: string, months: number) => deadlineFor({ from, kind: 'kpa-months', amount: months });

/** Issue 12 item 11: KPA terms of art. 57 in the calendar endpoint, on the Polish holiday calendar. */
describe('deadlines of the calendar endpoint (art. 57 KPA)', () => {
  describe('a day term (§ 1: the start day not counted)', () => {
    it('given Monday 1 June 2026 and 1 day, then Tuesday 2 June (no move)', () => {
      expect(kpaDays('2026-06-01', 1)).toEqual({ due: '2026-06-02', termEnd: '2026-06-02' });
    });

    it('given 14 days ending on Saturday 26 Dec 2026 (also a holiday), then Monday 28 Dec (Sunday skipped)', () => {
      expect(kpaDays('2026-12-12', 14)).toEqual({ due: '2026-12-28', termEnd: '2026-12-26' });
    });

    it('given 14 days ending on Easter Monday 6 April 2026, then Tuesday 7 April', () => {
      expect(kpaDays('2026-03-23', 14)).toEqual({ due: '2026-04-07', termEnd: '2026-04-06' });
    });

    it('given 14 days ending on 11 November 2026 (a Wednesday), then Thursday 12 November', () => {
      expect(kpaDays('2026-10-28', 14)).toEqual({ due: '2026-11-12', termEnd: '2026-11-11' });
    });

    it('given 7 days ending on Sunday 15 March 2026, then Monday 16 March', () => {
      expect(kpaDays('2026-03-08', 7)).toEqual({ due: '2026-03-16', termEnd: '2026-03-15' });
    });

    it('given 14 days ending on Wigilia 2026 (Thursday), then Monday 28 Dec past both Christmas days and Sunday', () => {
      expect(kpaDays('2026-12-10', 14)).toEqual({ due: '2026-12-28', termEnd: '2026-12-24' });
    });
  });

  describe('a month term (§ 3: the same day number, or the month’s last day)', () => {
    it('given 31 Jan 2026 and 1 month, then the term ends on 28 Feb 2026, a Saturday, so it is due Monday 2 March', () => {
      expect(kpaMonths('2026-01-31', 1)).toEqual({ due: '2026-03-02', termEnd: '2026-02-28' });
    });

    it('given 31 Jan 2025 and 1 month, then Friday 28 Feb 2025; in the leap year 2024 Thursday 29 Feb', () => {
      expect(kpaMonths('2025-01-31', 1)).toEqual({ due: '2025-02-28', termEnd: '2025-02-28' });
      expect(kpaMonths('2024-01-31', 1)).toEqual({ due: '2024-02-29', termEnd: '2024-02-29' });
    });

    it('given 31 March 2026 and 1 month, then Thursday 30 April (April has no 31st)', () => {
      expect(kpaMonths('2026-03-31', 1)).toEqual({ due: '2026-04-30', termEnd: '2026-04-30' });
    });

    it('given 6 March 2026 and 1 month, ending on Easter Monday, then Tuesday 7 April', () => {
      expect(kpaMonths('2026-03-06', 1)).toEqual({ due: '2026-04-07', termEnd: '2026-04-06' });
    });

    it('given 11 October 2026 and 1 month, ending on 11 November, then 12 November', () => {
      expect(kpaMonths('2026-10-11', 1)).toEqual({ due: '2026-11-12', termEnd: '2026-11-11' });
    });

    it('given 26 October 2026 and 2 months, ending on Saturday 26 Dec, then Monday 28 Dec', () => {
      expect(kpaMonths('2026-10-26', 2)).toEqual({ due: '2026-12-28', termEnd: '2026-12-26' });
    });

    it('given 30 November 2026 and 3 months, across the year end, then 28 Feb 2027 (a Sunday) → Monday 1 March', () => {
      expect(kpaMonths('2026-11-30', 3)).toEqual({ due: '2027-03-01', termEnd: '2027-02-28' });
    });
  });

  describe('working days (as before)', () => {
    it('given Tuesday 23 Dec 2025 and 1 working day, then Monday 29 Dec, without termEnd', () => {
      expect(deadlineFor({ from: '2025-12-23', kind: 'working-days', amount: 1 })).toEqual({
        due: '2025-12-29',
      });
    });
  });

  describe('bad input names the field', () => {
    const fieldOf = (run: () => unknown): string | undefined => {
      try {
        run();
      } catch (error) {
        return error instanceof AppError ? `${error.code}:${error.field}` : 'not an AppError';
      }
      return undefined;
    };

    it('given a date that does not exist or a year before the holiday calendar, then "from"', () => {
      expect(fieldOf(() => kpaDays('2026-02-29', 1))).toBe('validation:from');
      expect(fieldOf(() => kpaMonths('2005-01-31', 1))).toBe('validation:from');
    });

    it('given a negative or fractional amount, then the amount’s own field', () => {
      expect(fieldOf(() => kpaDays('2026-01-01', -1))).toBe('validation:days');
      expect(fieldOf(() => kpaMonths('2026-01-01', 1.5))).toBe('validation:months');
      expect(fieldOf(() => deadlineFor({ from: '2026-01-01', kind: 'working-days', amount: -2 }))).toBe(
        'validation:workingDays',
      );
    });
  });
});
