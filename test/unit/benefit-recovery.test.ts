import { decideRecovery, undueFromLedger } from '../../src/domain/benefit-recovery';
import { AppError } from '../../src/errors/app-error';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.field;
    throw error;
  }
  return undefined;
}

const ledger = [
  { month: '2026-03', amountGrosze: 50_000, status: 'paid' },
  { month: '2026-01', amountGrosze: 50_000, status: 'paid' },
  { month: '2026-02', amountGrosze: 45_000, status: 'paid' },
  { month: '2026-04', amountGrosze: 50_000, status: 'queued' },
  { month: '2026-05', amountGrosze: 50_000, status: 'cancelled' },
];

describe('undue benefit from the payout ledger (art. 98 u.p.s.)', () => {
  it('sums the paid instalments from the month on, in month order', () => {
    expect(undueFromLedger(ledger, '2026-02')).toEqual({
      undueGrosze: 95_000,
      months: ['2026-02', '2026-03'],
    });
  });

  it('counts every paid month when the whole decision was quashed', () => {
    expect(undueFromLedger(ledger, null)).toEqual({
      undueGrosze: 145_000,
      months: ['2026-01', '2026-02', '2026-03'],
    });
  });

  it('is nothing when no month from the revocation on was paid', () => {
    expect(undueFromLedger(ledger, '2026-04')).toEqual({ undueGrosze: 0, months: [] });
  });
});

describe('the decision on the recovery (art. 104 u.p.s.)', () => {
  const base = { amountGrosze: 95_000, dueOn: '2026-08-31', instalmentCount: null, justification: '' };

  it('demands the whole amount without reasons and reports nothing waived', () => {
    expect(decideRecovery({ ...base, resolution: 'demand' }, 95_000)).toEqual({
      ...base,
      resolution: 'demand',
      waivedGrosze: 0,
    });
  });

  it('waives in part with reasons: the rest is demanded by the due day', () => {
    expect(
      decideRecovery(
        { ...base, resolution: 'waive', amountGrosze: 40_000, justification: 'Choroba w rodzinie.' },
        95_000,
      ),
    ).toEqual({
      resolution: 'waive',
      amountGrosze: 40_000,
      dueOn: '2026-08-31',
      instalmentCount: null,
      justification: 'Choroba w rodzinie.',
      waivedGrosze: 55_000,
    });
  });

  it('waives in whole without a due day', () => {
    expect(
      decideRecovery(
        {
          ...base,
          resolution: 'waive',
          amountGrosze: 0,
          dueOn: null,
          justification: 'Brak dochodu rodziny.',
        },
        95_000,
      ),
    ).toMatchObject({ amountGrosze: 0, dueOn: null, waivedGrosze: 95_000 });
  });

  it('names the field of every wrong entry', () => {
    expect(
      fieldOf(() => decideRecovery({ ...base, resolution: 'demand', amountGrosze: 95_001 }, 95_000)),
    ).toBe('amount');
    expect(
      fieldOf(() => decideRecovery({ ...base, resolution: 'demand', amountGrosze: 90_000 }, 95_000)),
    ).toBe('justification');
    expect(
      fieldOf(() => decideRecovery({ ...base, resolution: 'instalments', instalmentCount: 4 }, 95_000)),
    ).toBe('justification');
    expect(
      fieldOf(() =>
        decideRecovery(
          { ...base, resolution: 'instalments', instalmentCount: 1, justification: 'Trudna sytuacja.' },
          95_000,
        ),
      ),
    ).toBe('instalmentCount');
    expect(fieldOf(() => decideRecovery({ ...base, resolution: 'demand', dueOn: null }, 95_000))).toBe(
      'dueOn',
    );
    expect(fieldOf(() => decideRecovery({ ...base, resolution: 'demand', amountGrosze: 0 }, 95_000))).toBe(
      'amount',
    );
  });
});
