/**
 * The REST adapter and the worker loop against a real Camunda 7.24 engine host (no mocks).
 *
 * The engine is the test engine host of the global setup (test/integration/test-engine.ts).
 *
 * The timer step moves the host's test clock (`/mops/clock`), which expires every current lock, so this file
 * runs its cases one after another and puts the clock back.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EngineError, isEngineError } from '../../src/engine/engine-errors';
import type { EnginePort } from '../../src/engine/port';
import { createRestEngine } from '../../src/engine/rest-engine';
import { createEngineTestClock } from '../../src/engine/test-clock';
import { createLogger } from '../../src/logger';
import { bpmnError, complete, type JobContext, type JobWorkerDefinition } from '../../workers/job-worker';
import { runWorkers, type RunningWorkers } from '../../workers/run-workers';
import { eventually } from './http-client';
import { testEngineEndpoint } from './test-engine';

const log = createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'test' });
const FIXTURES = path.join(__dirname, 'fixtures');

let engine: EnginePort;
let endpoint: Awaited<ReturnType<typeof testEngineEndpoint>>;
let clock: ReturnType<typeof createEngineTestClock>;

/** Every call of the step's handler, in order. */
const calls: JobContext[] = [];
const callsOf = (processInstanceId: string) =>
  calls.filter((c) => c.processInstanceKey === processInstanceId);

/** The fixture's external task; what it does is the instance's `scenario` variable. */
const step: JobWorkerDefinition = {
  taskType: 'rest-it-step',
  fetchVariables: ['scenario'],
  timeoutMs: 1000,
  async handle(job) {
    calls.push(job);
    const first = callsOf(job.processInstanceKey).length === 1;
    switch (job.variables.scenario) {
      case 'reject':
        return bpmnError('rest-it-rejected', 'Wniosek odrzucony');
      case 'fail-once':
        return first
          ? { kind: 'fail', message: 'Usługa zewnętrzna niedostępna', retryable: false }
          : complete({ checked: true });
      case 'throw-once':
        if (first) throw new Error('Połączenie zerwane');
        return complete({ checked: true });
      case 'slow':
        // longer than the lock (1 s): only the lock extension keeps another poll from taking the task again
        await new Promise((resolve) => setTimeout(resolve, 2600));
        return complete({ checked: true });
      default:
        return complete({ checked: { by: 'worker', items: [1, 'dwa', { trzy: null }] } });
    }
  },
};

let workers: RunningWorkers;

beforeAll(async () => {
  endpoint = await testEngineEndpoint();
  const { restUrl, user, password } = endpoint;
  engine = createRestEngine({ restUrl, user, password, log });
  clock = createEngineTestClock({ restUrl, user, password });
  const resources = ['rest-engine.bpmn', 'rest-engine.form'].map((name) => ({
    name,
    content: readFileSync(path.join(FIXTURES, name), 'utf8'),
  }));
  await engine.deploy(resources, { deploymentName: 'rest-engine-test' });
  workers = runWorkers(engine, [step], log, { asyncResponseTimeoutMs: 5000 });
});

afterAll(async () => {
  await workers.stop();
  await clock.reset().catch(() => undefined);
});

