import path from 'node:path';
import { createUserIfMissing } from '../../src/auth/users';
import { deployResources } from '../../src/engine/deploy';
import { createLogger } from '../../src/logger';
import { startRuntime, type Runtime } from '../../src/runtime';
import { runWorkers, type RunningWorkers } from '../../workers/run-workers';
import { eventually, TestClient } from './http-client';
import { testConfig } from './test-config';

/** A technical fault is retried with backoff, ends as an incident with a readable message, and succeeds on retry. */
describe('technical faults become visible incidents a manager can retry', () => {
  let runtime: Runtime;
  let workers: RunningWorkers;
  let broken = true;
  let attempts = 0;

  beforeAll(async () => {
    const config = testConfig({ WORKERS_ENABLED: 'false' });
    const log = createLogger(config);
    runtime = await startRuntime(config, log, () => undefined);
    await deployResources({
      engine: runtime.engine,
      db: runtime.db,
      log,
      dir: path.join(__dirname, 'fixtures'),
    });
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
    await createUserIfMissing(runtime.db, {
      login: 'it-manager',
      password: 'haslo-testowe-5',
      displayName: 'Kierownik',
      position: 'Kierownik',
      site: '',
      roles: ['managers'],
    });
  });

  afterAll(async () => {
    await workers.stop();
    await runtime.stop();
  });

  it('shows the incident with the worker message and completes the step after a retry', async () => {
    const started = await runtime.engine
      .getZeebeGrpcApiClient()
      .createProcessInstance({ bpmnProcessId: 'it-flaky', variables: {} });
    const processInstanceKey = String(started.processInstanceKey);
    const manager = new TestClient(runtime.url);
    await manager.login('it-manager', 'haslo-testowe-5');

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
    await createUserIfMissing(runtime.db, {
      login: 'it-clerk2',
      password: 'haslo-testowe-6',
      displayName: 'x',
      position: 'x',
      site: '',
      roles: ['first-contact'],
    });
    const clerk = new TestClient(runtime.url);
    await clerk.login('it-clerk2', 'haslo-testowe-6');
    expect((await clerk.request('GET', '/api/incidents')).status).toBe(403);
  });
});
