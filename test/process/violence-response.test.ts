import { type ProcessHarness, useProcessHarness } from './harness';

/** mops-violence-response: the Niebieska Karta procedure, 5 / 3 / 5 working days, monitoring, closure. */
describe('mops-violence-response', () => {
  const harness = useProcessHarness();
  let h: ProcessHarness;

  beforeEach(() => {
    h = harness();
  });

  it('a person comes straight to the section: NK-A, the 5/3/5 working-day steps, help plan, monitoring, closure', async () => {
    h.on('register-case', () => ({
      caseId: 'case-nk-1',
      caseNumber: 'MOPS.NK.1.2025',
      applicationDate: '2025-06-02',
    }));
    const businessKey = `direct-${Date.now()}`;
    const pi = await h.startByMessage('violence-direct-contact', businessKey);
    expect(
      await h.engine.findProcessInstances({ processKey: 'mops-violence-response', businessKey }),
    ).toEqual([expect.objectContaining({ id: pi, businessKey, state: 'ACTIVE' })]);
    expect((await h.task('receive-direct-report')).candidateGroups).toEqual(['violence-response']);
    await h.complete('receive-direct-report', { intakeId: 'intake-nk-1' });
    // the canned compute-due-date gives n days after the engine's (pinned) now: 5, 3 and 5
    const transfer = await h.task('transfer-to-team');
    expect(transfer.dueDate).toBe(h.inDays(5));
    await h.complete('transfer-to-team');
    expect((await h.task('form-diagnostic-group')).dueDate).toBe(h.inDays(3));
    await h.complete('form-diagnostic-group');
    expect((await h.task('first-group-meeting')).dueDate).toBe(h.inDays(5));
    await h.complete('first-group-meeting', { violenceConfirmed: true });
    await h.complete('help-plan');
    await h.reached('wait-for-monitoring');
    await h.advance(31);
    await h.complete('monitor-family', { closeProcedure: false });
    await h.reached('wait-for-monitoring', 'ELEMENT_ACTIVATED', 2);
    await h.advance(31);
    await h.complete('monitor-family', { closeProcedure: true });
    await h.complete('close-blue-card');
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(await h.endEvents('mops-violence-response')).toEqual(['blue-card-closed']);

    const register = h.calls.find((c) => c.type === 'register-case')!;
    expect(register.variables.intakeId).toBe('intake-nk-1');
    const steps = h.calls.filter(
      (c) => c.type === 'compute-due-date' && c.headers.deadlineKind === 'working-days',
    );
    expect(steps.map((c) => [c.headers.resultVariable, c.headers.deadlineAmount])).toEqual([
      ['transferDue', '5'],
      ['groupDue', '3'],
      ['meetingDue', '5'],
    ]);
    // the 5 days run from the day the procedure started (the case's application date)
    expect(steps[0]!.variables.deadlineFrom).toBe('2025-06-02');
  });

  it('a case sent by first contact ends when the group finds no grounds', async () => {
    const pi = await h.startProcess('mops-violence-response', {
      caseId: 'case-v2',
      applicationDate: '2025-06-02',
    });
    await h.complete('transfer-to-team');
    await h.complete('form-diagnostic-group');
    await h.complete('first-group-meeting', { violenceConfirmed: false });
    await h.complete('close-blue-card', { closureReason: 'no-grounds' });
    expect(await h.ended(pi)).toBe('COMPLETED');
    expect(h.calls.find((c) => c.headers.resultVariable === 'transferDue')!.variables.deadlineFrom).toBe(
      '2025-06-02',
    );
    expect(await h.count('help-plan')).toBe(0);
  });
});
