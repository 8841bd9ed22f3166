import type { Runtime } from '../../src/runtime';
import { runWorkers, type RunningWorkers } from '../../workers/run-workers';
import { eventually } from './http-client';
import { loginAs, startTestRuntime } from './test-runtime';

/** A technical fault is retried with backoff, ends as an incident with a readable message, and succeeds on retry. */
describe('technical faults become visible incidents a manager can retry', () => {
  let runtime: Runtime;
  let workers: RunningWorkers;
  let broken = true;
  let attempts = 0;

  beforeAll(async () => {
    const started = await startTestRuntime({ workers: false, fixtures: true });
    runtime = started.runtime;
    const log = started.log;
    workers = runWorkers(
      runtime.engine,
      [
        {
          taskType: 'it-flaky',
          fetchVariables: [],
          timeoutMs: 10_000,
          handle: () => {
            attempts += 1;
            if (broken) return Promise.reject(new Error('Serwer pocztowy nie odpowiada (ECONNREFUSED)'));
            return Promise.resolve({ kind: 'complete', variables: {} });
          },
        },
      ],
      log,
    );
  });

  afterAll(async () => {
    await workers.stop();
    await runtime.stop();
  });

  it('shows the incident with the worker message and completes the step after a retry', async () => {
    const started = await runtime.engine.startProcess({ processKey: 'it-flaky', variables: {} });
    const processInstanceKey = started.processInstanceId;
    const manager = await loginAs(runtime, 'it-manager', ['managers']);

    const incident = await eventually(
      async () => {
        const res = await manager.request('GET', '/api/incidents');
        return (
          res.body as {
            items: {
              incidentKey: string;
              processInstanceKey: string;
              errorMessage: string;
              stepName: string;
            }[];
          }
        ).items.find((i) => i.processInstanceKey === processInstanceKey);
      },
      'incydent',
      20_000,
    );
    expect(attempts).toBe(2);
    expect(incident.errorMessage).toContain('Serwer pocztowy nie odpowiada');
    expect(incident.stepName).toBe('Krok z awarią');

    broken = false;
    expect((await manager.request('POST', `/api/incidents/${incident.incidentKey}/retry`)).status).toBe(204);
    await eventually(async () => {
      const [row] = await runtime.db.query<{ state: string }>(
        'SELECT state FROM process_instances WHERE process_instance_key = $1',
        [processInstanceKey],
      );
      return row?.state === 'COMPLETED' ? true : undefined;
    }, 'zakończenie po ponowieniu');
    const [resolved] = await runtime.db.query<{ state: string }>(
      'SELECT state FROM incidents WHERE incident_key = $1',
      [incident.incidentKey],
    );
    expect(resolved?.state).toBe('RESOLVED');
  });

  it('is for managers only', async () => {
    const clerk = await loginAs(runtime, 'it-clerk2', ['first-contact']);
    expect((await clerk.request('GET', '/api/incidents')).status).toBe(403);
  });
});
