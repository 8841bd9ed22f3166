import pg from 'pg';
import { ROLE_IDS } from '../../src/auth/roles';
import type { Runtime } from '../../src/runtime';
import { operationsOf } from '../../bench/fuzz-requests';
import { runFuzz, summarize, type OperationResult } from '../../bench/fuzz-run';
import { TestClient } from './http-client';
import { TEST_DATABASE_URL } from './test-config';
import { loginAs, startTestRuntime } from './test-runtime';

/**
 * Generated bad requests against every operation of the OpenAPI document (issue 13, "Bad input"), on the real
 * engine and PostgreSQL, as a person holding every role: no 5xx, a 400 names the field, a refused request writes
 * nothing. The seed is fixed (FUZZ_SEED overrides it) so a failure reproduces; `npm run fuzz` runs a bigger batch.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261208);
const PER_OPERATION = 8;

describe('generated bad input against the JSON API', () => {
  let runtime: Runtime;
  let pool: pg.Pool;
  let results: OperationResult[];
  let operationCount: number;

  beforeAll(async () => {
    ({ runtime } = await startTestRuntime({ workers: false }));
    pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
    const client = await loginAs(runtime, 'it-fuzz', [...ROLE_IDS]);
    const doc = await client.request('GET', '/api/docs/openapi.json');
    const operations = operationsOf(doc.body);
    operationCount = operations.length;
    console.log(`api-fuzz: seed ${SEED}, ${operations.length} operations × ${PER_OPERATION} requests`);
    results = await runFuzz({
      baseUrl: runtime.url,
      client,
      anonymous: new TestClient(runtime.url),
      query: (sql) => pool.query(sql),
      operations,
      perOperation: PER_OPERATION,
      seed: SEED,
    });
    console.log(summarize(results).markdown);
  }, 300_000);

  afterAll(async () => {
    await pool.end();
    await runtime.stop();
  });

  it('covers every operation of the document', () => {
    expect(operationCount).toBeGreaterThanOrEqual(30);
    expect(results.length).toBe(operationCount);
    expect(summarize(results).requests).toBe(operationCount * PER_OPERATION);
  });

  it('never answers 5xx, names the field on every 400, answers every 4xx in the error shape, writes nothing when it refuses', () => {
    const failures = results.flatMap((r) =>
      r.failures.map(
        (f) => `${r.method} ${r.route} → ${f.status} ${f.kind}: ${f.note} (${f.url}) ${f.detail}`,
      ),
    );
    expect(failures).toEqual([]);
  });
});
