import {
  ageInDays,
  compareRisk,
  deadlineKindOf,
  deadlineStanding,
  horizonDay,
} from '../../src/domain/deadline-watch';

const at = (iso: string) => new Date(iso);

describe('deadline standing in Polish working days', () => {
  it('given a term due before the Christmas holidays (24–26 Dec 2026), then only 28 Dec counts: 1 working day late', () => {
    expect(deadlineStanding(at('2026-12-23T15:30:00+01:00'), at('2026-12-28T10:00:00+01:00'), 2)).toEqual({
      dueDay: '2026-12-23',
      status: 'late',
      workingDays: -1,
    });
  });

  it('given 11 November (a holiday) between the due day and today, then it is skipped: 2 working days late', () => {
    expect(deadlineStanding(at('2026-11-09T15:30:00+01:00'), at('2026-11-12T10:00:00+01:00'), 2)).toEqual({
      dueDay: '2026-11-09',
      status: 'late',
      workingDays: -2,
    });
  });

  it('given 3 working days left over Christmas, then it is near for the KPA month (5) and not for an interview (2)', () => {
    const due = at('2026-12-28T15:30:00+01:00');
    const now = at('2026-12-21T09:00:00+01:00');
    expect(deadlineStanding(due, now, 5)).toEqual({ dueDay: '2026-12-28', status: 'near', workingDays: 3 });
    expect(deadlineStanding(due, now, 2)).toEqual({ dueDay: '2026-12-28', status: 'ok', workingDays: 3 });
  });

  it('given a term due today, then 0 days are left before its hour and it is late (0 days) after it', () => {
    const due = at('2026-12-07T15:30:00+01:00');
    expect(deadlineStanding(due, at('2026-12-07T10:00:00+01:00'), 2)).toEqual({
      dueDay: '2026-12-07',
      status: 'near',
      workingDays: 0,
    });
    expect(deadlineStanding(due, at('2026-12-07T16:00:00+01:00'), 2)).toEqual({
      dueDay: '2026-12-07',
      status: 'late',
      workingDays: 0,
    });
  });

  it('given a due instant late in the evening UTC, then the day is the Warsaw day', () => {
    expect(deadlineStanding(at('2026-12-07T23:30:00Z'), at('2026-12-07T10:00:00Z'), 2).dueDay).toBe(
      '2026-12-08',
    );
  });
});

describe('the horizon of "what will be late"', () => {
  it('given 22 Dec 2026 and 3 working days, then the horizon is 29 Dec (24–26 Dec and Sunday skipped)', () => {
    expect(horizonDay('2026-12-22', 3)).toBe('2026-12-29');
  });
  it('given 0 working days, then it is today', () => {
    expect(horizonDay('2026-12-22', 0)).toBe('2026-12-22');
  });
});

describe('the tasks that carry statutory terms', () => {
  it.each([
    ['family-interview', 'interview'],
    ['notify-delay', 'kpa'],
    ['review-appeal', 'appeal'],
    ['transfer-to-team', 'blue-card'],
    ['form-diagnostic-group', 'blue-card'],
    ['first-group-meeting', 'blue-card'],
    ['prepare-decision', undefined],
  ])('%s → %s', (elementId, kind) => {
    expect(deadlineKindOf(elementId)).toBe(kind);
  });
});

describe('the order of risk', () => {
  const task = (elementId: string, workingDaysLeft: number, due: string, created: string) => ({
    elementId,
    workingDaysLeft,
    dueAt: at(due),
    createdAt: at(created),
  });

  it('puts fewer working days first, then a statutory term, then the earlier due time, then the older task', () => {
    const internalOneDay = task(
      'prepare-decision',
      1,
      '2026-12-08T15:30:00+01:00',
      '2026-12-01T08:00:00+01:00',
    );
    const statutoryOneDay = task(
      'family-interview',
      1,
      '2026-12-08T15:30:00+01:00',
      '2026-12-02T08:00:00+01:00',
    );
    const statutoryOneDayEarlier = task(
      'transfer-to-team',
      1,
      '2026-12-08T12:00:00+01:00',
      '2026-12-03T08:00:00+01:00',
    );
    const statutoryOneDayOlder = task(
      'notify-delay',
      1,
      '2026-12-08T12:00:00+01:00',
      '2026-11-20T08:00:00+01:00',
    );
    const zeroDays = task('prepare-decision', 0, '2026-12-07T15:30:00+01:00', '2026-12-05T08:00:00+01:00');
    const sorted = [
      internalOneDay,
      statutoryOneDay,
      statutoryOneDayEarlier,
      statutoryOneDayOlder,
      zeroDays,
    ].sort(compareRisk);
    expect(sorted).toEqual([
      zeroDays,
      statutoryOneDayOlder,
      statutoryOneDayEarlier,
      statutoryOneDay,
      internalOneDay,
    ]);
  });
});

describe('age of a task', () => {
  it('counts whole days and never goes negative', () => {
    expect(ageInDays(at('2026-12-01T10:00:00Z'), at('2026-12-07T09:59:00Z'))).toBe(5);
    expect(ageInDays(at('2026-12-08T10:00:00Z'), at('2026-12-07T10:00:00Z'))).toBe(0);
  });
});
