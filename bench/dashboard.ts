import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createSession } from '../src/auth/sessions';
import { loadConfig } from '../src/config';
import { migrate } from '../src/db/migrate';
import { createPgDatabase } from '../src/db/pg-database';
import { createLogger } from '../src/logger';
import { deadlinesQuerySchema, deadlinesReport } from '../src/monitoring/deadlines';
import { workloadQuerySchema, workloadReport } from '../src/monitoring/workload';
import { createApp } from '../src/web/app';
import type { WebDeps } from '../src/web/context';

/**
 * The managers' deadlines and workload with 50 000 cases and 100 000 tasks (60 000 open, 40 000 completed) in
 * PostgreSQL: seeds a scratch database, times deadlinesReport and workloadReport (the functions the pages and the
 * API use), then the HTML pages over HTTP (the Express app on 127.0.0.1, a manager's session; no engine is needed
 * to read). Prints p50/p95/p99.
 *   npm run bench:dashboard   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/mops_flow_bench)
 */
const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mops_flow_bench';
const CASES = Number(process.env.BENCH_CASES ?? 50_000);
const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const GROUPS = [
  'benefits',
  'social-work',
  'services',
  'violence-response',
  'family-assistance',
  'first-contact',
];
/** Element ids by group: the statutory ones of deadline-watch.ts and a few without a statutory term. */
const ELEMENTS: Record<string, string[]> = {
  benefits: ['family-interview', 'notify-delay', 'review-appeal', 'prepare-decision'],
  'social-work': ['diagnosis', 'social-work-plan'],
  services: ['notify-delay', 'assess-care-needs'],
  'violence-response': ['transfer-to-team', 'form-diagnostic-group', 'first-group-meeting'],
  'family-assistance': ['family-plan'],
  'first-contact': ['receive-application'],
};

