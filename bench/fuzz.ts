import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ROLE_IDS } from '../src/auth/roles';
import globalSetup from '../test/integration/global-setup';
import globalTeardown from '../test/integration/global-teardown';
import { TestClient } from '../test/integration/http-client';
import { TEST_DATABASE_URL } from '../test/integration/test-config';
import { loginAs, startTestRuntime } from '../test/integration/test-runtime';
import { operationsOf } from './fuzz-requests';
import { runFuzz, summarize } from './fuzz-run';

/**
 * `npm run fuzz`: the generated-request run of test/integration/api-fuzz.test.ts in a bigger batch (issue 13,
 * "Bad input"). Starts (or reuses) the test engine host and the app on a scratch PostgreSQL database — its name
 * must contain "test", it is EMPTIED first (DATABASE_URL, default mops_flow_test; MOPS_TEST_PORT_OFFSET shifts the
 * ports) — logs in as a person with every role and sends FUZZ_PER_OPERATION (default 60) bad requests to every
 * operation of /api/docs/openapi.json. Writes bench/results/fuzz-<date>.json (route, method, requests, statuses,
 * failures) and a Markdown table next to it; exits 1 when a request failed a check. FUZZ_SEED repeats a run.
 */
const PER_OPERATION = Number(process.env.FUZZ_PER_OPERATION ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);

async function main(): Promise<void> {
  await globalSetup();
  const { runtime } = await startTestRuntime({ workers: false });
  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
  const started = Date.now();
  try {
    const client = await loginAs(runtime, 'fuzz', [...ROLE_IDS]);
    const operations = operationsOf((await client.request('GET', '/api/docs/openapi.json')).body);
    console.log(`fuzz: seed ${SEED}, ${operations.length} operations × ${PER_OPERATION} requests`);
    const results = await runFuzz({
      baseUrl: runtime.url,
      client,
      anonymous: new TestClient(runtime.url),
      query: (sql) => pool.query(sql),
      operations,
      perOperation: PER_OPERATION,
      seed: SEED,
      onOperation: (r) =>
        console.log(`  ${r.method} ${r.route}: ${r.requests} requests, ${r.failures.length} failures`),
    });
    const seconds = (Date.now() - started) / 1000;
    const summary = summarize(results);
    const date = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
    const dir = path.join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const machine = {
      cores: os.cpus().length,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    };
    writeFileSync(
      path.join(dir, `fuzz-${date}.json`),
      `${JSON.stringify({ seed: SEED, perOperation: PER_OPERATION, seconds, machine, requests: summary.requests, failures: summary.failures, results }, null, 2)}\n`,
    );
    const markdown = [
      `# Generated bad input — ${date}`,
      '',
      `Seed ${SEED}, ${summary.requests} requests to ${results.length} operations in ${seconds.toFixed(1)} s ` +
        `(${machine.cores} cores, ${machine.memoryGb} GB). Failed checks: ${summary.failures}.`,
      '',
      summary.markdown,
      '',
    ].join('\n');
    writeFileSync(path.join(dir, `fuzz-${date}.md`), markdown);
    console.log(markdown);
    for (const r of results)
      for (const f of r.failures.slice(0, 5))
        console.log(`FAIL ${r.method} ${r.route} → ${f.status} ${f.kind}: ${f.note} ${f.detail}`);
    process.exitCode = summary.failures > 0 ? 1 : 0;
  } finally {
    await pool.end();
    await runtime.stop();
    await globalTeardown();
  }
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
