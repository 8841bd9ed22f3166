import { type ProcessHarness, useProcessHarness } from './harness';

/** Social work and family assistance: work in cycles on a timer until the worker closes the case. */
describe('mops-social-work and mops-family-assistance', () => {
  const harness = useProcessHarness();
  let h: ProcessHarness;

  beforeEach(() => {
    h = harness();
  });

  it('social work: diagnosis, plan and contract, a monthly review on the timer, another one, closure', async () => {
    const pi = await h.startProcess('mops-social-work', { caseId: 'case-sw-1', site: 'rzps-1' });
    await h.complete('social-diagnosis');
    await h.complete('social-work-plan');
    await h.reached('wait-for-review');
    expect(await h.count('monthly-review', 'ELEMENT_ACTIVATED')).toBe(0);
    // the review is due a month later: move the engine clock instead of waiting
    await h.advance(31);
    await h.complete('monthly-review', { continueWork: true });
    await h.reached('wait-for-review', 'ELEMENT_ACTIVATED', 2);
    await h.advance(31);
    await h.complete('monthly-review', { continueWork: false });
    await h.complete('close-social-work');
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-social-work')).toEqual(['social-work-closed']);
    const reviews = h.calls.filter((c) => c.type === 'compute-due-date');
    expect(reviews).toHaveLength(2);
    expect(reviews[0]!.headers).toMatchObject({ deadlineKind: 'kpa-months', deadlineAmount: '1' });
  });

  it('family assistance: assistant assigned, plan, a half-yearly assessment, closure', async () => {
    const pi = await h.startProcess('mops-family-assistance', { caseId: 'case-fa-1' });
    const assign = await h.task('assign-family-assistant');
    expect(assign.candidateGroups).toEqual(['family-assistance']);
    await h.complete('assign-family-assistant');
    await h.complete('family-work-plan');
    await h.reached('wait-for-family-review');
    await h.advance(181);
    await h.complete('periodic-family-review', { continueFamilyWork: true });
    await h.reached('wait-for-family-review', 'ELEMENT_ACTIVATED', 2);
    await h.advance(181);
    await h.complete('periodic-family-review', { continueFamilyWork: false });
    await h.complete('close-family-assistance');
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(h.calls.find((c) => c.type === 'compute-due-date')!.headers).toMatchObject({
      deadlineKind: 'kpa-months',
      deadlineAmount: '6',
      resultVariable: 'nextFamilyReviewAt',
    });
  });
});
