import { EngineError } from '../../src/engine/engine-errors';
import type { EnginePort, LockedExternalTask } from '../../src/engine/port';
import { createLogger } from '../../src/logger';
import { jobContext, runExternalTask } from '../../workers/handle-external-task';
import { bpmnError, complete, type JobOutcome, type JobWorkerDefinition } from '../../workers/job-worker';

const log = createLogger({ LOG_LEVEL: 'error', NODE_ENV: 'test' });
log.silent = true;

const lockedTask = (overrides: Partial<LockedExternalTask> = {}): LockedExternalTask => ({
  id: 'et-1',
  topicName: 'register-case',
  workerId: 'w-1',
  processInstanceId: 'pi-1',
  processDefinitionKey: 'mops-case',
  processDefinitionId: 'mops-case:3:abc',
  activityId: 'register-case',
  activityInstanceId: 'register-case:ai-1',
  executionId: 'ex-1',
  businessKey: null,
  retries: null,
  variables: { intakeId: 'i-1' },
  extensionProperties: { letter: 'delay-notice' },
  ...overrides,
});

/** An engine that records what the worker reported (and can refuse it). */
function recordingEngine(refuse?: EngineError) {
  const reported: unknown[][] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      reported.push([name, ...args]);
      return refuse ? Promise.reject(refuse) : Promise.resolve();
    };
  const engine = {
    completeExternalTask: record('complete'),
    handleBpmnError: record('bpmnError'),
    handleFailure: record('failure'),
    extendLock: record('extendLock'),
  } as unknown as EnginePort;
  return { engine, reported };
}

const worker = (handle: () => Promise<JobOutcome>): JobWorkerDefinition => ({
  taskType: 'register-case',
  fetchVariables: ['intakeId'],
  timeoutMs: 30_000,
  handle,
});

describe('an external task as a job', () => {
  it('keeps the Zeebe-era field names, mapped from Camunda 7', () => {
    const { log: _log, ...context } = jobContext(lockedTask(), log);
    expect(context).toEqual({
      jobKey: 'et-1',
      processInstanceKey: 'pi-1',
      elementInstanceKey: 'register-case:ai-1',
      bpmnProcessId: 'mops-case',
      elementId: 'register-case',
      retries: 3,
      variables: { intakeId: 'i-1' },
      customHeaders: { letter: 'delay-notice' },
    });
  });

  it('takes the retries the engine counts, or the modelled `retries` property before the first failure', () => {
    expect(jobContext(lockedTask({ retries: 1 }), log).retries).toBe(1);
    expect(jobContext(lockedTask({ extensionProperties: { retries: '2' } }), log).retries).toBe(2);
    expect(jobContext(lockedTask({ extensionProperties: { retries: 'dużo' } }), log).retries).toBe(3);
  });
});

describe('reporting the outcome', () => {
  it('completes with the variables, or throws the modelled BPMN error', async () => {
    const { engine, reported } = recordingEngine();
    const deps = { engine, workerId: 'w-1', log };
    await runExternalTask(
      deps,
      worker(() => Promise.resolve(complete({ caseId: 'c-1' }))),
      lockedTask(),
    );
    await runExternalTask(
      deps,
      worker(() => Promise.resolve(bpmnError('duplicate-client', 'Klient ma już sprawę'))),
      lockedTask(),
    );
    expect(reported).toEqual([
      ['complete', 'et-1', 'w-1', { caseId: 'c-1' }],
      ['bpmnError', 'et-1', 'w-1', 'duplicate-client', 'Klient ma już sprawę', undefined],
    ]);
  });

  it('fails with one retry less and the back-off; retryable:false and the last retry make an incident', async () => {
    const { engine, reported } = recordingEngine();
    const deps = { engine, workerId: 'w-1', log };
    const failing = worker(() =>
      Promise.resolve({ kind: 'fail', message: 'Brak połączenia', retryable: true }),
    );
    await runExternalTask(deps, failing, lockedTask());
    await runExternalTask(deps, failing, lockedTask({ retries: 1 }));
    await runExternalTask(
      deps,
      worker(() => Promise.resolve({ kind: 'fail', message: 'Brak zmiennej decisionId', retryable: false })),
      lockedTask(),
    );
    expect(reported).toEqual([
      ['failure', 'et-1', 'w-1', { errorMessage: 'Brak połączenia', retries: 2, retryTimeout: 1000 }],
      ['failure', 'et-1', 'w-1', { errorMessage: 'Brak połączenia', retries: 0, retryTimeout: 0 }],
      ['failure', 'et-1', 'w-1', { errorMessage: 'Brak zmiennej decisionId', retries: 0, retryTimeout: 0 }],
    ]);
  });

  it('turns an exception into a retryable failure with the stack as details', async () => {
    const { engine, reported } = recordingEngine();
    await runExternalTask(
      { engine, workerId: 'w-1', log },
      worker(() => Promise.reject(new Error('Połączenie zerwane'))),
      lockedTask(),
    );
    const [[name, , , failure]] = reported as [[string, string, string, Record<string, unknown>]];
    expect(name).toBe('failure');
    expect(failure).toMatchObject({ errorMessage: 'Połączenie zerwane', retries: 2, retryTimeout: 1000 });
    expect(String(failure.errorDetails)).toContain('Połączenie zerwane');
  });

  it('logs a lost lock instead of throwing', async () => {
    const lost = new EngineError({
      code: 'lock-lost',
      operation: 'POST /external-task/{id}/complete',
      status: 400,
      message: "External Task et-1 cannot be completed by worker 'w-1'. It is locked by worker 'w-2'.",
    });
    const { engine } = recordingEngine(lost);
    await expect(
      runExternalTask(
        { engine, workerId: 'w-1', log },
        worker(() => Promise.resolve(complete())),
        lockedTask(),
      ),
    ).resolves.toBeUndefined();
  });
});
