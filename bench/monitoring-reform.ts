import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrate } from '../src/db/migrate';
import { createPgDatabase } from '../src/db/pg-database';
import { createLogger } from '../src/logger';
import { percentile } from '../src/domain/monitoring/percentile';
import { flowMeasure } from '../src/monitoring/flow-data';
import { reformMeasure, reformTasks } from '../src/monitoring/reform-data';

/**
 * The reform's measure and the flow page over a centre's year: 100 000 completed tasks (60 workers, 7 teams, 12
 * months) and 50 000 cases with applications, interviews, decisions and payouts, in a scratch PostgreSQL database.
 * Times the functions the pages and APIs call and prints p50/p95 (not a test: figures for the closing note).
 *   npm run bench:monitoring   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/mops_reform_bench)
 */
const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mops_reform_bench';
const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const CASES = Number(process.env.BENCH_CASES ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const KEYS = [
  'prepare-decision',
  'family-interview',
  'social-diagnosis',
  'monthly-review',
  'confirm-cash-payout',
  'assign-family-assistant',
];
const TEAMS = [
  'benefits',
  'social-work',
  'services',
  'services-admin',
  'violence-response',
  'family-assistance',
  'first-contact',
];

async function main(): Promise<void> {
  await recreate(URL);
  const db = createPgDatabase(URL);
  await migrate(db, createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'production', LOG_FORMAT: 'json' }));
  const started = performance.now();
  // tasks: created over the year 2025, claimed an hour later (every third never claimed), done 1–8 h after
  await db.query(
    `INSERT INTO user_tasks (user_task_key, process_instance_key, process_definition_key, bpmn_process_id, element_id,
       element_instance_key, candidate_groups, assignee, state, created_at, updated_at, last_position,
       root_process_instance_key, claimed_at, completed_at)
     SELECT 'bt-' || i, 'bc-' || (i % $2), 'bench', 'mops-benefits', ($3::text[])[1 + i % 6], 'bt-' || i,
            ARRAY[($4::text[])[1 + i % 7]], 'worker-' || (i % 60), 'COMPLETED', c, c + d, i, 'bc-' || (i % $2),
            CASE WHEN i % 3 = 0 THEN NULL ELSE c + interval '1 hour' END, c + d
       FROM generate_series(1, $1) i,
            LATERAL (SELECT timestamptz '2025-01-01 07:00+01' + (i % 360) * interval '1 day' AS c,
                            interval '1 hour' * (1 + i % 8) + interval '1 hour' AS d) t`,
    [TASKS, CASES, KEYS, TEAMS],
  );
  await db.query(
    `INSERT INTO clients (id, first_name, last_name)
       SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(i), 12, '0'))::uuid, 'Jan', 'Bench' FROM generate_series(1, $1) i`,
    [CASES],
  );
  await db.query(
    `INSERT INTO intakes (id, user_task_key, first_name, last_name, need)
       SELECT ('00000000-0000-4000-b000-' || lpad(to_hex(i), 12, '0'))::uuid, 'bi-' || i, 'Jan', 'Bench', 'pomoc'
         FROM generate_series(1, $1) i`,
    [CASES],
  );
  await db.query(
    `INSERT INTO cases (id, case_number, client_id, intake_id, process_instance_key, need, teams, district_id)
       SELECT ('00000000-0000-4000-c000-' || lpad(to_hex(i), 12, '0'))::uuid, 'B.' || i,
              ('00000000-0000-4000-a000-' || lpad(to_hex(i), 12, '0'))::uuid,
              ('00000000-0000-4000-b000-' || lpad(to_hex(i), 12, '0'))::uuid, 'bc-' || i, 'pomoc',
              ARRAY[($2::text[])[1 + i % 7]], CASE WHEN i % 2 = 0 THEN 'rejon-1' ELSE 'rejon-2' END
         FROM generate_series(1, $1) i`,
    [CASES, TEAMS],
  );
  const caseId = `('00000000-0000-4000-c000-' || lpad(to_hex(i), 12, '0'))::uuid`;
  const applied = `(date '2025-01-01' + (i % 360))`;
  await db.query(
    `INSERT INTO applications (case_id, kind, submitted_on) SELECT ${caseId}, 'written', ${applied} FROM generate_series(1, $1) i`,
    [CASES],
  );
  await db.query(
    `INSERT INTO interviews (case_id, due_on, conducted_on)
       SELECT ${caseId}, ${applied} + 14, ${applied} + (i % 14) FROM generate_series(1, $1) i WHERE i % 10 <> 0`,
    [CASES],
  );
  await db.query(
    `INSERT INTO decisions (id, case_id, outcome, issued_on, legal_basis, ruling, justification_facts, justification_law,
       appeal_instruction, status)
       SELECT ('00000000-0000-4000-d000-' || lpad(to_hex(i), 12, '0'))::uuid, ${caseId},
              CASE WHEN i % 5 = 0 THEN 'refuse' ELSE 'grant' END, ${applied} + 10 + (i % 25), 'b', 'r', 'f', 'l', 'a', 'issued'
         FROM generate_series(1, $1) i WHERE i % 10 > 1`,
    [CASES],
  );
  await db.query(
    `INSERT INTO payout_instalments (decision_id, instalment_no, month, amount_grosze, method, status, paid_at)
       SELECT ('00000000-0000-4000-d000-' || lpad(to_hex(i), 12, '0'))::uuid, 1, '2025-01', 50000, 'cash', 'paid',
              (${applied} + 40 + (i % 20))::timestamptz
         FROM generate_series(1, $1) i WHERE i % 10 > 1 AND i % 5 <> 0`,
    [CASES],
  );
  await db.query('ANALYZE');
  console.log(
    `seeded ${TASKS} completed tasks and ${CASES} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const shapes: [string, () => Promise<unknown>][] = [
    ['reform: whole year, all teams', () => reformMeasure(db, {})],
    ['reform: whole year, one team', () => reformMeasure(db, { team: 'social-work' })],
    ['reform: one month', () => reformMeasure(db, { from: '2025-06', to: '2025-06' })],
    ['reform: drill-down, worker-month', () => reformTasks(db, { month: '2025-06', person: 'worker-7' })],
    ['flow: 26 weeks', () => flowMeasure(db, { from: '2025-06-01', to: '2025-11-29' }, new Date())],
    ['flow: whole year', () => flowMeasure(db, { from: '2025-01-01', to: '2025-12-31' }, new Date())],
  ];
  console.log(`\n${RUNS} runs each`);
  console.log('shape                              p50 ms   p95 ms');
  for (const [label, run] of shapes) {
    await run();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    const p = (q: number) => (percentile(times, q) ?? 0).toFixed(1).padStart(8);
    console.log(`${label.padEnd(34)}${p(50)} ${p(95)}`);
  }
  await db.close();
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
