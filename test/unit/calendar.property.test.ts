import fc from 'fast-check';
import {
  addMonthsKpa,
  addWorkingDays,
  isWorkingDay,
  kpaDaysTermEnd,
  kpaDeadline,
  kpaMonthsTermEnd,
  onOrAfterWorkingDay,
  subtractWorkingDays,
  workingDaysBetween,
} from '../../src/domain/calendar';
import { addDays, toDayNumber } from '../../src/domain/calendar-date';
import { calendarDate, dateBetween, RUNS } from './domain-arbitraries';

const days = fc.integer({ min: 0, max: 120 });

describe('working days and KPA terms (properties)', () => {
  it('the n-th working day after a date is a working day, later than it, with exactly n working days between', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const due = addWorkingDays(from, n);
        expect(isWorkingDay(due)).toBe(true);
        expect(due > from).toBe(true);
        expect(workingDaysBetween(from, due)).toBe(n);
        // no working day is skipped: the day before `due` has only n − 1 working days after `from`
        expect(workingDaysBetween(from, addDays(due, -1))).toBe(n - 1);
      }),
      RUNS,
    );
  });

  it('adding working days is strictly monotonic in N and zero gives the date itself', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 60 }), (from, n) => {
        expect(addWorkingDays(from, 0)).toBe(from);
        expect(addWorkingDays(from, n + 1) > addWorkingDays(from, n)).toBe(true);
      }),
      RUNS,
    );
  });

  it('subtracting working days from a working day undoes adding them', () => {
    fc.assert(
      fc.property(
        dateBetween('2012-01-01', '2060-12-31').map(onOrAfterWorkingDay),
        fc.integer({ min: 0, max: 60 }),
        (day, n) => {
          // (from 2012: going back from early 2011 would leave the supported calendar)
          expect(addWorkingDays(subtractWorkingDays(day, n), n)).toBe(day);
        },
      ),
      RUNS,
    );
  });

  it('a KPA day term (art. 57 § 1, § 4) ends on a working day, never before the nominal end, on the first working day from it', () => {
    fc.assert(
      fc.property(calendarDate, days, (from, n) => {
        const termEnd = kpaDaysTermEnd(from, n);
        const due = kpaDeadline(from, n);
        expect(toDayNumber(termEnd) - toDayNumber(from)).toBe(n);
        expect(isWorkingDay(due)).toBe(true);
        expect(due >= termEnd).toBe(true);
        for (let day = termEnd; day < due; day = addDays(day, 1)) expect(isWorkingDay(day)).toBe(false);
        // a holiday run is short: the § 4 move is at most 5 days (Wed 24 Dec 2036 → Mon 29 Dec, since Wigilia is free)
        expect(toDayNumber(due) - toDayNumber(termEnd)).toBeLessThanOrEqual(5);
      }),
      RUNS,
    );
  });

  it('a KPA day term is monotonic in N and never earlier than its start', () => {
    fc.assert(
      fc.property(calendarDate, days, days, (from, a, b) => {
        const [short, long] = a <= b ? [a, b] : [b, a];
        expect(kpaDeadline(from, short) <= kpaDeadline(from, long)).toBe(true);
        expect(kpaDeadline(from, short) >= from).toBe(true);
      }),
      RUNS,
    );
  });

  it('a KPA month term (art. 57 § 3) lands in the month N later on the same day or that month’s last day', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 36 }), (from, months) => {
        const termEnd = kpaMonthsTermEnd(from, months);
        const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
        const [ty, tm, td] = termEnd.split('-').map(Number) as [number, number, number];
        expect(ty * 12 + tm - (fy * 12 + fm)).toBe(months);
        if (td !== fd) {
          expect(td).toBeLessThan(fd);
          expect(addDays(termEnd, 1).slice(8)).toBe('01'); // the last day of its month
        }
        const due = addMonthsKpa(from, months);
        expect(isWorkingDay(due)).toBe(true);
        expect(due).toBe(onOrAfterWorkingDay(termEnd));
      }),
      RUNS,
    );
  });

  it('a month term is monotonic in N', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 36 }), (from, months) => {
        expect(addMonthsKpa(from, months + 1) >= addMonthsKpa(from, months)).toBe(true);
      }),
      RUNS,
    );
  });
});
