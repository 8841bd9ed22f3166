import { type JobCall, type ProcessHarness, useProcessHarness } from './harness';

/**
 * mops-payout: one instalment per month, in order, each paid exactly once — cash through first contact and the
 * cashier (and back on the list when not collected), in kind, by transfer (again after a rejected transfer);
 * a changed decision reschedules, a revoked one cancels what is left; an appeal during payout goes to the SKO.
 */
describe('mops-payout', () => {
  const harness = useProcessHarness();
  let h: ProcessHarness;

  beforeEach(() => {
    h = harness();
  });

  const instalmentNo = (call: JobCall) =>
    (call.variables.instalment as { instalmentNo: number }).instalmentNo;

  it('pays cash (uncollected, then collected), in kind and by transfer (no account, then rejected by the bank, corrected, confirmed), and forwards a late appeal', async () => {
    h.on('schedule-instalments', () => ({
      instalments: [1, 2, 3].map((n) => ({
        instalmentNo: n,
        month: `2025-0${n + 5}`,
        payoutAt: h.inDays(1 + 30 * (n - 1)),
      })),
    }));
    let transferTries = 0;
    h.on('pay-instalment', (call) => {
      switch (instalmentNo(call)) {
        case 1:
          return { instalmentStatus: 'queued', payoutMethod: 'cash', collectBy: h.inDays(5) };
        case 2:
          return { instalmentStatus: 'queued', payoutMethod: 'in-kind', collectBy: null };
        default:
          transferTries += 1;
          if (transferTries === 1)
            return { bpmnError: 'payout-rejected', message: 'Decyzja nie ma poprawnego rachunku' };
          return { instalmentStatus: 'queued', payoutMethod: 'transfer', collectBy: null };
      }
    });
    const pi = await h.startProcess('mops-payout', { caseId: 'case-p1', decisionId: 'dec-p1' });
    await h.reached('wait-for-payout-day');
    // an appeal against the (immediately enforceable) decision arrives while payouts run: forwarded, payouts go on
    await h.publish('appeal-filed', 'dec-p1', { appealReceivedOn: h.today() });
    await h.reached('late-appeal-forwarded', 'ELEMENT_COMPLETED');

    await h.advance(2);
    const slip = await h.task('hand-out-payout-slip');
    expect(slip.candidateGroups).toEqual(['first-contact']);
    // the slip is due by the collection date pay-instalment set: 5 days after the payout day
    expect(slip.dueDate).toBe(h.inDays(5));
    // nobody came for the money: after the collection date the instalment goes back on the next list
    await h.advance(6);
    await h.reached('return-uncollected-cash', 'ELEMENT_COMPLETED');
    await h.complete('hand-out-payout-slip');
    expect((await h.task('confirm-cash-payout')).candidateGroups).toEqual(['cashiers']);
    await h.complete('confirm-cash-payout');

    await h.advance(30);
    await h.complete('hand-over-in-kind');
    await h.advance(30);
    expect((await h.task('correct-payout-details')).candidateGroups).toEqual(['services-admin']);
    await h.complete('correct-payout-details');
    // the transfer is in a batch: the bank rejects the line (the statement, recorded on the batch page) …
    await h.reached('await-transfer-settlement');
    await h.publish('transfer-settled', 'dec-p1', { transferResult: 'rejected' }, { instalmentNo: 3 });
    // … back to correction, into a new batch, and this time the bank confirms it
    await h.complete('correct-payout-details');
    await h.reached('await-transfer-settlement', 'ELEMENT_ACTIVATED', 2);
    await h.publish('transfer-settled', 'dec-p1', { transferResult: 'confirmed' }, { instalmentNo: 3 });
    expect(await h.ended(pi)).toBe('COMPLETED');

    const paid = h.calls.filter((c) => c.type === 'pay-instalment').map(instalmentNo);
    // instalment 1 listed again after it was not collected, 3 queued again after each rejection — never skipped
    expect(paid).toEqual([1, 1, 2, 3, 3, 3]);
    expect(await h.endEvents('mops-payout')).toEqual([
      'late-appeal-forwarded',
      'cash-collected',
      'instalment-done',
      'instalment-done',
      'instalment-done',
      'all-instalments-paid',
    ]);
    expect(h.calls.find((c) => c.type === 'forward-appeal')!.variables.decisionId).toBe('dec-p1');
  });

  it('reschedules when the decision is changed and cancels the rest when it is revoked', async () => {
    let schedules = 0;
    h.on('schedule-instalments', () => {
      schedules += 1;
      // the first plan has two instalments; after the change only the unpaid second one is left
      return schedules === 1
        ? {
            instalments: [1, 2].map((n) => ({
              instalmentNo: n,
              month: `2025-0${n + 5}`,
              payoutAt: h.inDays(1 + 30 * (n - 1)),
            })),
          }
        : { instalments: [{ instalmentNo: 2, month: '2025-07', payoutAt: h.inDays(25) }] };
    });
    const pi = await h.startProcess('mops-payout', { caseId: 'case-p2', decisionId: 'dec-p2' });
    await h.reached('wait-for-payout-day');
    await h.advance(2);
    await h.reached('instalment-done', 'ELEMENT_COMPLETED');
    await h.publish('decision-changed', 'dec-p2', { changeKind: 'changed' });
    await h.reached('schedule-instalments', 'ELEMENT_COMPLETED', 2);
    await h.reached('wait-for-payout-day', 'ELEMENT_ACTIVATED', 3);
    await h.publish('decision-changed', 'dec-p2', { changeKind: 'revoked' });
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-payout')).toEqual(['instalment-done', 'instalments-cancelled']);
    expect(h.calls.filter((c) => c.type === 'pay-instalment').map(instalmentNo)).toEqual([1]);
    expect(h.calls.filter((c) => c.type === 'cancel-instalments')).toHaveLength(1);
  });
});
