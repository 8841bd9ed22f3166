import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { User } from '../src/auth/users';
import { migrate } from '../src/db/migrate';
import { createPgDatabase } from '../src/db/pg-database';
import { median, stepFigures } from '../src/domain/process-figures';
import { createLogger } from '../src/logger';
import { stepDurations, waitingCases } from '../src/monitoring/process-view';

/**
 * The process view's two reads from the projection at scale: the median time per step (stepDurations + the pure
 * stepFigures) and the list of cases waiting at a step (waitingCases), over a scratch PostgreSQL database seeded
 * with BENCH_INSTANCES instances of one version, each with STEPS finished steps (two engine_events rows per step)
 * and one step still open. Prints p50/p95 per read and how many rows each returns.
 *   npm run bench:process-view   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/mops_flow_bench)
 */
const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mops_flow_bench';
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const STEPS = 10;
const STEP_IDS = Array.from({ length: STEPS }, (_, i) => `step-${i + 1}`);
const DEFINITION = 'bench-process:1:00000000-0000-4000-a000-000000000001';

async function main(): Promise<void> {
  await recreate(URL);
  const db = createPgDatabase(URL);
  await migrate(db, createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'production', LOG_FORMAT: 'json' }));
  const seeded = performance.now();
  await seed(db.query.bind(db));
  await db.query('VACUUM ANALYZE engine_events'); // what autovacuum does in a running centre
  const [{ n } = { n: '0' }] = await db.query<{ n: string }>('SELECT count(*) AS n FROM engine_events');
  console.log(
    `seeded ${INSTANCES} instances, ${n} engine_events rows in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );
  const [user] = await db.query<User>(
    `INSERT INTO users (login, display_name, roles, password_hash) VALUES ('bench-manager', 'Kierownik', '{managers}', 'x')
     RETURNING id, login, display_name AS "displayName", roles`,
  );
  const since = new Date(Date.now() - 90 * 24 * 3_600_000);
  console.log(`\n${RUNS} runs each`);
  console.log('read                                        p50 ms   p95 ms   rows');
  await time('median per step (stepDurations + stepFigures)', async () => {
    const durations = await stepDurations(db, DEFINITION, STEP_IDS, since);
    stepFigures({ elements: [], statistics: [], durations });
    return durations.length;
  });
  await time('cases waiting at one step (waitingCases)', async () => {
    const rows = await waitingCases(db, user!, { definitionId: DEFINITION, elementId: 'step-open-3' }, 'api');
    return rows.length;
  });
  await db.close();
}

async function time(label: string, run: () => Promise<number>): Promise<void> {
  await run(); // warm
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    rows = await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] ?? 0;
  console.log(
    `${label.padEnd(44)}${(median(times) ?? 0).toFixed(1).padStart(7)}${p95.toFixed(1).padStart(9)}${String(rows).padStart(7)}`,
  );
}

/** Set-based inserts: each instance finished STEPS steps (minutes to days) and waits at one of 5 open steps. */
async function seed(query: (sql: string, params?: unknown[]) => Promise<unknown>): Promise<void> {
  await query(
    `INSERT INTO engine_events (id, seq, type, at, process_instance_id, root_process_instance_id, process_definition_id,
       process_definition_key, element_id, element_type, activity_instance_id, canceled)
     SELECT 'ev-' || i || '-' || s || '-' || kind, (i * 100 + s) * 2 + (kind = 'e')::int,
            CASE kind WHEN 's' THEN 'activity-started' ELSE 'activity-ended' END,
            now() - interval '60 days' + (i % 1000) * interval '1 hour'
              + CASE kind WHEN 's' THEN interval '0' ELSE ((i * 7919 + s * 104729) % 5000) * interval '1 minute' END,
            'pi-' || i, 'pi-' || i, $1, 'bench-process', 'step-' || s, 'userTask', 'ai-' || i || '-' || s,
            CASE kind WHEN 'e' THEN false END
       FROM generate_series(1, $2::int) i, generate_series(1, $3::int) s, unnest(ARRAY['s', 'e']) kind`,
    [DEFINITION, INSTANCES, STEPS],
  );
  await query(
    `INSERT INTO engine_events (id, seq, type, at, process_instance_id, root_process_instance_id, process_definition_id,
       process_definition_key, element_id, element_type, activity_instance_id)
     SELECT 'open-' || i, i * 100 + 99, 'activity-started', now() - (i % 500) * interval '1 hour', 'pi-' || i, 'pi-' || i,
            $1, 'bench-process', 'step-open-' || (i % 5), 'userTask', 'open-ai-' || i
       FROM generate_series(1, $2::int) i`,
    [DEFINITION, INSTANCES],
  );
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
  process.exitCode = 1;
});
