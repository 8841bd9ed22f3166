import { createLogger } from '../../src/logger';
import { createComputeDueDateWorker } from '../../workers/compute-due-date';
import type { JobContext } from '../../workers/job-worker';

const log = createLogger({ LOG_LEVEL: 'error', NODE_ENV: 'test' });
const job = (variables: Record<string, unknown>, customHeaders: Record<string, unknown>): JobContext => ({
  jobKey: '1',
  processInstanceKey: '2',
  elementInstanceKey: '3',
  bpmnProcessId: 'p',
  elementId: 'e',
  retries: 3,
  variables,
  customHeaders,
  log,
});

describe('compute-due-date', () => {
  const worker = createComputeDueDateWorker({ now: () => new Date('2025-12-22T09:00:00Z') });

  it('gives the interview deadline in working days, shorter when urgent', async () => {
    const headers = {
      deadlineKind: 'working-days',
      deadlineAmount: '14',
      deadlineUrgentAmount: '2',
      resultVariable: 'interviewDue',
    };
    expect(await worker.handle(job({}, headers))).toEqual({
      kind: 'complete',
      variables: { interviewDue: '2026-01-16T15:30:00+01:00', interviewDueDay: '2026-01-16' },
    });
    expect(await worker.handle(job({ urgent: true }, headers))).toMatchObject({
      variables: { interviewDueDay: '2025-12-29' },
    });
  });

  it('moves a KPA month ending on a holiday to the next working day', async () => {
    const result = await worker.handle(
      job({ deadlineFrom: '2026-04-06' }, { deadlineKind: 'kpa-months', deadlineAmount: '1' }),
    );
    expect(result).toMatchObject({ variables: { dueDateDay: '2026-05-06' } });
  });

  it('warns five working days before the KPA month ends, skipping the May holidays', async () => {
    const result = await worker.handle(
      job(
        { deadlineFrom: '2026-04-06' },
        {
          deadlineKind: 'kpa-months',
          deadlineAmount: '1',
          resultVariable: 'kpaDue',
          warningWorkingDays: '5',
          warningVariable: 'kpaWarningAt',
        },
      ),
    );
    // due Wed 6 May; back over 5, 4 May, Fri 1 May (holiday), 30, 29, 28 April
    expect(result).toEqual({
      kind: 'complete',
      variables: {
        kpaDue: '2026-05-06T15:30:00+02:00',
        kpaDueDay: '2026-05-06',
        kpaWarningAt: '2026-04-28T08:00:00+02:00',
      },
    });
  });

  it('warns on the first day when the deadline is shorter than the warning period', async () => {
    const result = await worker.handle(
      job(
        { deadlineFrom: '2026-04-06' },
        { deadlineKind: 'working-days', deadlineAmount: '2', warningWorkingDays: '5' },
      ),
    );
    expect(result).toMatchObject({ variables: { dueDateWarning: '2026-04-06T08:00:00+02:00' } });
  });

  it('turns a wrong rule in the diagram into a readable incident, not a retry loop', async () => {
    expect(await worker.handle(job({}, { deadlineKind: 'fortnights', deadlineAmount: '1' }))).toMatchObject({
      kind: 'fail',
      retryable: false,
      message: expect.stringContaining('deadlineKind') as string,
    });
  });
});
