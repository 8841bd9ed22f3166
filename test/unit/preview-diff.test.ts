import { amountDiff, removedPositions, routeLabel, routingDiff } from '../../src/domain/preview-diff';

const base = { eligible: true, periodicMinGrosze: 2000, periodicMaxGrosze: 2000, permanentAmountGrosze: 0 };

describe('preview diff (what a changed model would change on past cases)', () => {
  it('labels a route set in a stable order, without repeats; none is empty', () => {
    expect(
      routeLabel([
        { team: 'social-work', site: 'rzps-1' },
        { team: 'benefits', site: 'rzps-1' },
        { team: 'benefits', site: 'rzps-1' },
      ]),
    ).toBe('benefits (rzps-1), social-work (rzps-1)');
    expect(routeLabel([])).toBe('');
  });

  it('groups the cases routed elsewhere by from → to, biggest group first, with examples', () => {
    const diff = routingDiff(
      [
        { caseId: 'a', caseNumber: 'S/1', before: 'benefits (rzps-1)', after: 'services (dzial-uslug)' },
        { caseId: 'b', caseNumber: 'S/2', before: 'benefits (rzps-1)', after: 'benefits (rzps-1)' },
        { caseId: 'c', caseNumber: 'S/3', before: '', after: 'social-work (rzps-2)' },
        { caseId: 'd', caseNumber: 'S/4', before: '', after: 'social-work (rzps-2)' },
      ],
      1,
    );
    expect(diff).toEqual({
      evaluated: 4,
      changed: 3,
      changes: [
        { from: '', to: 'social-work (rzps-2)', count: 2, examples: [{ caseId: 'c', caseNumber: 'S/3' }] },
        {
          from: 'benefits (rzps-1)',
          to: 'services (dzial-uslug)',
          count: 1,
          examples: [{ caseId: 'a', caseNumber: 'S/1' }],
        },
      ],
    });
  });

  it('sums the changed amounts per field in grosze and lists each change of the example cases', () => {
    const diff = amountDiff([
      { caseId: 'a', caseNumber: 'S/1', before: base, after: { ...base, periodicMinGrosze: 5000 } },
      { caseId: 'b', caseNumber: 'S/2', before: base, after: base },
      {
        caseId: 'c',
        caseNumber: 'S/3',
        before: base,
        after: { ...base, eligible: false, periodicMinGrosze: 0, periodicMaxGrosze: 0 },
      },
    ]);
    expect(diff.evaluated).toBe(3);
    expect(diff.changedCases).toBe(2);
    expect(diff.byField).toEqual([
      { field: 'eligible', cases: 1, totalDeltaGrosze: 0 },
      { field: 'periodicMinGrosze', cases: 2, totalDeltaGrosze: 1000 },
      { field: 'periodicMaxGrosze', cases: 1, totalDeltaGrosze: -2000 },
    ]);
    expect(diff.examples.map((e) => [e.caseNumber, e.field, e.before, e.after, e.deltaGrosze])).toEqual([
      ['S/1', 'periodicMinGrosze', 2000, 5000, 3000],
      ['S/3', 'eligible', true, false, 0],
      ['S/3', 'periodicMinGrosze', 2000, 0, -2000],
      ['S/3', 'periodicMaxGrosze', 2000, 0, -2000],
    ]);
  });

  it('finds the cases standing in a step the new version of their diagram lacks', () => {
    const at = (caseNumber: string, processKey: string, activityId: string) => ({
      caseId: caseNumber,
      caseNumber,
      processKey,
      activityId,
      activityName: activityId,
    });
    const removed = removedPositions(
      [
        at('S/2', 'mops-benefits', 'family-interview'),
        at('S/1', 'mops-benefits', 'old-step'),
        at('S/3', 'mops-case', 'x'),
      ],
      new Map([['mops-benefits', new Set(['family-interview'])]]),
    );
    expect(removed.map((p) => p.caseNumber)).toEqual(['S/1']);
  });
});
