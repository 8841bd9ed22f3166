import {
  applicationsPerWeek,
  daysToStage,
  spreadsBy,
  stageSpreads,
  weekOf,
  type CaseFlow,
} from '../../../src/domain/monitoring/case-flow';
import { percentile, spread } from '../../../src/domain/monitoring/percentile';

describe('percentiles (nearest rank)', () => {
  it('takes the value at rank ⌈p·n⌉', () => {
    const days = [7, 1, 3, 10, 5, 2, 8, 4, 6, 9];
    expect(percentile(days, 50)).toBe(5);
    expect(percentile(days, 90)).toBe(9);
    expect(percentile(days, 100)).toBe(10);
  });

  it('gives the lower middle value for an even count and the one value for one', () => {
    expect(percentile([4, 2, 8, 6], 50)).toBe(4);
    expect(percentile([4, 2, 8, 6], 90)).toBe(8);
    expect(percentile([12], 90)).toBe(12);
  });

  it('has no percentile of nothing and refuses p outside (0, 100]', () => {
    expect(spread([])).toEqual({ count: 0, median: undefined, p90: undefined });
    expect(() => percentile([1], 0)).toThrow(/p/);
    expect(() => percentile([1], 101)).toThrow(/p/);
  });
});

const flow = (id: string, over: Partial<CaseFlow>): CaseFlow => ({
  caseId: id,
  caseNumber: `N.${id}`,
  teams: ['benefits'],
  site: 'siedziba',
  appliedOn: '2026-03-02',
  interviewOn: null,
  decisionOn: null,
  firstPayoutOn: null,
  ...over,
});

describe('the flow of applications', () => {
  const flows = [
    flow('a', { interviewOn: '2026-03-05', decisionOn: '2026-03-20', firstPayoutOn: '2026-04-01' }),
    flow('b', { interviewOn: '2026-03-12', decisionOn: '2026-03-30' }),
    flow('c', { interviewOn: '2026-03-03', teams: ['benefits', 'social-work'], site: 'filia-polnoc' }),
    flow('d', { appliedOn: '2026-03-10', site: null }),
  ];

  it('counts calendar days from the application to each stage', () => {
    expect(daysToStage(flows[0]!, 'interview')).toBe(3);
    expect(daysToStage(flows[0]!, 'decision')).toBe(18);
    expect(daysToStage(flows[0]!, 'firstPayout')).toBe(30);
    expect(daysToStage(flows[3]!, 'interview')).toBeUndefined();
  });

  it('gives the median and p90 over the cases that reached the stage', () => {
    // interviews: 3, 10, 1 → sorted 1, 3, 10: median rank 2 = 3, p90 rank 3 = 10
    const spreads = stageSpreads(flows);
    expect(spreads.interview).toEqual({ count: 3, median: 3, p90: 10 });
    // decisions: 18, 28 → median rank 1 = 18, p90 rank 2 = 28
    expect(spreads.decision).toEqual({ count: 2, median: 18, p90: 28 });
    expect(spreads.firstPayout).toEqual({ count: 1, median: 30, p90: 30 });
  });

  it('groups by team (a case in each of its teams) and by site', () => {
    const teams = spreadsBy(flows, 'team');
    expect(teams.map((g) => [g.key, g.applications, g.stages.interview.median])).toEqual([
      ['benefits', 4, 3],
      ['social-work', 1, 1],
    ]);
    const sites = spreadsBy(flows, 'site');
    expect(sites.map((g) => [g.key, g.applications])).toEqual([
      ['', 1],
      ['filia-polnoc', 1],
      ['siedziba', 2],
    ]);
  });

  it('counts applications per ISO week, empty weeks included', () => {
    expect(weekOf('2026-03-08')).toBe('2026-03-02'); // a Sunday belongs to the week of the Monday before
    expect(weekOf('2026-03-09')).toBe('2026-03-09');
    expect(
      applicationsPerWeek(['2026-03-02', '2026-03-04', '2026-03-18'], '2026-03-01', '2026-03-20'),
    ).toEqual([
      { week: '2026-02-23', count: 0 },
      { week: '2026-03-02', count: 2 },
      { week: '2026-03-09', count: 0 },
      { week: '2026-03-16', count: 1 },
    ]);
  });
});
