import type { EnginePort, LockedExternalTask } from '../../src/engine/port';
import { createLogger, type Logger } from '../../src/logger';
import { runExternalTask } from '../../workers/handle-external-task';
import type { JobOutcome } from '../../workers/job-worker';

const quiet = createLogger({ LOG_LEVEL: 'error', NODE_ENV: 'test' });
quiet.silent = true;

const task = (variables: Record<string, unknown>, businessKey: string | null): LockedExternalTask => ({
  id: 'et-9',
  topicName: 'issue-decision',
  workerId: 'w-1',
  processInstanceId: 'pi-9',
  processDefinitionKey: 'mops-decision',
  processDefinitionId: 'mops-decision:1:x',
  activityId: 'issue-decision',
  activityInstanceId: 'issue-decision:ai-9',
  executionId: 'ex-9',
  businessKey,
  retries: null,
  variables,
  extensionProperties: {},
});

const engine = {
  completeExternalTask: () => Promise.resolve(),
  handleBpmnError: () => Promise.resolve(),
  handleFailure: () => Promise.resolve(),
  extendLock: () => Promise.resolve(),
} as unknown as EnginePort;

/** The job's log context (case and process ids) and what the metrics hear of each task run. */
describe('a task run, as logs and metrics see it', () => {
  async function run(
    variables: Record<string, unknown>,
    businessKey: string | null,
    outcome: () => Promise<JobOutcome>,
  ) {
    const contexts: unknown[] = [];
    const log = { child: (meta: unknown) => (contexts.push(meta), quiet) } as unknown as Logger;
    const observed: [string, string, number][] = [];
    await runExternalTask(
      {
        engine,
        workerId: 'w-1',
        log,
        onTaskDone: (topic, kind, seconds) => observed.push([topic, kind, seconds]),
      },
      { taskType: 'issue-decision', fetchVariables: ['decisionId'], timeoutMs: 30_000, handle: outcome },
      task(variables, businessKey),
    );
    return { contexts, observed };
  }

  it('logs the job with its process instance, the case id and the business key', async () => {
    const { contexts } = await run({ caseId: 'case-7', decisionId: 'd-1' }, 'intake-3', () =>
      Promise.resolve({ kind: 'complete', variables: {} }),
    );
    expect(contexts).toEqual([
      {
        taskType: 'issue-decision',
        jobKey: 'et-9',
        processInstanceKey: 'pi-9',
        caseId: 'case-7',
        businessKey: 'intake-3',
      },
    ]);
  });

  it('leaves the case out when the instance has none', async () => {
    const { contexts } = await run({ decisionId: 'd-1' }, null, () =>
      Promise.resolve({ kind: 'complete', variables: {} }),
    );
    expect(contexts).toEqual([{ taskType: 'issue-decision', jobKey: 'et-9', processInstanceKey: 'pi-9' }]);
  });

  it('reports the topic and the outcome of each run, a thrown error as a failure', async () => {
    const done = await run({}, null, () => Promise.resolve({ kind: 'complete', variables: {} }));
    const failed = await run({}, null, () => Promise.reject(new Error('baza nie odpowiada')));
    const business = await run({}, null, () =>
      Promise.resolve({ kind: 'bpmn-error', errorCode: 'X', message: 'x' }),
    );
    expect([done, failed, business].map((r) => r.observed.map(([topic, kind]) => [topic, kind]))).toEqual([
      [['issue-decision', 'complete']],
      [['issue-decision', 'fail']],
      [['issue-decision', 'bpmn-error']],
    ]);
    expect(done.observed[0]?.[2]).toBeGreaterThanOrEqual(0);
  });
});
