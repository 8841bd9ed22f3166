import { type ProcessHarness, useProcessHarness } from './harness';

/**
 * mops-decision: the administrative decision from the draft to enforceability — four-eyes approval (a return for
 * correction, an approval by the preparer caught by check-four-eyes), the KPA watch with the art. 36 notice,
 * delivery (receipt or deemed delivery), the 14-day appeal window (deadline, waiver, appeal), self-amendment and
 * every ruling of the SKO.
 */
describe('mops-decision', () => {
  const harness = useProcessHarness();
  let h: ProcessHarness;

  beforeEach(() => {
    h = harness();
  });

  async function start(caseId: string): Promise<string> {
    return h.startProcess('mops-decision', {
      caseId,
      draftingGroup: 'benefits',
      kpaDue: h.inDays(30),
      kpaWarningAt: h.inDays(25),
      eligibility: { eligible: true, periodicMinGrosze: 25_500, periodicMaxGrosze: 51_000 },
    });
  }

  /** Draft, approval, issue and a delivery receipt: the decision is now in the appeal window (or refused). */
  async function issueAndDeliver(decisionId: string, draft: Record<string, unknown> = {}): Promise<void> {
    await h.complete('prepare-decision', {
      decisionId,
      decisionOutcome: 'grant',
      payoutMethod: 'transfer',
      ...draft,
    });
    await h.complete('approve-decision', { decisionApproved: true });
    await h.reached('delivery-gateway');
    await h.publish('decision-delivered', decisionId, { deliveredOn: h.today() });
  }

  it('returns a draft for correction, catches an approval by the preparer, delivers by deemed delivery and becomes enforceable when the window closes', async () => {
    // the first approval step returns the draft; the second is done by the draft's author (caught), the third counts
    h.sequence('check-four-eyes', [
      {},
      { bpmnError: 'four-eyes-violation', message: 'Zatwierdził autor projektu' },
    ]);
    const pi = await start('case-d1');
    expect((await h.task('prepare-decision')).candidateGroups).toEqual(['benefits']);
    await h.complete('prepare-decision', { decisionId: 'dec-d1', decisionOutcome: 'grant' });
    expect((await h.task('approve-decision')).candidateGroups).toEqual(['managers']);
    await h.complete('approve-decision', { decisionApproved: false });
    await h.complete('prepare-decision', { decisionId: 'dec-d1', decisionOutcome: 'grant' });
    await h.complete('approve-decision', { decisionApproved: true });
    // check-four-eyes threw four-eyes-violation: the approval is void, another manager approves
    await h.complete('approve-decision', { decisionApproved: true });
    await h.reached('delivery-gateway');
    // no return receipt: the letter counts as delivered after the notice period (art. 44 KPA)
    await h.advance(22);
    await h.reached('appeal-window');
    const deemedOn = h.today();
    await h.advance(15);
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-decision')).toEqual(['decision-issued', 'decision-enforceable']);
    expect(await h.count('approve-decision')).toBe(3);
    expect(await h.count('prepare-decision')).toBe(2);
    expect(h.calls.filter((c) => c.type === 'issue-decision')).toHaveLength(1);
    const appealDeadline = h.calls.find((c) => c.headers.resultVariable === 'appealDeadline')!;
    expect(appealDeadline.headers).toMatchObject({ deadlineKind: 'kpa-days', deadlineAmount: '14' });
    // the 14 days run from the (deemed) delivery
    expect(appealDeadline.variables.deadlineFrom).toBe(deemedOn);
  });

  it('notifies the party when the KPA month runs out before the decision, then ends with the delivered refusal', async () => {
    const kpaDue = h.inDays(30);
    const pi = await start('case-d2');
    await h.task('prepare-decision');
    await h.advance(26);
    const notice = await h.task('notify-delay');
    expect(notice.candidateGroups).toEqual(['benefits']);
    // the notice is due by the KPA date the team gave the decision process
    expect(notice.dueDate).toBe(kpaDue);
    await h.complete('notify-delay', { newDueDate: '2031-01-31' });
    await h.reached('delay-notified', 'ELEMENT_COMPLETED');
    expect(h.calls.find((c) => c.type === 'send-delay-notice')!.variables).toMatchObject({
      newDueDate: '2031-01-31',
    });
    await issueAndDeliver('dec-d2', { decisionOutcome: 'refuse' });
    // a refusal can be appealed too: it becomes final when the 14 days pass without an appeal
    await h.reached('appeal-window');
    await h.advance(15);
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-decision')).toEqual([
      'delay-notified',
      'decision-issued',
      'decision-refused',
    ]);
    expect(h.calls.some((c) => c.headers.resultVariable === 'appealDeadline')).toBe(true);
    expect(h.calls.some((c) => c.type === 'mark-decision-enforceable')).toBe(true);
  });

  it('becomes enforceable when the party waives the appeal (art. 127a KPA)', async () => {
    const pi = await start('case-d3');
    await issueAndDeliver('dec-d3');
    await h.reached('appeal-window');
    await h.publish('appeal-waived', 'dec-d3');
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-decision')).toEqual(['decision-issued', 'decision-enforceable']);
  });

  it('amends its own decision on appeal (art. 132 KPA): a new decision with immediate enforceability', async () => {
    const pi = await start('case-d4');
    await issueAndDeliver('dec-d4');
    await h.reached('appeal-window');
    await h.publish('appeal-filed', 'dec-d4', { appealReceivedOn: h.today() });
    const review = await h.task('review-appeal');
    expect(review.candidateGroups).toEqual(['benefits']);
    // 7 days to forward the appeal (the canned compute-due-date: 7 days after the engine's now)
    expect(review.dueDate).toBe(h.inDays(7));
    expect(h.calls.find((c) => c.headers.resultVariable === 'forwardDue')!.headers).toMatchObject({
      deadlineKind: 'kpa-days',
      deadlineAmount: '7',
    });
    await h.complete('review-appeal', { appealResolution: 'amend' });
    await issueAndDeliver('dec-d4-amended', { immediateEnforceability: true });
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-decision')).toEqual([
      'decision-issued',
      'decision-issued',
      'decision-enforceable',
    ]);
    expect(h.calls.filter((c) => c.type === 'forward-appeal')).toHaveLength(0);
    expect(h.calls.find((c) => c.type === 'mark-decision-enforceable')!.variables.decisionId).toBe(
      'dec-d4-amended',
    );
  });

  it.each([
    ['upheld', 'decision-enforceable', 0],
    ['changed', 'decision-enforceable', 1],
    ['revoked', 'decision-revoked', 0],
    ['remanded', 'decision-remanded', 0],
  ])('forwards an appeal to the SKO; ruling %s ends in %s', async (appealRuling, end, applied) => {
    const decisionId = `dec-sko-${appealRuling}`;
    const pi = await start(`case-sko-${appealRuling}`);
    await issueAndDeliver(decisionId);
    await h.reached('appeal-window');
    await h.publish('appeal-filed', decisionId, { appealReceivedOn: h.today() });
    await h.complete('review-appeal', { appealResolution: 'forward' });
    await h.reached('appeal-decided');
    expect(h.calls.find((c) => c.type === 'forward-appeal')!.variables.decisionId).toBe(decisionId);
    await h.publish('appeal-decided', decisionId, { appealRuling, rulingReceivedOn: h.today() });
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-decision')).toEqual(['decision-issued', end]);
    expect(h.calls.filter((c) => c.type === 'apply-appeal-ruling')).toHaveLength(applied);
    // a quash looks for a benefit paid under the decision (art. 98 u.p.s.): nothing paid, nothing to decide
    const recovery = h.calls.filter((c) => c.type === 'compute-undue-benefit');
    expect(recovery.map((c) => [c.bpmnProcessId, c.variables.decisionId])).toEqual(
      ['revoked', 'remanded'].includes(appealRuling) ? [['mops-benefit-recovery', decisionId]] : [],
    );
    expect(await h.endEvents('mops-benefit-recovery')).toEqual(
      ['revoked', 'remanded'].includes(appealRuling) ? ['nothing-undue'] : [],
    );
  });

  it.each([
    ['revoked', 'decision-revoked'],
    ['remanded', 'decision-remanded'],
  ])(
    'a quash (%s) of a decision something was paid under opens the recovery (art. 98 u.p.s.) before it ends',
    async (appealRuling, end) => {
      h.on('compute-undue-benefit', () => ({ undueGrosze: 61_000, recoveryAlreadyDecided: false }));
      const decisionId = `dec-undue-${appealRuling}`;
      const pi = await start(`case-undue-${appealRuling}`);
      await issueAndDeliver(decisionId);
      await h.reached('appeal-window');
      await h.publish('appeal-filed', decisionId, { appealReceivedOn: h.today() });
      await h.complete('review-appeal', { appealResolution: 'forward' });
      await h.reached('appeal-decided');
      await h.publish('appeal-decided', decisionId, { appealRuling, rulingReceivedOn: h.today() });
      const task = await h.task('decide-benefit-recovery');
      expect(task.candidateGroups).toEqual(['benefits']);
      // the decision waits for the recovery to be decided
      expect(await h.count(end, 'ELEMENT_ACTIVATED')).toBe(0);
      await h.complete('decide-benefit-recovery', { recoveryResolution: 'demand' });
      expect(await h.ended(pi)).toBe('COMPLETED');
      expect(await h.endEvents('mops-decision')).toEqual(['decision-issued', end]);
      expect(await h.endEvents('mops-benefit-recovery')).toEqual(['recovery-decided']);
      const computed = h.calls.find((c) => c.type === 'compute-undue-benefit')!;
      expect(computed.variables).toMatchObject({ caseId: `case-undue-${appealRuling}`, decisionId });
      expect(computed.variables).not.toHaveProperty('recoveryFromMonth');
    },
  );
});
