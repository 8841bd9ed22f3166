import pg from 'pg';
import { startEngineHost } from '../../src/engine/engine-host';
import { engineHostOptions } from '../../src/engine/engine-host-options';
import { basicAuth, probeHost } from '../../src/engine/host-probe';
import { createLogger } from '../../src/logger';
import { TEST_DATABASE_URL, testConfig } from './test-config';

/**
 * Starts (or reuses) the test engine host once per run and gives the tests an empty case-file database. A host
 * started here begins with an empty schema `camunda`; a running one is reused as it is (it must have the test clock).
 */
export default async function globalSetup(): Promise<void> {
  const config = testConfig();
  const log = createLogger({ ...config, LOG_LEVEL: 'info' });
  await resetDatabase(TEST_DATABASE_URL);
  const options = await engineHostOptions(config, log);
  const endpoint = { restUrl: `http://127.0.0.1:${config.ENGINE_PORT}/engine-rest`, ...options.credentials };
  const running = (await probeHost(endpoint)).state === 'ready';
  if (running) await assertTestClock(endpoint);
  const host = await startEngineHost({ ...options, freshSchema: !running });
  (globalThis as { __testEngine?: typeof host }).__testEngine = host;
}

async function assertTestClock(endpoint: { restUrl: string; user: string; password: string }): Promise<void> {
  const info = await fetch(endpoint.restUrl.replace(/\/engine-rest$/, '/mops/info'), {
    headers: { authorization: basicAuth(endpoint.user, endpoint.password) },
  });
  const body = (await info.json()) as { testClock?: boolean };
  if (!body.testClock) {
    throw new Error(
      `Host silnika na ${endpoint.restUrl} działa bez zegara testowego; zatrzymaj go przed testami.`,
    );
  }
}

/** Creates the test database if needed and empties it; refuses any database whose name lacks "test". */
async function resetDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.replace(/^\//, '');
  if (!/test/i.test(name)) throw new Error(`Testy czyszczą bazę; nazwa "${name}" musi zawierać "test".`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const adminClient = new pg.Client({ connectionString: admin.toString() });
  await adminClient.connect();
  const exists = await adminClient.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await adminClient.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  await adminClient.end();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await client.end();
}
