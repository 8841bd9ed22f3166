import { type ProcessHarness, useProcessHarness } from './harness';

/**
 * mops-benefits: the interview with its working-day due date and the escalation to managers, income, eligibility
 * by the DMN table, the KPA month watched with the art. 36 notice, the decision (mops-decision), re-examination
 * after the SKO sent the case back, and the payout (mops-payout).
 */
describe('mops-benefits', () => {
  const harness = useProcessHarness();
  let h: ProcessHarness;

  beforeEach(() => {
    h = harness();
  });

  const decide = (decisionId: string, draft: Record<string, unknown>) => h.decide(decisionId, draft);

  it('interview, eligibility from the table, an immediately enforceable decision and the payout', async () => {
    const applicationDate = h.today();
    const pi = await h.startProcess('mops-benefits', {
      caseId: 'case-b1',
      urgent: false,
      applicationDate,
      site: 'rzps-1',
    });
    const interview = await h.task('family-interview');
    expect(interview.candidateGroups).toEqual(['benefits']);
    // the canned compute-due-date answers n days after the engine's (pinned) now: 14 for a case that is not urgent
    expect(interview.dueDate).toBe(h.inDays(14));
    await h.complete('family-interview');
    await decide('dec-b1', { immediateEnforceability: true });
    await h.reached('wait-for-payout-day');
    await h.advance(2);
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-benefits')).toEqual(['investigation-done', 'benefit-paid']);

    const kpa = h.calls.find((c) => c.headers.resultVariable === 'kpaDue')!;
    expect(kpa.headers).toMatchObject({
      deadlineKind: 'kpa-months',
      deadlineAmount: '1',
      warningVariable: 'kpaWarningAt',
    });
    expect(kpa.variables.deadlineFrom).toBe(applicationDate);
    const interviewDue = h.calls.find((c) => c.headers.resultVariable === 'interviewDue')!;
    expect(interviewDue.headers).toMatchObject({
      deadlineKind: 'working-days',
      deadlineAmount: '14',
      deadlineUrgentAmount: '2',
    });
    // the decision process got the figures of the DMN table for the officer's draft (single person, 500 zł)
    const inDecision = h.calls.find((c) => c.type === 'issue-decision')!;
    expect(inDecision.variables.eligibility).toMatchObject({
      eligible: true,
      criterionGrosze: 101_000,
      periodicMinGrosze: 25_500,
      periodicMaxGrosze: 51_000,
      permanentAmountGrosze: 81_300,
    });
    expect(inDecision.variables).not.toHaveProperty('site');
    expect(h.calls.find((c) => c.type === 'pay-instalment')!.variables).toMatchObject({
      caseId: 'case-b1',
      decisionId: 'dec-b1',
    });
  });

  it('a benefit paid under a decision revoked from a month is recovered while the payout runs (art. 98 u.p.s.)', async () => {
    h.on('compute-undue-benefit', () => ({ undueGrosze: 50_000, recoveryAlreadyDecided: false }));
    const pi = await h.startProcess('mops-benefits', {
      caseId: 'case-b3',
      urgent: false,
      applicationDate: h.today(),
    });
    await h.complete('family-interview');
    await decide('dec-b3', { immediateEnforceability: true });
    await h.reached('wait-for-payout-day');
    // the centre revoked its decision from a month that was paid already: the benefits process opens the recovery
    const fromMonth = h.today().slice(0, 7);
    await h.publish('benefit-recovery-requested', 'dec-b3', { recoveryFromMonth: fromMonth });
    expect((await h.task('decide-benefit-recovery')).candidateGroups).toEqual(['benefits']);
    const computed = h.calls.find((c) => c.type === 'compute-undue-benefit')!;
    expect(computed.variables).toMatchObject({
      caseId: 'case-b3',
      decisionId: 'dec-b3',
      recoveryFromMonth: fromMonth,
    });
    // the payout is not interrupted by the recovery (the revocation reaches it as decision-changed)
    await h.advance(2);
    await h.reached('benefit-paid');
    expect(await h.count('recovery-handled', 'ELEMENT_ACTIVATED')).toBe(0);
    await h.complete('decide-benefit-recovery', { recoveryResolution: 'waive' });
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect((await h.endEvents('mops-benefits')).sort()).toEqual(
      ['benefit-paid', 'investigation-done', 'recovery-handled'].sort(),
    );
    expect(await h.endEvents('mops-benefit-recovery')).toEqual(['recovery-decided']);
  });

  it('escalates an overdue urgent interview, notifies the party of the delay, re-examines a case the SKO sent back, and ends with a refusal', async () => {
    const applicationDate = h.today();
    const pi = await h.startProcess('mops-benefits', { caseId: 'case-b2', urgent: true, applicationDate });
    await h.task('family-interview');
    // urgent: 2 working days; three days later the interview is overdue and a manager is told, the interview stays open
    await h.advance(3);
    expect((await h.task('review-overdue-interview')).candidateGroups).toEqual(['managers']);
    await h.complete('review-overdue-interview');
    // near the end of the KPA month with no decision: the party is told why and until when (art. 36 KPA)
    await h.advance(23);
    expect((await h.task('notify-delay')).candidateGroups).toEqual(['benefits']);
    await h.complete('notify-delay', { newDueDate: '2031-02-28' });
    await h.reached('delay-notified', 'ELEMENT_COMPLETED');
    await h.complete('family-interview');
    await decide('dec-b2', {});
    await h.reached('appeal-window');
    await h.publish('appeal-filed', 'dec-b2', { appealReceivedOn: h.today() });
    await h.complete('review-appeal', { appealResolution: 'forward' });
    await h.reached('appeal-decided');
    const rulingReceivedOn = h.today();
    await h.publish('appeal-decided', 'dec-b2', { appealRuling: 'remanded', rulingReceivedOn });
    // re-examination: a new KPA month from the day the files came back, a new interview and a new decision
    await h.complete('family-interview');
    await decide('dec-b2-again', { decisionOutcome: 'refuse' });
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-benefits')).toEqual([
      'overdue-escalated',
      'overdue-reviewed',
      'delay-notified',
      'investigation-done',
      'investigation-done',
      'benefits-ended',
    ]);
    const kpaRuns = h.calls.filter((c) => c.headers.resultVariable === 'kpaDue');
    expect(kpaRuns.map((c) => c.variables.deadlineFrom)).toEqual([applicationDate, rulingReceivedOn]);
    expect(h.calls.find((c) => c.headers.resultVariable === 'interviewDue')!.variables.urgent).toBe(true);
    expect(h.calls.filter((c) => c.type === 'schedule-instalments')).toHaveLength(0);
  });
});
