import { reformSplit, splitShift, type MeasuredTask } from '../../../src/domain/monitoring/reform-split';
import { workingSeconds } from '../../../src/domain/monitoring/task-duration';
import type { TaskCategory } from '../../../src/domain/monitoring/task-category';

const at = (iso: string) => new Date(iso);

const classification = new Map<string, TaskCategory>([
  ['family-interview', 'social-work'],
  ['prepare-decision', 'administrative'],
  ['assign-family-assistant', 'other'],
]);

function task(
  taskKey: string,
  person: string | null,
  created: string,
  claimed: string | null,
  completed: string,
  extra: Partial<MeasuredTask> = {},
): MeasuredTask {
  return {
    taskKey,
    person,
    team: 'benefits',
    createdAt: at(created),
    claimedAt: claimed === null ? null : at(claimed),
    claimedOnCompletion: false,
    completedAt: at(completed),
    ...extra,
  };
}

describe('working time of a task', () => {
  it('runs from the claim to the completion', () => {
    // given a task created at 08:00, claimed at 09:00, completed at 11:30
    const t = task('x', 'a', '2026-03-02T08:00:00Z', '2026-03-02T09:00:00Z', '2026-03-02T11:30:00Z');
    // then 2 h 30 min
    expect(workingSeconds(t)).toBe(9000);
  });

  it('runs from the creation when nobody claimed it', () => {
    const t = task('x', 'a', '2026-03-02T08:00:00Z', null, '2026-03-02T08:45:00Z');
    expect(workingSeconds(t)).toBe(2700);
  });

  it('runs from the creation when the claim was only the completion itself', () => {
    const t = task('x', 'a', '2026-03-02T08:00:00Z', '2026-03-02T10:00:00Z', '2026-03-02T10:00:01Z', {
      claimedOnCompletion: true,
    });
    // 2 h 0 min 1 s → 120 min
    expect(workingSeconds(t)).toBe(7200);
  });

  it('rounds to the nearest whole minute', () => {
    expect(workingSeconds(task('x', 'a', '2026-03-02T08:00:00Z', null, '2026-03-02T08:10:29.400Z'))).toBe(
      600,
    );
    expect(workingSeconds(task('x', 'a', '2026-03-02T08:00:00Z', null, '2026-03-02T08:10:30Z'))).toBe(660);
  });

  it('falls back to the creation when the claim is after the completion (clock skew)', () => {
    const t = task('x', 'a', '2026-03-02T08:00:00Z', '2026-03-02T10:00:05Z', '2026-03-02T10:00:00Z');
    expect(workingSeconds(t)).toBe(7200);
  });
});

describe('the reform split', () => {
  // March: anna 3 h social work (interview 09:00–12:00) + 1 h administrative (decision 13:00–14:00) + 30 min other
  // April: anna 1 h social work + 3 h administrative; bogdan 2 h social work
  const tasks: MeasuredTask[] = [
    task('family-interview', 'anna', '2026-03-02T07:00:00Z', '2026-03-02T09:00:00Z', '2026-03-02T12:00:00Z'),
    task('prepare-decision', 'anna', '2026-03-03T13:00:00Z', null, '2026-03-03T14:00:00Z'),
    task(
      'assign-family-assistant',
      'anna',
      '2026-03-04T10:00:00Z',
      '2026-03-04T10:00:00Z',
      '2026-03-04T10:30:00Z',
    ),
    task('family-interview', 'anna', '2026-04-01T08:00:00Z', '2026-04-01T09:00:00Z', '2026-04-01T10:00:00Z'),
    task('prepare-decision', 'anna', '2026-04-02T08:00:00Z', '2026-04-02T08:00:00Z', '2026-04-02T11:00:00Z'),
    task(
      'family-interview',
      'bogdan',
      '2026-04-02T08:00:00Z',
      '2026-04-02T10:00:00Z',
      '2026-04-02T12:00:00Z',
      {
        team: 'social-work',
      },
    ),
    // completed in the engine without a person: the centre's figures only
    task('prepare-decision', null, '2026-04-03T08:00:00Z', null, '2026-04-03T09:00:00Z'),
  ];

  it('splits each person’s month by category, in seconds and shares', () => {
    const rows = reformSplit(tasks, classification, 'person');
    expect(rows.map((r) => [r.month, r.key, r.tasks, r.seconds])).toEqual([
      ['2026-03', 'anna', 3, { administrative: 3600, 'social-work': 10800, other: 1800 }],
      ['2026-04', 'anna', 2, { administrative: 10800, 'social-work': 3600, other: 0 }],
      ['2026-04', 'bogdan', 1, { administrative: 0, 'social-work': 7200, other: 0 }],
    ]);
    // March: 10800 / 16200 = 2/3 social work, 3600 / 16200 = 2/9 administrative
    expect(rows[0]?.shares['social-work']).toBeCloseTo(0.6667, 4);
    expect(rows[0]?.shares.administrative).toBeCloseTo(0.2222, 4);
    expect(rows[1]?.shares.administrative).toBe(0.75);
  });

  it('counts a task in its team and every task in the centre', () => {
    const teams = reformSplit(tasks, classification, 'team');
    expect(teams.map((r) => [r.month, r.key, r.seconds.administrative, r.seconds['social-work']])).toEqual([
      ['2026-03', 'benefits', 3600, 10800],
      ['2026-04', 'benefits', 14400, 3600],
      ['2026-04', 'social-work', 0, 7200],
    ]);
    const centre = reformSplit(tasks, classification, 'centre');
    expect(centre.map((r) => [r.month, r.tasks, r.seconds])).toEqual([
      ['2026-03', 3, { administrative: 3600, 'social-work': 10800, other: 1800 }],
      ['2026-04', 4, { administrative: 14400, 'social-work': 10800, other: 0 }],
    ]);
  });

  it('puts a completion at 23:30 UTC on 31 March into April (Warsaw time)', () => {
    const late = task('family-interview', 'anna', '2026-03-31T20:00:00Z', null, '2026-03-31T23:30:00Z');
    expect(reformSplit([late], classification, 'person')[0]?.month).toBe('2026-04');
  });

  it('counts a task type the classification does not list as other', () => {
    const unknown = task('new-step', 'anna', '2026-03-02T08:00:00Z', null, '2026-03-02T09:00:00Z');
    expect(reformSplit([unknown], classification, 'person')[0]?.seconds).toEqual({
      administrative: 0,
      'social-work': 0,
      other: 3600,
    });
  });

  it('tells how the split moved from the first month to the latest', () => {
    const shift = splitShift(reformSplit(tasks, classification, 'centre'));
    // social work: March 10800/16200 = 66.67 %, April 10800/25200 = 42.86 % → −23.8 points
    expect(shift?.first.month).toBe('2026-03');
    expect(shift?.latest.month).toBe('2026-04');
    expect(shift?.socialWorkPoints).toBe(-23.8);
    // administrative: 22.22 % → 57.14 % → +34.9 points
    expect(shift?.administrativePoints).toBe(34.9);
  });

  it('has no shift with one month of data', () => {
    expect(splitShift(reformSplit(tasks.slice(0, 2), classification, 'centre'))).toBeUndefined();
  });
});
