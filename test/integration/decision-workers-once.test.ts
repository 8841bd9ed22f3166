import { recordAppeal, recordDelivery, recordDispatch } from '../../src/decisions/decision-lifecycle';
import { renderLetterPdf } from '../../src/documents/letter-pdf';
import type { Runtime } from '../../src/runtime';
import { createForwardAppealWorker } from '../../workers/forward-appeal';
import { createSendDecisionWorker } from '../../workers/send-decision';
import { createSendDelayNoticeWorker } from '../../workers/send-delay-notice';
import { grantedDecision } from './case-file-fixtures';
import { jobContext } from './job-context';
import { startTestRuntime } from './test-runtime';

/**
 * The engine delivers an external task at least once: the same job delivered 8 times at once, and once more later, leaves one
 * letter, one forwarding to the SKO and one art. 36 notice in the case file.
 */
describe('decision workers exactly once', () => {
  let runtime: Runtime;

  beforeAll(async () => {
    ({ runtime } = await startTestRuntime({ workers: false }));
  });

  afterAll(async () => {
    await runtime.stop();
  });

  async function issued(): Promise<{ caseId: string; decisionId: string }> {
    const fixture = await grantedDecision(runtime.db, {
      amountGrosze: 40_000,
      from: '2026-12-01',
      to: '2026-12-31',
      method: 'cash',
    });
    await runtime.db.query(
      `UPDATE decisions SET number = $2, issued_on = '2026-11-30', status = 'issued' WHERE id = $1`,
      [fixture.decisionId, `TEST.5111.${fixture.decisionId.slice(0, 8)}`],
    );
    return fixture;
  }

  const eightAndOneMore = async <T>(run: () => Promise<T>): Promise<T[]> => {
    const first = await Promise.all(Array.from({ length: 8 }, run));
    return [...first, await run()];
  };

  it('sends the decision letter once and keeps the first dispatch day', async () => {
    const { decisionId } = await issued();
    const worker = createSendDecisionWorker({ db: runtime.db, now: () => new Date('2026-11-30T10:00:00Z') });
    const job = jobContext('send-decision', { decisionId });
    const outcomes = await eightAndOneMore(() => worker.handle(job));
    expect(new Set(outcomes.map((o) => JSON.stringify(o))).size).toBe(1);
    const letters = await runtime.db.query('SELECT 1 FROM outbox_messages WHERE idempotency_key = $1', [
      `decision-issued:${decisionId}`,
    ]);
    expect(letters).toHaveLength(1);
  });

  it('forwards the appeal to the SKO once: one letter in the case file, one forwarding day', async () => {
    const { caseId, decisionId } = await issued();
    await recordDispatch(runtime.db, decisionId, '2026-11-30');
    await recordDelivery(runtime.db, decisionId, '2026-12-02', false);
    await recordAppeal(runtime.db, { decisionId, receivedOn: '2026-12-07' });
    const worker = createForwardAppealWorker({
      db: runtime.db,
      render: renderLetterPdf,
      now: () => new Date('2026-12-09T10:00:00Z'),
    });
    const job = jobContext('forward-appeal', { decisionId });
    const outcomes = await eightAndOneMore(() => worker.handle(job));
    expect(outcomes.every((o) => o.kind === 'complete')).toBe(true);
    const letters = await runtime.db.query(
      `SELECT 1 FROM documents WHERE case_id = $1 AND kind = 'appeal-forwarding'`,
      [caseId],
    );
    expect(letters).toHaveLength(1);
    const [appeal] = await runtime.db.query<{ forwarded_on: string; forward_due_on: string }>(
      'SELECT forwarded_on, forward_due_on FROM appeals WHERE decision_id = $1',
      [decisionId],
    );
    // received Mon 7 Dec: 7 days (art. 133) → Mon 14 Dec; forwarded on the 9th
    expect(appeal).toEqual({ forwarded_on: '2026-12-09', forward_due_on: '2026-12-14' });
  });

  it('sends one art. 36 notice per new date, and refuses a date that is not in the future', async () => {
    const { caseId } = await issued();
    const worker = createSendDelayNoticeWorker({
      db: runtime.db,
      render: renderLetterPdf,
      now: () => new Date('2026-11-30T10:00:00Z'),
    });
    const job = jobContext('send-delay-notice', { caseId, newDueDate: '2027-01-15' });
    const outcomes = await eightAndOneMore(() => worker.handle(job));
    expect(outcomes[0]).toEqual({
      kind: 'complete',
      variables: { kpaDue: '2027-01-15T15:30:00+01:00', kpaWarningAt: '2027-01-08T08:00:00+01:00' },
    });
    const notices = await runtime.db.query('SELECT 1 FROM delay_notices WHERE case_id = $1', [caseId]);
    const letters = await runtime.db.query(
      `SELECT 1 FROM documents WHERE case_id = $1 AND kind = 'delay-notice'`,
      [caseId],
    );
    expect([notices.length, letters.length]).toEqual([1, 1]);
    expect(
      await worker.handle(jobContext('send-delay-notice', { caseId, newDueDate: '2026-11-30' })),
    ).toMatchObject({
      kind: 'fail',
      retryable: false,
    });
  });
});