describe('engine REST adapter', () => {
  it('answers health with the engine version', async () => {
    expect(await engine.health()).toMatchObject({ ready: true, version: '7.24.0' });
  });

  it('deploys only what changed (duplicate filtering)', async () => {
    const again = await engine.deploy(
      ['rest-engine.bpmn', 'rest-engine.form'].map((name) => ({
        name,
        content: readFileSync(path.join(FIXTURES, name), 'utf8'),
      })),
      { deploymentName: 'rest-engine-test' },
    );
    expect(again.deployed).toEqual([]);
  });

  it('runs the happy path: worker, user task with its form, message, timer', async () => {
    const businessKey = `rest-it-${randomUUID()}`;
    const started = await engine.startProcess({
      processKey: 'rest-it',
      businessKey,
      variables: { scenario: 'complete' },
    });
    expect(started).toMatchObject({ businessKey, processDefinitionId: expect.stringMatching(/^rest-it:/) });
    const id = started.processInstanceId;

    const taskId = await openTask(id);
    const [job] = callsOf(id);
    expect(job).toMatchObject({
      processInstanceKey: id,
      bpmnProcessId: 'rest-it',
      elementId: 'step',
      elementInstanceKey: expect.stringMatching(/^step:/),
      retries: 3,
      variables: { scenario: 'complete' },
      customHeaders: { mode: 'fixture' },
    });
    expect(await engine.processVariables(id)).toEqual({
      scenario: 'complete',
      checked: { by: 'worker', items: [1, 'dwa', { trzy: null }] },
    });

    expect(await engine.task(taskId)).toMatchObject({
      name: 'Sprawdź',
      taskDefinitionKey: 'review',
      processInstanceId: id,
      assignee: null,
      formRef: 'rest-it-form',
    });
    const form = JSON.parse((await engine.deployedForm(taskId))!) as { id: string };
    expect(form.id).toBe('rest-it-form');

    await engine.claimTask(taskId, 'anna.k');
    await engine.claimTask(taskId, 'anna.k');
    await expect(engine.claimTask(taskId, 'bartek.n')).rejects.toMatchObject({ code: 'already-claimed' });
    await engine.assignTask(taskId, 'bartek.n');
    expect((await engine.task(taskId))?.assignee).toBe('bartek.n');
    await engine.unclaimTask(taskId);
    expect((await engine.task(taskId))?.assignee).toBeNull();
    await engine.completeTask(taskId, { comment: 'Zgodne z aktami' });
    await expect(engine.completeTask(taskId, {})).rejects.toMatchObject({ code: 'not-found' });
    expect(await engine.task(taskId)).toBeUndefined();
    expect(await engine.historicTask(taskId)).toMatchObject({ deleteReason: 'completed' });

    const correlated = await eventually(
      () => engine.correlateMessage({ messageName: 'rest-it-signal', businessKey }).catch(() => undefined),
      'komunikat przyjęty',
    );
    expect(correlated).toEqual({ correlated: 1, processInstanceIds: [id] });
    const again = await engine
      .correlateMessage({ messageName: 'rest-it-signal', businessKey })
      .catch((error: unknown) => error);
    expect(again).toBeInstanceOf(EngineError);
    expect(again).toMatchObject({ code: 'message-not-correlated', status: 400 });

    await clock.set(new Date(Date.now() + 2 * 3_600_000));
    try {
      const ended = await eventually(async () => {
        const [instance] = await engine.findProcessInstances({ businessKey });
        return instance?.state === 'COMPLETED' ? instance : undefined;
      }, 'koniec procesu po minutniku');
      expect(ended).toMatchObject({ id, processDefinitionKey: 'rest-it' });
    } finally {
      await clock.reset();
    }
  });

  it('ends on the boundary event when the worker answers with a modelled BPMN error', async () => {
    const { processInstanceId: id } = await engine.startProcess({
      processKey: 'rest-it',
      variables: { scenario: 'reject' },
    });
    const ends = await eventually(async () => {
      const reached = await endedAt(id);
      return reached.length > 0 ? reached : undefined;
    }, 'koniec na zdarzeniu brzegowym');
    expect(ends).toEqual(['rejected-end']);
    expect(callsOf(id)).toHaveLength(1);
  });

  it('turns a final failure into an incident a person can retry; the retry completes the step', async () => {
    const { processInstanceId: id } = await engine.startProcess({
      processKey: 'rest-it',
      variables: { scenario: 'fail-once' },
    });
    const [incident] = await eventually(async () => {
      const open = await engine.incidents({ processInstanceId: id });
      return open.length > 0 ? open : undefined;
    }, 'incydent');
    const [failed] = callsOf(id);
    expect(incident).toMatchObject({
      processInstanceId: id,
      activityId: 'step',
      incidentType: 'failedExternalTask',
      message: 'Usługa zewnętrzna niedostępna',
      configuration: failed?.jobKey,
    });
    expect(await engine.incidents({ rootProcessInstanceId: id })).toHaveLength(1);

    await engine.setExternalTaskRetries(incident!.configuration!, 1);
    await openTask(id);
    expect(callsOf(id).map((c) => [c.jobKey, c.retries])).toEqual([
      [failed?.jobKey, 3],
      [failed?.jobKey, 1],
    ]);
    expect(await engine.incidents({ processInstanceId: id })).toEqual([]);
  });

  it('retries after an exception, with the same external task id and one retry less', async () => {
    const { processInstanceId: id } = await engine.startProcess({
      processKey: 'rest-it',
      variables: { scenario: 'throw-once' },
    });
    await openTask(id);
    const [first, second] = callsOf(id);
    expect(second?.jobKey).toBe(first?.jobKey);
    expect([first?.retries, second?.retries]).toEqual([3, 2]);
  });

  it('keeps the lock of a step that runs longer than its lock duration', async () => {
    const { processInstanceId: id } = await engine.startProcess({
      processKey: 'rest-it',
      variables: { scenario: 'slow' },
    });
    await openTask(id);
    expect(callsOf(id)).toHaveLength(1);
  });

  it('refuses a message nothing waits for with a typed error', async () => {
    const error = await engine
      .correlateMessage({ messageName: 'rest-it-signal', businessKey: `nobody-${randomUUID()}` })
      .catch((e: unknown) => e);
    expect(isEngineError(error, 'message-not-correlated')).toBe(true);
    // with `all` the engine itself answers 200 [] — the adapter still says nothing waited
    const none = await engine
      .correlateMessage({ messageName: 'rest-it-signal', businessKey: `nobody-${randomUUID()}`, all: true })
      .catch((e: unknown) => e);
    expect(isEngineError(none, 'message-not-correlated')).toBe(true);
  });

  it('stops at once although a poll is parked in the engine', async () => {
    const idle = runWorkers(engine, [{ ...step, taskType: 'rest-it-nothing' }], log, {
      asyncResponseTimeoutMs: 15_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = Date.now();
    await idle.stop();
    expect(idle.running()).toBe(false);
    expect(Date.now() - before).toBeLessThan(5000);
  });
});

/** The instance's open user task (raw REST: the app reads tasks from its projection, not the engine). */
async function openTask(processInstanceId: string): Promise<string> {
  return eventually(async () => {
    const [task] = await rest<{ id: string }[]>(`/task?processInstanceId=${processInstanceId}`);
    return task?.id;
  }, `zadanie użytkownika w ${processInstanceId}`);
}

/** End events the instance reached (history). */
async function endedAt(processInstanceId: string): Promise<string[]> {
  const activities = await rest<{ activityId: string; activityType: string; endTime: string | null }[]>(
    `/history/activity-instance?processInstanceId=${processInstanceId}&activityType=noneEndEvent`,
  );
  return activities.filter((a) => a.endTime).map((a) => a.activityId);
}

async function rest<T>(pathAndQuery: string): Promise<T> {
  const { restUrl, user, password } = endpoint;
  const response = await fetch(`${restUrl}${pathAndQuery}`, {
    headers: { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
  });
  if (!response.ok) throw new Error(`${pathAndQuery}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
