import { AppError } from '../../src/errors/app-error';
import { addDays, isoWeekday, isValidDate, warsawDate } from '../../src/domain/calendar-date';
import {
  addMonthsKpa,
  addWorkingDays,
  easterSunday,
  isPublicHoliday,
  isWorkingDay,
  kpaDeadline,
  publicHolidayName,
  publicHolidays,
  subtractWorkingDays,
  workingDaysBetween,
} from '../../src/domain/calendar';

describe('Easter (anonymous Gregorian algorithm)', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'], // the earliest possible date
  ])('given %p, then Easter Sunday is %p', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('public holidays (ustawa o dniach wolnych od pracy)', () => {
  it('given Easter 2025, then Sunday 20 and Monday 21 April are holidays', () => {
    expect(publicHolidayName('2025-04-20')).toBe('pierwszy dzień Wielkiej Nocy');
    expect(publicHolidayName('2025-04-21')).toBe('drugi dzień Wielkiej Nocy');
    expect(isWorkingDay('2025-04-21')).toBe(false);
    expect(isWorkingDay('2025-04-22')).toBe(true);
  });

  it('given Easter 2026 (5–6 April) and 2027 (28–29 March), then the Mondays are not working days', () => {
    expect(isWorkingDay('2026-04-06')).toBe(false);
    expect(isPublicHoliday('2026-04-05')).toBe(true);
    expect(isWorkingDay('2027-03-29')).toBe(false);
    expect(isPublicHoliday('2027-03-28')).toBe(true);
  });

  it('given Pentecost and Corpus Christi (Easter + 49 and + 60), then holidays', () => {
    expect(publicHolidayName('2025-06-08')).toBe('pierwszy dzień Zielonych Świątek');
    expect(publicHolidayName('2025-06-19')).toBe('dzień Bożego Ciała');
    expect(isWorkingDay('2025-06-19')).toBe(false); // Thursday
    expect(isWorkingDay('2026-06-04')).toBe(false);
    expect(isWorkingDay('2027-05-27')).toBe(false);
    expect(isWorkingDay('2025-06-20')).toBe(true);
  });

  it('given Christmas 2025, then 24, 25 and 26 December are all holidays', () => {
    expect(publicHolidayName('2025-12-24')).toBe('Wigilia Bożego Narodzenia');
    expect(isWorkingDay('2025-12-24')).toBe(false); // Wednesday
    expect(isWorkingDay('2025-12-25')).toBe(false);
    expect(isWorkingDay('2025-12-26')).toBe(false);
    expect(isWorkingDay('2025-12-23')).toBe(true);
  });

  it('given 24 December 2024 (a Tuesday, before the amendment), then a working day; 25 December is not', () => {
    expect(isoWeekday('2024-12-24')).toBe(2);
    expect(isWorkingDay('2024-12-24')).toBe(true);
    expect(isWorkingDay('2024-12-25')).toBe(false);
  });

  it('given New Year and Epiphany 2026 and 2027, then not working days', () => {
    for (const date of ['2026-01-01', '2026-01-06', '2027-01-01', '2027-01-06']) {
      expect(isoWeekday(date)).toBeLessThanOrEqual(5);
      expect(isWorkingDay(date)).toBe(false);
    }
    expect(publicHolidayName('2026-01-06')).toBe('Święto Trzech Króli');
    expect(isWorkingDay('2026-01-07')).toBe(true);
  });

  it('given a year, then 13 holidays until 2024 and 14 from 2025, in date order', () => {
    expect(publicHolidays(2024)).toHaveLength(13);
    const list = publicHolidays(2025);
    expect(list).toHaveLength(14);
    expect(list.map((h) => h.date)).toEqual([...list.map((h) => h.date)].sort());
    expect(list.map((h) => h.date)).toContain('2025-11-11');
  });

  it('given a Saturday or Sunday, then not a working day', () => {
    expect(isWorkingDay('2025-03-15')).toBe(false); // Saturday
    expect(isWorkingDay('2025-03-16')).toBe(false); // Sunday
    expect(isWorkingDay('2025-03-17')).toBe(true);
  });

  it('given a year before 2011 or a malformed date, then a validation error instead of a guess', () => {
    expect(() => publicHolidays(2010)).toThrow(AppError);
    expect(() => isWorkingDay('2025-02-29')).toThrow(AppError);
    expect(() => isWorkingDay('25-12-2025')).toThrow(/RRRR-MM-DD/);
  });
});

describe('working days', () => {
  it('given Monday 22 Dec 2025, when adding 5 working days, then Friday 2 Jan 2026 (Christmas and New Year skipped)', () => {
    expect(addWorkingDays('2025-12-22', 5)).toBe('2026-01-02');
  });

  it('given Friday 19 Dec 2025, when adding the 14 working days of a family interview, then 15 Jan 2026', () => {
    expect(addWorkingDays('2025-12-19', 14)).toBe('2026-01-15');
    expect(workingDaysBetween('2025-12-19', '2026-01-15')).toBe(14);
  });

  it('given Tuesday 23 Dec 2025, when adding the 2 working days of an urgent interview, then 30 Dec 2025', () => {
    expect(addWorkingDays('2025-12-23', 2)).toBe('2025-12-30');
  });

  it('given Friday 2 Jan 2026, when going back 5 working days, then Monday 22 Dec 2025 (the reverse of adding)', () => {
    expect(subtractWorkingDays('2026-01-02', 5)).toBe('2025-12-22');
    expect(subtractWorkingDays('2026-01-02', 0)).toBe('2026-01-02');
    expect(() => subtractWorkingDays('2026-01-02', -1)).toThrow(AppError);
  });

  it('given the same count across Christmas 2024, then 24 Dec 2024 still counts', () => {
    expect(addWorkingDays('2024-12-23', 1)).toBe('2024-12-24');
    expect(addWorkingDays('2025-12-23', 1)).toBe('2025-12-29');
  });

  it('given a Saturday start, then the start is not counted and Monday is the first working day', () => {
    expect(addWorkingDays('2025-03-15', 1)).toBe('2025-03-17');
  });

  it('given zero days, then the start date; given a negative or fractional count, then a validation error', () => {
    expect(addWorkingDays('2025-03-15', 0)).toBe('2025-03-15');
    expect(() => addWorkingDays('2025-03-15', -1)).toThrow(AppError);
    expect(() => addWorkingDays('2025-03-15', 1.5)).toThrow(AppError);
  });
});

describe('KPA deadlines (art. 57 KPA)', () => {
  it('given a 14-day deadline that ends on a Saturday, then it moves to Monday', () => {
    expect(isoWeekday(addDays('2025-03-01', 14))).toBe(6);
    expect(kpaDeadline('2025-03-01', 14)).toBe('2025-03-17');
  });

  it('given a deadline ending on a working day, then it stays', () => {
    expect(kpaDeadline('2025-03-03', 14)).toBe('2025-03-17');
  });

  it('given a deadline ending on Wigilia 2025, then it skips the holidays and the weekend to Monday 29 Dec', () => {
    expect(kpaDeadline('2025-12-10', 14)).toBe('2025-12-29');
  });

  it('given the same deadline in 2024, then it ends on Tuesday 24 Dec 2024', () => {
    expect(kpaDeadline('2024-12-10', 14)).toBe('2024-12-24');
  });

  it('given a deadline ending on Easter Sunday 2025, then Tuesday after Easter Monday', () => {
    expect(kpaDeadline('2025-04-06', 14)).toBe('2025-04-22');
  });

  it('given a 7-day deadline from a delivery, then the delivery day is not counted', () => {
    expect(kpaDeadline('2025-06-02', 7)).toBe('2025-06-09');
  });
});

describe('KPA deadlines in months (art. 57 § 3 KPA)', () => {
  it('given 31 January, when adding one month, then the last day of February', () => {
    expect(addMonthsKpa('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsKpa('2024-01-31', 1)).toBe('2024-02-29');
  });

  it('given the same day in the target month, then that day', () => {
    expect(addMonthsKpa('2025-04-30', 1)).toBe('2025-05-30');
  });

  it('given a target day on a Saturday, then the next working day', () => {
    expect(addMonthsKpa('2025-01-15', 2)).toBe('2025-03-17');
  });

  it('given a deadline across the year end that lands on Saturday 28 Feb 2026, then Monday 2 March 2026', () => {
    expect(addMonthsKpa('2025-11-30', 3)).toBe('2026-03-02');
  });

  it('given two months from 24 Oct 2025, then Wigilia is skipped to 29 Dec', () => {
    expect(addMonthsKpa('2025-10-24', 2)).toBe('2025-12-29');
  });
});

describe('warsawDate: the Warsaw calendar day of an instant', () => {
  it('given 23:30 UTC on New Year’s Eve, then already 1 January in Warsaw (CET, UTC+1)', () => {
    expect(warsawDate(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(warsawDate(new Date('2025-12-31T22:59:59Z'))).toBe('2025-12-31');
  });

  it('given a summer evening, then the CEST offset (UTC+2) applies', () => {
    expect(warsawDate(new Date('2025-06-30T22:00:00Z'))).toBe('2025-07-01');
    expect(warsawDate(new Date('2025-06-30T21:59:59Z'))).toBe('2025-06-30');
  });

  it('given the night of the DST change, then the calendar day is right', () => {
    expect(warsawDate(new Date('2025-03-30T00:30:00Z'))).toBe('2025-03-30');
    expect(warsawDate(new Date('2025-10-25T22:30:00Z'))).toBe('2025-10-26');
  });

  it('given an invalid Date, then a validation error', () => {
    expect(() => warsawDate(new Date('nonsense'))).toThrow(AppError);
  });
});

describe('calendar dates', () => {
  it('given strings, then only existing Gregorian dates are valid', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('2025-13-01')).toBe(false);
    expect(isValidDate('0099-01-01')).toBe(false);
  });

  it('given day arithmetic across DST and year ends, then whole days', () => {
    expect(addDays('2025-03-29', 1)).toBe('2025-03-30');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
