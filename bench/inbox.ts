import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrate } from '../src/db/migrate';
import { createPgDatabase } from '../src/db/pg-database';
import { createLogger } from '../src/logger';
import { inboxQuerySchema, queryInbox, type InboxQuery } from '../src/tasks/task-queries';
import { engineCount, ensureEngineTasks, timeEngineQuery, type EngineBench } from './engine-tasks';

/**
 * The inbox's first page with 50 000 open tasks in the centre: seeds a scratch PostgreSQL database and times
 * queryInbox (the same function the API uses) for a benefits officer. Prints p50/p95/p99 per query shape.
 * With BENCH_ENGINE_URL, the engine's own task query runs side by side over the same number of open tasks in a
 * Camunda 7 engine (created once through REST, ~400/s, and reused by later runs).
 *   npm run bench:inbox            (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/mops_flow_bench)
 *   BENCH_ENGINE_URL=http://127.0.0.1:8080/engine-rest BENCH_ENGINE_USER=mops-flow BENCH_ENGINE_PASSWORD=… npm run bench:inbox
 * On a PostgreSQL engine, also BENCH_ENGINE_DATABASE_URL=postgres://…/<engine db>: right after 50 000 starts its
 * statistics are stale and the engine's query took 35–43 s a page until ANALYZE (about 0.2 s after).
 */
const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mops_flow_bench';
const TASKS = Number(process.env.BENCH_TASKS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const ENGINE: EngineBench | undefined = process.env.BENCH_ENGINE_URL
  ? {
      url: process.env.BENCH_ENGINE_URL.replace(/\/$/, ''),
      user: process.env.BENCH_ENGINE_USER ?? 'mops-flow',
      password: process.env.BENCH_ENGINE_PASSWORD ?? '',
    }
  : undefined;
/** The engine's own database (its schema on PostgreSQL): ANALYZEd after the bulk start, as the projection is. */
const ENGINE_DATABASE_URL = process.env.BENCH_ENGINE_DATABASE_URL;
const GROUPS = [
  'benefits',
  'social-work',
  'services',
  'violence-response',
  'family-assistance',
  'first-contact',
];

async function main(): Promise<void> {
  await recreate(URL);
  const db = createPgDatabase(URL);
  await migrate(db, createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'production', LOG_FORMAT: 'json' }));
  const seeded = performance.now();
  await seed(db.query.bind(db));
  console.log(
    `seeded ${TASKS} open tasks (+ cases, clients) in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );
  await db.query('ANALYZE');

  const user = { login: 'bench-officer', roles: ['benefits'] };
  const shapes: [string, Partial<InboxQuery>][] = [
    ['first page, by due date', {}],
    ['first page, by priority', { sort: 'priority' }],
    ['overdue only', { overdue: 'true' }],
    ['search by surname prefix', { q: 'Nowak-12' }],
    ['search by PESEL', { q: '90010112342' }],
    ['page 20', { page: 20 }],
  ];
  console.log(
    `\n${RUNS} runs each, user with role benefits (~${Math.round(TASKS / GROUPS.length)} visible tasks)`,
  );
  console.log('query shape                      p50 ms   p95 ms   p99 ms   rows  total');
  for (const [label, shape] of shapes) {
    const query = inboxQuerySchema.parse(shape);
    const times: number[] = [];
    let last = { items: [] as unknown[], total: 0 };
    for (let i = 0; i < RUNS + 10; i += 1) {
      const t0 = performance.now();
      last = await queryInbox(db, user, query);
      if (i >= 10) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${label.padEnd(32)} ${percentiles(times)}   ${String(last.items.length).padStart(4)}  ${last.total}`,
    );
  }
  await db.close();
  if (ENGINE) await engineSide(ENGINE);
  else
    console.log(
      "\nengine side: set BENCH_ENGINE_URL (and BENCH_ENGINE_USER / BENCH_ENGINE_PASSWORD) to time the engine's own\n" +
        'task query (GET /engine-rest/task?candidateGroup=…&sortBy=dueDate) over the same number of open tasks.',
    );
}

