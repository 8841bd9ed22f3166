import { durationParts, heatLevel, median, stepFigures } from '../../src/domain/process-figures';

const HOUR = 3_600_000;

describe('median of the time spent in a step', () => {
  it('given no durations, then there is no median', () => {
    expect(median([])).toBeNull();
  });

  it('given an odd count, then it is the middle value of the sorted list', () => {
    expect(median([5 * HOUR, 1 * HOUR, 2 * HOUR])).toBe(2 * HOUR);
  });

  it('given an even count, then it is the mean of the two middle values, rounded to a millisecond', () => {
    expect(median([4, 1, 3, 2])).toBe(3); // (2 + 3) / 2 = 2.5 → 3
    expect(median([1 * HOUR, 3 * HOUR])).toBe(2 * HOUR);
  });

  it('does not reorder the caller’s list', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('is not pulled by one very long outlier (unlike a mean)', () => {
    expect(median([1 * HOUR, 1 * HOUR, 2 * HOUR, 900 * HOUR])).toBe(1.5 * HOUR);
  });
});

describe('heat level of a step against the slowest step', () => {
  it.each([
    [null, 10 * HOUR, 0],
    [10 * HOUR, 10 * HOUR, 4],
    [7.6 * HOUR, 10 * HOUR, 4],
    [7.5 * HOUR, 10 * HOUR, 3],
    [5 * HOUR, 10 * HOUR, 2],
    [2.5 * HOUR, 10 * HOUR, 1],
    [0, 10 * HOUR, 1],
    [0, 0, 1],
  ])('given median %p and slowest %p, then the level is %p', (m, slowest, level) => {
    expect(heatLevel(m, slowest)).toBe(level);
  });
});

describe('one row of figures per step', () => {
  const elements = [
    { elementId: 'start', name: 'Wniosek', elementType: 'startEvent' },
    { elementId: 'assess', name: 'Ocena', elementType: 'userTask' },
    { elementId: 'gw', name: 'gw', elementType: 'exclusiveGateway' },
    { elementId: 'send', name: 'Wysyłka', elementType: 'serviceTask' },
    { elementId: 'f1', name: 'f1', elementType: 'sequenceFlow' },
    { elementId: 'approve', name: 'Zatwierdzenie', elementType: 'userTask' },
    { elementId: 'approve#multiInstanceBody', name: 'Zatwierdzenie', elementType: 'multiInstanceBody' },
  ];

  it('given statistics and durations, then each step has its counts, median and heat, in diagram order (events and gateways without instances left out)', () => {
    const rows = stepFigures({
      elements,
      statistics: [
        { activityId: 'assess', instances: 1, incidents: 0 },
        { activityId: 'send', instances: 1, incidents: 1 },
        { activityId: 'approve#multiInstanceBody', instances: 2, incidents: 0 },
        { activityId: 'approve', instances: 3, incidents: 0 },
      ],
      durations: [
        { elementId: 'assess', durationMs: 1 * HOUR },
        { elementId: 'assess', durationMs: 5 * HOUR },
        { elementId: 'assess', durationMs: 2 * HOUR },
        { elementId: 'start', durationMs: 0 },
        { elementId: 'approve', durationMs: 8 * HOUR },
        { elementId: 'approve#multiInstanceBody', durationMs: 9 * HOUR },
      ],
    });
    expect(rows).toEqual([
      {
        elementId: 'assess',
        name: 'Ocena',
        elementType: 'userTask',
        active: 1,
        incidents: 0,
        medianMs: 2 * HOUR,
        finished: 3,
        heat: 1,
      },
      {
        elementId: 'send',
        name: 'Wysyłka',
        elementType: 'serviceTask',
        active: 1,
        incidents: 1,
        medianMs: null,
        finished: 0,
        heat: 0,
      },
      {
        elementId: 'approve',
        name: 'Zatwierdzenie',
        elementType: 'userTask',
        active: 3,
        incidents: 0,
        medianMs: 8 * HOUR,
        finished: 1,
        heat: 4,
      },
    ]);
  });

  it('given an activity the diagram does not have (another version), then it is listed by its id at the end', () => {
    const rows = stepFigures({
      elements: [{ elementId: 'assess', name: 'Ocena', elementType: 'userTask' }],
      statistics: [{ activityId: 'old-step', instances: 2, incidents: 0 }],
      durations: [],
    });
    expect(rows.map((r) => [r.elementId, r.name, r.active])).toEqual([
      ['assess', 'Ocena', 0],
      ['old-step', 'old-step', 2],
    ]);
  });
});

describe('a duration as people read it', () => {
  it.each([
    [0, { days: 0, hours: 0, minutes: 0, seconds: 0 }],
    [42_000, { days: 0, hours: 0, minutes: 0, seconds: 42 }],
    [2 * HOUR + 5 * 60_000 + 30_000, { days: 0, hours: 2, minutes: 5, seconds: 0 }],
    [3 * 24 * HOUR + 4 * HOUR, { days: 3, hours: 4, minutes: 0, seconds: 0 }],
  ])('given %p ms, then %p', (ms, parts) => {
    expect(durationParts(ms)).toEqual(parts);
  });
});
