import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPgDatabase } from '../../src/db/pg-database';
import type { Database } from '../../src/db/database';
import { deployResources } from '../../src/engine/deploy';
import type { EnginePort } from '../../src/engine/port';
import { createRestEngine } from '../../src/engine/rest-engine';
import { createLogger } from '../../src/logger';
import { eventually } from './http-client';
import { testConfig, TEST_DATABASE_URL } from './test-config';
import { testEngineEndpoint } from './test-engine';

/**
 * The projection converges to the engine's truth after the app dies hard: the app runs as a separate process, is
 * killed with SIGKILL in the middle of a burst of task changes (starts, claims, completions made straight on the
 * engine), the burst goes on while it is down, and after a restart the inbox's open tasks equal the engine's own
 * `GET /engine-rest/task` answer — ids, steps, assignees and candidate groups — with each event applied once.
 */
describe('the event feed after kill -9 of the app', () => {
  const config = testConfig({ WORKERS_ENABLED: 'false' });
  const log = createLogger(config);
  let engine: EnginePort;
  let endpoint: Awaited<ReturnType<typeof testEngineEndpoint>>;
  let db: Database;
  let app: ChildProcess | undefined;
  const instances: string[] = [];

  beforeAll(async () => {
    endpoint = await testEngineEndpoint();
    engine = createRestEngine({ ...endpoint, log });
    db = createPgDatabase(TEST_DATABASE_URL);
    app = await startApp('before');
    await deployResources({ engine, db, log, dir: path.join(__dirname, 'fixtures') });
  });

  afterAll(async () => {
    if (app) await stopChild(app);
    for (const id of instances) await engine.deleteProcessInstance(id).catch(() => undefined);
    await db.close();
  });

  it('shows exactly the engine open tasks once the restarted app has caught up', async () => {
    // the burst: 60 instances; every second task claimed, every third completed (its next task opens)
    const burst = async (from: number, to: number) => {
      for (let i = from; i < to; i += 6) {
        await Promise.all(
          Array.from({ length: Math.min(6, to - i) }, async (_, k) => {
            const n = i + k;
            const { processInstanceId } = await engine.startProcess({
              processKey: 'feed-burst',
              variables: { n },
            });
            instances.push(processInstanceId);
            const [task] = await openTasks(`processInstanceId=${processInstanceId}`);
            if (!task) throw new Error(`brak zadania instancji ${processInstanceId}`);
            if (n % 2 === 0) await engine.claimTask(task.id, `user-${n % 5}`);
            if (n % 3 === 0) await engine.completeTask(task.id, { reviewed: true });
          }),
        );
      }
    };
    await burst(0, 24);
    app!.kill('SIGKILL');
    await new Promise((resolve) => app!.once('exit', resolve));
    await burst(24, 60);
    app = await startApp('after');

    const expected = (await openTasks('processDefinitionKey=feed-burst'))
      .filter((t) => instances.includes(t.processInstanceId))
      .map((t) => ({
        id: t.id,
        step: t.taskDefinitionKey,
        assignee: t.assignee,
        groups: t.taskDefinitionKey === 'review' ? ['benefits'] : ['managers'],
      }))
      .sort(byId);
    expect(expected).toHaveLength(60);
    expect(expected.filter((t) => t.step === 'approve')).toHaveLength(20);
    const projected = await eventually(
      async () => {
        const rows = await db.query<{
          user_task_key: string;
          element_id: string;
          assignee: string | null;
          candidate_groups: string[];
        }>(
          `SELECT user_task_key, element_id, assignee, candidate_groups FROM user_tasks
            WHERE state = 'CREATED' AND process_instance_key = ANY($1)`,
          [instances],
        );
        const mapped = rows
          .map((r) => ({
            id: r.user_task_key,
            step: r.element_id,
            assignee: r.assignee,
            groups: r.candidate_groups,
          }))
          .sort(byId);
        return JSON.stringify(mapped) === JSON.stringify(expected) ? mapped : undefined;
      },
      'projekcja zgodna z silnikiem',
      90_000,
    );
    expect(projected).toEqual(expected);
    // each task was created once in the projection's log, although the host redelivered what the killed app lost
    const created = await db.query<{ task_id: string; n: string }>(
      `SELECT task_id, count(*)::text AS n FROM engine_events
        WHERE type = 'task-created' AND process_instance_id = ANY($1) GROUP BY task_id`,
      [instances],
    );
    expect(created).toHaveLength(80);
    expect(created.every((row) => row.n === '1')).toBe(true);
  });

  /** The app as `npm start` runs it, in its own process, on the test engine host (reused) and database. */
  async function startApp(label: string): Promise<ChildProcess> {
    const logs = path.resolve('test-artifacts', 'feed-convergence');
    await mkdir(logs, { recursive: true });
    const out = createWriteStream(path.join(logs, `app-${label}.log`));
    // the app itself in this process (tsx as a loader, not its CLI, which would run the app in a grandchild that
    // kill -9 does not reach: the "killed" app would go on answering, and outlive the file on the app's port)
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATA_DIR: config.DATA_DIR,
        DATABASE_URL: TEST_DATABASE_URL,
        PORT: String(config.PORT),
        ENGINE_MODE: 'local',
        ENGINE_REST_URL: '',
        ENGINE_PORT: String(config.ENGINE_PORT),
        ENGINE_CLOCK_CONTROLLED: 'true',
        WORKERS_ENABLED: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`aplikacja zakończyła pracę (kod ${child.exitCode})`);
        const answer = await fetch(`http://127.0.0.1:${config.PORT}/health`).catch(() => undefined);
        return answer ? true : undefined;
      },
      `start aplikacji (${label})`,
      120_000,
    );
    return child;
  }

  /** SIGTERM, and SIGKILL when it has not ended in 15 s; returns once the process has exited. */
  async function stopChild(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  async function openTasks(
    query: string,
  ): Promise<
    { id: string; taskDefinitionKey: string; assignee: string | null; processInstanceId: string }[]
  > {
    const auth = Buffer.from(`${endpoint.user}:${endpoint.password}`).toString('base64');
    for (let attempt = 0; ; attempt += 1) {
      const answer = await fetch(`${endpoint.restUrl}/task?${query}&maxResults=1000`, {
        headers: { authorization: `Basic ${auth}` },
      });
      if (answer.ok) return (await answer.json()) as never;
      if (attempt > 3) throw new Error(`GET /task: HTTP ${answer.status}`);
      await sleep(200);
    }
  }
});

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