async function main(): Promise<void> {
  await recreate(URL);
  const db = createPgDatabase(URL);
  const log = createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'production', LOG_FORMAT: 'json' });
  await migrate(db, log);
  const seeded = performance.now();
  await seed(db.query.bind(db));
  console.log(
    `seeded ${CASES} cases, ${TASKS} tasks, appeals and delay notices in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );
  await db.query('ANALYZE');
  const now = () => new Date();

  console.log(`\n${RUNS} runs each (after 5 warm-up runs)`);
  console.log('query                                      p50 ms   p95 ms   p99 ms  figures');
  const deadlineShapes: [string, Record<string, string>][] = [
    ['deadlines: all kinds, at risk N=3', {}],
    ['deadlines: all kinds, at risk N=10', { days: '10' }],
    ['deadlines: one team (benefits)', { team: 'benefits' }],
    ['deadlines drill-down: late interviews', { kind: 'interview', status: 'late', limit: '1000' }],
  ];
  for (const [label, shape] of deadlineShapes) {
    const query = deadlinesQuerySchema.parse(shape);
    const { times, last } = await timed(() => deadlinesReport(db, query, now()));
    console.log(
      `${label.padEnd(42)} ${percentiles(times)}  ${last.sections.map((s) => `${s.kind} ${s.late}/${s.near}`).join(', ')}; at risk ${last.atRisk.items.length}`,
    );
  }
  const workloadShapes: [string, Record<string, string>][] = [
    ['workload: last 30 days', {}],
    ['workload: drill-down to a team', { team: 'benefits' }],
    ['workload: drill-down to a person', { person: 'bench-benefits-1' }],
  ];
  for (const [label, shape] of workloadShapes) {
    const query = workloadQuerySchema.parse(shape);
    const { times, last } = await timed(() => workloadReport(db, query, now()));
    console.log(
      `${label.padEnd(42)} ${percentiles(times)}  people ${last.people.length}, teams ${last.teams.length}${last.tasks ? `, tasks ${last.tasks.items.length}` : ''}`,
    );
  }
  await http(db, log);
  await db.close();
}

/** The pages over HTTP: the app as main.ts builds it (minus the engine, which reading does not touch). */
async function http(db: ReturnType<typeof createPgDatabase>, log: ReturnType<typeof createLogger>) {
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', DATABASE_URL: URL, LOG_LEVEL: 'warn' });
  const deps = {
    config,
    db,
    log,
    feedToken: 'bench',
    now: () => new Date(),
    workers: () => ({ running: false, types: [] }),
  } as unknown as WebDeps;
  const server = createApp(deps).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const [manager] = await db.query<{ id: string }>(`SELECT id FROM users WHERE login = 'bench-manager'`);
  const session = await createSession(db, manager!.id);
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { cookie: `mops_sid=${session.id}` } });
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    return (await res.text()).length;
  };
  for (const [label, path] of [
    ['HTTP GET /monitoring/terminy', '/monitoring/terminy'],
    ['HTTP GET /api/monitoring/deadlines', '/api/monitoring/deadlines'],
    ['HTTP GET /monitoring/obciazenie', '/monitoring/obciazenie'],
    ['HTTP GET /api/monitoring/workload', '/api/monitoring/workload'],
  ] as const) {
    const { times, last } = await timed(() => get(path));
    console.log(`${label.padEnd(42)} ${percentiles(times)}  ${Math.round(last / 1024)} KiB`);
  }
  await new Promise((resolve) => server.close(resolve));
}

async function timed<T>(run: () => Promise<T>): Promise<{ times: number[]; last: T }> {
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < RUNS + 5; i += 1) {
    const t0 = performance.now();
    last = await run();
    if (i >= 5) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { times, last: last as T };
}

function percentiles(sorted: number[]): string {
  const pct = (p: number) =>
    (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(1);
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

const uuid = (kind: string, i = 'i') => `('${kind}-0000-4000-a000-' || lpad(to_hex(${i}), 12, '0'))`;

/**
 * Set-based inserts (the spreads use different strides, so group, element, holder and due day do not repeat
 * together): 8 people per team role and a manager; clients, intakes and cases; tasks spread over the cases
 * (60 % open, a third of those unassigned; due from 20 days ago to 40 days ahead); a decision on every fifth case,
 * an appeal not forwarded on every tenth decision, a delay notice on every twentieth case.
 */
async function seed(query: (sql: string, params?: unknown[]) => Promise<unknown>): Promise<void> {
  await query(
    `INSERT INTO users (login, display_name, roles, password_hash)
     SELECT 'bench-' || g || '-' || n, 'Pracownik ' || g || ' ' || n, ARRAY[g], 'x'
       FROM unnest($1::text[]) AS g, generate_series(1, 8) AS n`,
    [GROUPS],
  );
  await query(
    `INSERT INTO users (login, display_name, roles, password_hash) VALUES ('bench-manager', 'Kierownik', '{managers}', 'x')`,
  );
  await query(
    `INSERT INTO clients (id, first_name, last_name, pesel)
     SELECT ${uuid('c0000000')}::uuid, 'Anna', 'Nowak-' || i, lpad((90010100000 + i)::text, 11, '0')
       FROM generate_series(1, $1) AS i`,
    [CASES],
  );
  await query(
    `INSERT INTO intakes (id, user_task_key, first_name, last_name, need)
     SELECT ${uuid('c1000000')}::uuid, ${uuid('c2000000')}, 'Anna', 'Nowak', 'pomoc' FROM generate_series(1, $1) AS i`,
    [CASES],
  );
  await query(
    `INSERT INTO cases (id, case_number, client_id, intake_id, process_instance_key, need, urgent, status)
     SELECT ${uuid('c8000000')}::uuid, 'MOPS.ŚW.5011.' || i || '.2026', ${uuid('c0000000')}::uuid,
            ${uuid('c1000000')}::uuid, ${uuid('c3000000')}, 'pomoc', i % 17 = 0, 'open'
       FROM generate_series(1, $1) AS i`,
    [CASES],
  );
  const open = Math.round(TASKS * 0.6);
  await query(
    `INSERT INTO user_tasks (user_task_key, process_instance_key, process_definition_key, bpmn_process_id, element_id,
       element_instance_key, candidate_groups, assignee, state, created_at, updated_at, last_position, priority, due_at,
       root_process_instance_key, name)
     SELECT ${uuid('c5000000')}, ${uuid('c4000000')}, 'mops-benefits:1:bench', 'mops-benefits',
            (($3::jsonb -> g) ->> ((i / 6) % jsonb_array_length($3::jsonb -> g))), 'a:' || i, ARRAY[g],
            CASE WHEN (i / 5) % 3 = 0 THEN NULL ELSE 'bench-' || g || '-' || (1 + (i / 7) % 8) END,
            CASE WHEN i <= $2 THEN 'CREATED' ELSE 'COMPLETED' END,
            now() - (i % 1440) * interval '1 hour', now() - (i % 900) * interval '1 hour', i, 50,
            now() + (((i * 37) % 60) - 20) * interval '1 day' + ((i * 13) % 24) * interval '1 hour',
            ${uuid('c3000000', `(1 + i % ${CASES})`)}, NULL
       FROM generate_series(1, $1) AS i, LATERAL (SELECT ($4::text[])[1 + i % 6] AS g) grp`,
    [TASKS, open, JSON.stringify(ELEMENTS), GROUPS],
  );
  await query(
    `INSERT INTO decisions (id, case_id, outcome, legal_basis, ruling, justification_facts, justification_law,
       appeal_instruction, status, issued_on)
     SELECT ${uuid('c9000000')}::uuid, ${uuid('c8000000')}::uuid, 'grant', 'art. 38 u.p.s.', 'przyznać', 'fakty', 'prawo',
            'pouczenie', 'issued', current_date - (i % 40)
       FROM generate_series(5, $1, 5) AS i`,
    [CASES],
  );
  await query(
    `INSERT INTO appeals (decision_id, received_on, forward_due_on)
     SELECT ${uuid('c9000000')}::uuid, current_date - (i % 20), current_date - (i % 20) + 7
       FROM generate_series(50, $1, 50) AS i`,
    [CASES],
  );
  await query(
    `INSERT INTO delay_notices (case_id, reason, new_due_on, notice_key)
     SELECT ${uuid('c8000000')}::uuid, 'opinia biegłego', current_date + (i % 30) - 10, 'bench-' || i
       FROM generate_series(3, $1, 20) AS i`,
    [CASES],
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
