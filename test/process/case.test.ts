import { type ProcessHarness, useProcessHarness } from './harness';

/**
 * mops-case: first contact (information, certificate, duplicate applicant, third-person report, urgent
 * intervention, application), routing by the DMN table or by hand, the teams' call activities in parallel, closure.
 */
describe('mops-case', () => {
  const harness = useProcessHarness();
  let h: ProcessHarness;

  beforeEach(() => {
    h = harness();
  });

  it('ends at first contact when the person only needed information', async () => {
    const pi = await h.startProcess('mops-case');
    const intake = await h.task('receive-application');
    expect(intake.candidateGroups).toEqual(['first-contact']);
    await h.complete('receive-application', { intakeId: 'intake-1', contactOutcome: 'information' });
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-case')).toEqual(['information-given']);
    expect(h.calls).toHaveLength(0);
  });

  it('issues a certificate when the conversation was recorded on the one-screen form (no intake task)', async () => {
    const pi = await h.startProcess('mops-case', { intakeId: 'intake-2', contactOutcome: 'certificate' });
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-case')).toEqual(['certificate-issued']);
    expect(await h.count('receive-application', 'ELEMENT_ACTIVATED')).toBe(0);
    expect(h.calls.map((c) => [c.type, c.variables.intakeId])).toEqual([['issue-certificate', 'intake-2']]);
  });

  it('ends with a refusal to certify when the case file does not support the certificate', async () => {
    h.on('issue-certificate', () => ({
      bpmnError: 'certificate-refused',
      message: 'Brak danych w ewidencji',
    }));
    const pi = await h.startProcess('mops-case', { intakeId: 'intake-3', contactOutcome: 'certificate' });
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-case')).toEqual(['certificate-refusal-ended']);
  });

  it('recognises a known person by PESEL and joins the application to the open case', async () => {
    h.on('check-duplicate-client', () => ({
      clientId: 'client-1',
      openCaseId: 'case-open-1',
      openCaseNumber: 'X/1',
    }));
    const pi = await h.startProcess('mops-case', {
      intakeId: 'intake-4',
      contactOutcome: 'application',
      needKind: 'financial',
    });
    expect((await h.task('review-duplicate')).candidateGroups).toEqual(['first-contact']);
    await h.complete('review-duplicate', { duplicateResolution: 'attach' });
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-case')).toEqual(['attached-to-case']);
    expect(h.calls.map((c) => c.type)).toEqual(['check-duplicate-client', 'attach-to-case']);
    expect(h.calls[1]!.variables).toMatchObject({ intakeId: 'intake-4', openCaseId: 'case-open-1' });
  });

  it('opens a new case for a known person when the report is about another matter; a report not confirmed closes it', async () => {
    h.on('check-duplicate-client', () => ({ clientId: 'client-2', openCaseId: 'case-open-2' }));
    const pi = await h.startProcess('mops-case', {
      intakeId: 'intake-5',
      contactOutcome: 'third-party-report',
    });
    await h.complete('review-duplicate', { duplicateResolution: 'new-case' });
    expect((await h.task('verify-report')).candidateGroups).toEqual(['social-work']);
    await h.complete('verify-report', { reportConfirmed: false });
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-case')).toEqual(['report-not-confirmed']);
    const register = h.calls.find((c) => c.type === 'register-case')!;
    expect(register.variables).toMatchObject({ intakeId: 'intake-5', clientId: 'client-2' });
    // the step's properties (Zeebe: task headers), with the retry count every step carries
    expect(h.calls.find((c) => c.type === 'close-case')!.headers).toEqual({
      outcome: 'report-not-confirmed',
      retries: '3',
    });
  });

  it('routes a confirmed third-person report by the table: social work in the district office', async () => {
    const pi = await h.startProcess('mops-case', {
      intakeId: 'intake-6',
      contactOutcome: 'third-party-report',
    });
    await h.complete('verify-report', {
      reportConfirmed: true,
      needKind: 'social-work',
      reason: 'homelessness',
      district: 'wschod',
    });
    await h.complete('social-diagnosis');
    await h.complete('social-work-plan');
    await h.reached('wait-for-review');
    await h.advance(31);
    await h.complete('monthly-review', { continueWork: false });
    await h.complete('close-social-work');
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-case')).toEqual(['case-closed']);
    expect(await h.count('social-work-team')).toBe(1);
    expect(await h.count('benefits-team', 'ELEMENT_ACTIVATED')).toBe(0);
    // both matching rows (need: social work; reason: homelessness) point at the same team: one call, district office 2
    const due = h.calls.find((c) => c.bpmnProcessId === 'mops-social-work')!;
    expect(due.variables).toMatchObject({ caseId: expect.any(String), site: 'rzps-2' });
    expect(due.variables).not.toHaveProperty('reason');
    expect(h.calls.find((c) => c.type === 'close-case')!.headers).toEqual({
      outcome: 'completed',
      retries: '3',
    });
  });

  it('an urgent intervention on the spot, then the table sends the case to benefits: short interview deadline, decision, payout', async () => {
    const pi = await h.startProcess('mops-case', {
      intakeId: 'intake-7',
      contactOutcome: 'urgent-intervention',
      district: 'rejon-2',
    });
    expect((await h.task('urgent-intervention')).candidateGroups).toEqual(['social-work']);
    await h.complete('urgent-intervention', { needKind: 'financial', reason: 'crisis-event' });
    await h.complete('family-interview');
    await h.complete('prepare-decision', {
      decisionId: 'dec-c7',
      decisionOutcome: 'grant',
      immediateEnforceability: true,
    });
    await h.complete('approve-decision', { decisionApproved: true });
    await h.reached('delivery-gateway');
    await h.publish('decision-delivered', 'dec-c7', { deliveredOn: h.today() });
    await h.reached('wait-for-payout-day');
    await h.advance(2);
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-case')).toEqual(['case-closed']);
    const interviewDue = h.calls.find((c) => c.headers.resultVariable === 'interviewDue')!;
    expect(interviewDue.variables).toMatchObject({ urgent: true, site: 'rzps-1' });
  });

  it('no rule matches: first contact routes by hand to all five teams, which work at once; the case closes after the last', async () => {
    const pi = await h.startProcess('mops-case', { intakeId: 'intake-8', contactOutcome: 'application' });
    expect((await h.task('route-manually')).candidateGroups).toEqual(['first-contact']);
    await h.complete('route-manually', {
      teams: ['benefits', 'social-work', 'services', 'violence-response', 'family-assistance'],
      site: 'rzps-1',
    });
    // five teams in parallel: each has its own first task open now
    for (const first of [
      'family-interview',
      'social-diagnosis',
      'services-assessment',
      'transfer-to-team',
      'assign-family-assistant',
    ]) {
      await h.task(first);
    }
    await h.complete('family-interview');
    await h.complete(
      'prepare-decision',
      { decisionId: 'dec-c8-b', decisionOutcome: 'refuse' },
      { group: 'benefits' },
    );
    await h.complete('approve-decision', { decisionApproved: true });
    await h.reached('delivery-gateway');
    await h.publish('decision-delivered', 'dec-c8-b', { deliveredOn: h.today() });
    await h.publish('appeal-waived', 'dec-c8-b');
    await h.complete('services-assessment', { serviceKind: 'support-centre' });
    await h.complete(
      'prepare-decision',
      { decisionId: 'dec-c8-s', decisionOutcome: 'refuse' },
      { group: 'services-admin' },
    );
    await h.complete('approve-decision', { decisionApproved: true });
    await h.reached('delivery-gateway', 'ELEMENT_ACTIVATED', 2);
    await h.publish('decision-delivered', 'dec-c8-s', { deliveredOn: h.today() });
    await h.publish('appeal-waived', 'dec-c8-s');
    await h.complete('transfer-to-team');
    await h.complete('form-diagnostic-group');
    await h.complete('first-group-meeting', { violenceConfirmed: false });
    await h.complete('close-blue-card');
    await h.complete('social-diagnosis');
    await h.complete('social-work-plan');
    await h.complete('assign-family-assistant');
    await h.complete('family-work-plan');
    await h.reached('wait-for-review');
    await h.reached('wait-for-family-review');
    await h.advance(31);
    await h.complete('monthly-review', { continueWork: false });
    await h.complete('close-social-work');
    // Camunda 7 keeps each arriving team's token in the join (an activity instance of its own, ended when the join
    // fires): that the join waited shows in its outgoing flow, taken once after the last team
    expect(await h.count('f-teams-done', 'SEQUENCE_FLOW_TAKEN')).toBe(0);
    await h.advance(181);
    await h.complete('periodic-family-review', { continueFamilyWork: false });
    await h.complete('close-family-assistance');
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-case')).toEqual(['case-closed']);
    for (const team of [
      'benefits-team',
      'social-work-team',
      'services-team',
      'violence-response-team',
      'family-assistance-team',
    ]) {
      expect(await h.count(team)).toBe(1);
    }
    expect(await h.count('f-teams-done', 'SEQUENCE_FLOW_TAKEN')).toBe(1);
    expect(await h.count('teams-join')).toBe(5);
    expect(h.calls.filter((c) => c.type === 'close-case')).toHaveLength(1);
  });
});