/** The engine's own query for the same page: the benefits group's open tasks by due date, 50 of them. */
async function engineSide(engine: EngineBench): Promise<void> {
  console.log(`\nengine side: ${engine.url}`);
  await ensureEngineTasks(engine, TASKS, GROUPS);
  if (ENGINE_DATABASE_URL) await analyze(ENGINE_DATABASE_URL);
  else
    console.log('(engine tables not analysed: set BENCH_ENGINE_DATABASE_URL to compare on fresh statistics)');
  const shapes: [string, string][] = [
    ['candidate group, by due date', 'candidateGroup=benefits&sortBy=dueDate&sortOrder=asc&maxResults=50'],
    [
      '… including assigned tasks',
      'candidateGroup=benefits&includeAssignedTasks=true&sortBy=dueDate&sortOrder=asc&maxResults=50',
    ],
    ['assigned to me, by due date', 'assignee=bench-officer&sortBy=dueDate&sortOrder=asc&maxResults=50'],
  ];
  console.log(`${RUNS} runs each, GET /task?… (HTTP round trip included)`);
  console.log('query shape                      p50 ms   p95 ms   p99 ms  total');
  for (const [label, query] of shapes) {
    const times = await timeEngineQuery(engine, `/task?${query}`, RUNS);
    const total = await engineCount(engine, query.replace(/&sortBy=.*$/, ''));
    console.log(`${label.padEnd(32)} ${percentiles(times)}  ${total}`);
  }
}

/** Fresh planner statistics for a database the bench just filled. */
async function analyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('ANALYZE');
  await client.end();
}

/** p50, p95, p99 of sorted milliseconds, as the table's columns. */
function percentiles(sorted: number[]): string {
  const pct = (p: number) =>
    (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(2);
  return `${pct(50).padStart(6)}   ${pct(95).padStart(6)}   ${pct(99).padStart(6)}`;
}

async function recreate(url: string): Promise<void> {
  const target = new globalThis.URL(url);
  const name = target.pathname.slice(1);
  if (!/bench/.test(name)) throw new Error(`benchmark database name must contain "bench": ${name}`);
  target.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
}

/** A Camunda 7 id (a UUID) for row i of a kind: the same i gives the same id in every table. */
const uuid = (kind: string) => `'${kind}-0000-4000-a000-' || lpad(to_hex(i), 12, '0')`;

/** One set-based insert per table: clients, intakes, cases and their open tasks, with Camunda 7's ids. */
async function seed(query: (sql: string, params?: unknown[]) => Promise<unknown>): Promise<void> {
  await query(
    `INSERT INTO users (login, display_name, roles, password_hash) VALUES ('bench-officer', 'Bench', '{benefits}', 'x')`,
  );
  await query(
    `INSERT INTO clients (id, first_name, last_name, pesel)
     SELECT (${uuid('c0000000')})::uuid, 'Anna', 'Nowak-' || i, lpad((90010100000 + i)::text, 11, '0')
       FROM generate_series(1, $1) AS i`,
    [TASKS],
  );
  await query(
    `INSERT INTO intakes (id, user_task_key, first_name, last_name, need)
     SELECT (${uuid('c1000000')})::uuid, ${uuid('c2000000')}, 'Anna', 'Nowak', 'pomoc'
       FROM generate_series(1, $1) AS i`,
    [TASKS],
  );
  await query(
    `INSERT INTO cases (case_number, client_id, intake_id, process_instance_key, need, district_id)
     SELECT 'MOPS.ŚW.5011.' || i || '.2026', (${uuid('c0000000')})::uuid, (${uuid('c1000000')})::uuid,
            ${uuid('c3000000')}, 'pomoc', CASE WHEN i % 2 = 0 THEN 'rejon-1' ELSE 'rejon-2' END
       FROM generate_series(1, $1) AS i`,
    [TASKS],
  );
  await query(
    // as in the case process: each task runs in a team's sub-process (call activity) whose root is the case's
    // instance; ids as the event feed writes them (task id, instance ids, activity instance id, definition id)
    `INSERT INTO user_tasks (user_task_key, process_instance_key, process_definition_key, bpmn_process_id, element_id,
       element_instance_key, candidate_groups, assignee, state, created_at, updated_at, last_position, priority, due_at,
       root_process_instance_key, name)
     SELECT ${uuid('c5000000')}, ${uuid('c4000000')}, 'mops-benefits:1:c6000000-0000-4000-a000-000000000001',
            'mops-benefits', 'family-interview', 'family-interview:' || ${uuid('c7000000')},
            ARRAY[($2::text[])[1 + i % 6]], CASE WHEN i % 10 = 0 THEN 'bench-officer' END, 'CREATED',
            now() - (i % 1000) * interval '1 hour', now(), i, 25 * (i % 4), now() + ((i % 60) - 10) * interval '1 day',
            ${uuid('c3000000')}, 'Wywiad rodzinny'
       FROM generate_series(1, $1) AS i`,
    [TASKS, GROUPS],
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
