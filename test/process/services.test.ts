import { type ProcessHarness, useProcessHarness } from './harness';

/**
 * mops-services: fees from the DMN tables (care-service-fee from the council resolution, dps-fee with the 70% and
 * 300% rules), the family agreement, the decision by the services administration team, placement or organisation
 * of the services and the payments to the provider.
 */
describe('mops-services', () => {
  const harness = useProcessHarness();
  let h: ProcessHarness;

  beforeEach(() => {
    h = harness();
  });

  /** The services administration team drafts; payments go to the provider. */
  async function decide(decisionId: string, draft: Record<string, unknown>): Promise<void> {
    expect((await h.task('prepare-decision')).candidateGroups).toEqual(['services-admin']);
    await h.decide(decisionId, { payoutMethod: 'provider', ...draft });
  }

  it('care home: resident pays 70% of income, the family above 300% of the criterion signs an agreement, placement and payments to the DPS', async () => {
    h.on('compute-income', () => ({
      householdSize: 1,
      householdIncomeGrosze: 200_000,
      applicantIncomeGrosze: 200_000,
      relativeIncomeGrosze: 1_000_000,
      relativeHouseholdSize: 2,
    }));
    const pi = await h.startProcess('mops-services', { caseId: 'case-s1', applicationDate: '2025-06-02' });
    expect((await h.task('services-assessment')).candidateGroups).toEqual(['services']);
    await h.complete('services-assessment', { serviceKind: 'care-home', dpsMonthlyCostGrosze: 650_000 });
    expect((await h.task('family-fee-agreement')).candidateGroups).toEqual(['services-admin']);
    await h.complete('family-fee-agreement');
    await decide('dec-s1', { immediateEnforceability: true });
    await h.complete('arrange-dps-placement');
    await h.reached('wait-for-payout-day');
    await h.advance(2);
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-services')).toEqual(['assessment-done', 'services-provided']);
    // 70% of 2000 zł = 1400 zł; family of 2 above 3 × 2 × 823 zł = 4938 zł may pay up to the rest of the cost
    expect(h.calls.find((c) => c.type === 'issue-decision')!.variables.serviceFee).toMatchObject({
      residentFeeGrosze: 140_000,
      familyMayBeObliged: true,
      relativeThresholdGrosze: 493_800,
      familyMaxFeeGrosze: 506_200,
      municipalityMinFeeGrosze: 3_800,
    });
  });

  it('care services: fee from the council table, the KPA notice, organisation and payments to the provider', async () => {
    h.on('compute-income', () => ({
      householdSize: 1,
      householdIncomeGrosze: 151_500,
      applicantIncomeGrosze: 151_500,
      relativeIncomeGrosze: 0,
      relativeHouseholdSize: 1,
    }));
    const pi = await h.startProcess('mops-services', { caseId: 'case-s2', applicationDate: '2025-06-02' });
    await h.task('services-assessment');
    await h.advance(26);
    expect((await h.task('notify-delay')).candidateGroups).toEqual(['services']);
    await h.complete('notify-delay', { newDueDate: '2031-03-31' });
    await h.complete('services-assessment', { serviceKind: 'care-services' });
    await decide('dec-s2', { fullyGranted: true });
    expect((await h.task('organise-services')).candidateGroups).toEqual(['services']);
    await h.complete('organise-services');
    await h.reached('wait-for-payout-day');
    await h.advance(2);
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-services')).toEqual([
      'delay-notified',
      'assessment-done',
      'services-provided',
    ]);
    // single person at 150% of the criterion: 5% of the cost of an hour in the sample resolution
    expect(h.calls.find((c) => c.type === 'issue-decision')!.variables.serviceFee).toEqual({ feePercent: 5 });
  });

  it('care home without an obliged family; the SKO sends the case back; refused after re-examination', async () => {
    const pi = await h.startProcess('mops-services', { caseId: 'case-s3', applicationDate: '2025-06-02' });
    await h.complete('services-assessment', { serviceKind: 'care-home', dpsMonthlyCostGrosze: 650_000 });
    await decide('dec-s3', {});
    await h.reached('appeal-window');
    await h.publish('appeal-filed', 'dec-s3', { appealReceivedOn: h.today() });
    await h.complete('review-appeal', { appealResolution: 'forward' });
    await h.reached('appeal-decided');
    await h.publish('appeal-decided', 'dec-s3', { appealRuling: 'remanded', rulingReceivedOn: h.today() });
    await h.complete('services-assessment', { serviceKind: 'support-centre' });
    await decide('dec-s3-again', { decisionOutcome: 'refuse' });
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-services')).toEqual([
      'assessment-done',
      'assessment-done',
      'services-ended',
    ]);
    expect(await h.count('family-fee-agreement')).toBe(0);
    expect(h.calls.filter((c) => c.headers.resultVariable === 'kpaDue')).toHaveLength(2);
  });
});
