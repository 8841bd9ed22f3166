import type { Runtime } from '../../src/runtime';
import { complete } from '../../workers/job-worker';
import { runWorkers, type RunningWorkers } from '../../workers/run-workers';
import { clientCase } from './case-file-fixtures';
import { eventually, type TestClient } from './http-client';
import { randomPesel } from './job-context';
import { loginAs, startTestRuntime } from './test-runtime';

describe('a user task with a Camunda Form', () => {
  let runtime: Runtime;
  let client: TestClient;
  let workers: RunningWorkers;
  /** Variables each captured job carried, by its process instance (another file's instance may reach this worker). */
  const captured: { processInstanceKey: string; variables: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    const started = await startTestRuntime({ workers: false, fixtures: true });
    runtime = started.runtime;
    workers = runWorkers(
      runtime.engine,
      [
        {
          taskType: 'it-capture-variables',
          fetchVariables: [],
          timeoutMs: 10_000,
          handle: (job) => {
            captured.push({ processInstanceKey: job.processInstanceKey, variables: job.variables });
            return Promise.resolve(complete());
          },
        },
      ],
      started.log,
    );
    client = await loginAs(runtime, 'it-form', ['benefits']);
  });

  afterAll(async () => {
    await workers.stop();
    await runtime.stop();
  });

  it('serves the deployed form, validates on the server and sends only process variables to the engine', async () => {
    const started = await runtime.engine.startProcess({ processKey: 'it-form-task', variables: {} });
    const processInstanceKey = started.processInstanceId;
    const [task] = await eventually(async () => {
      const rows = await runtime.db.query<{ user_task_key: string }>(
        `SELECT user_task_key FROM user_tasks WHERE process_instance_key = $1 AND state = 'CREATED'`,
        [processInstanceKey],
      );
      return rows.length > 0 ? rows : undefined;
    }, 'zadanie z formularzem');
    const key = task!.user_task_key;

    const form = await client.request('GET', `/api/tasks/${key}/form`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ schema: { id: 'it-form' } });

    const missing = await client.request('POST', `/api/tasks/${key}/complete`, { householdSize: 3 });
    expect(missing.status).toBe(400);
    expect((missing.body as { error: { field: string } }).error.field).toBe('lastName');

    expect(
      (await client.request('POST', `/api/tasks/${key}/complete`, { lastName: 'Nowak', householdSize: 3 }))
        .status,
    ).toBe(204);
    const variables = await eventually(
      () =>
        Promise.resolve(
          captured.find(
            (c) => c.processInstanceKey === processInstanceKey && c.variables.householdSize !== undefined,
          )?.variables,
        ),
      'zmienne w silniku',
    );
    expect(variables).toEqual({ householdSize: 3 });
    const [stored] = await runtime.db.query<{ data: unknown }>(
      'SELECT data FROM task_submissions WHERE user_task_key = $1',
      [key],
    );
    expect(stored?.data).toEqual({ lastName: 'Nowak', householdSize: 3 });
  });

  it('audits the prefill of a form with the case’s data as a read of that case, by that person', async () => {
    const started = await runtime.engine.startProcess({ processKey: 'it-form-task', variables: {} });
    const { caseId, caseNumber } = await clientCase(runtime.db, {
      pesel: randomPesel(),
      processInstanceKey: started.processInstanceId,
    });
    const [task] = await eventually(async () => {
      const rows = await runtime.db.query<{ user_task_key: string }>(
        `SELECT user_task_key FROM user_tasks WHERE process_instance_key = $1 AND state = 'CREATED'`,
        [started.processInstanceId],
      );
      return rows.length > 0 ? rows : undefined;
    }, 'zadanie z formularzem w sprawie');
    const key = task!.user_task_key;

    const form = await client.request('GET', `/api/tasks/${key}/form`);
    expect(form.status).toBe(200);
    expect((form.body as { data: unknown }).data).toEqual({
      caseNumber,
      clientFirstName: 'Ewa',
      clientLastName: 'Poufna',
      need: 'pomoc',
    });
    const rows = await runtime.db.query<{
      login: string;
      action: string;
      entity: string;
      entity_id: string;
      details: unknown;
    }>(
      `SELECT u.login, a.action, a.entity, a.entity_id, a.details FROM audit_log a JOIN users u ON u.id = a.user_id
        WHERE a.entity_id = $1 ORDER BY a.id`,
      [caseId],
    );
    expect(rows).toEqual([
      {
        login: 'it-form',
        action: 'case-read',
        entity: 'case',
        entity_id: caseId,
        details: { channel: 'form-prefill', userTaskKey: key },
      },
    ]);
  });
});
