import { planInstalments } from '../../src/domain/instalment-plan';

describe('instalment plan', () => {
  it('gives one instalment per month of the period, across the year end', () => {
    expect(planInstalments('2025-11-15', '2026-02-10', 64600)).toEqual([
      { instalmentNo: 1, month: '2025-11', amountGrosze: 64600 },
      { instalmentNo: 2, month: '2025-12', amountGrosze: 64600 },
      { instalmentNo: 3, month: '2026-01', amountGrosze: 64600 },
      { instalmentNo: 4, month: '2026-02', amountGrosze: 64600 },
    ]);
  });

  it('has a single instalment for a one-month period', () => {
    expect(planInstalments('2026-03-01', '2026-03-31', 2000)).toHaveLength(1);
  });

  it.each([
    ['2026-03-01', '2026-02-28', 100, 'periodTo'],
    ['2026-03-01', '2026-04-30', 0, 'amountGrosze'],
    ['2026-03-01', '2026-04-30', 10.5, 'amountGrosze'],
    ['2026-02-30', '2026-04-30', 100, 'periodFrom'],
  ])('rejects %s..%s with %d naming %s', (from, to, amount, field) => {
    expect(() => planInstalments(from, to, amount)).toThrow(expect.objectContaining({ field }) as Error);
  });
});
