import { rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { engineProbe, startLocalEngine } from '../../src/engine/local-engine';
import { probeEngine } from '../../src/engine/readiness';
import { localEngineOptions } from '../../src/engine/local-engine-options';
import { createLogger } from '../../src/logger';
import { TEST_DATABASE_URL, testConfig } from './test-config';

/** Starts (or reuses) the test engine once per run and gives the tests an empty database. */
export default async function globalSetup(): Promise<void> {
  const config = testConfig();
  const log = createLogger({ ...config, LOG_LEVEL: 'info' });
  await resetDatabase(TEST_DATABASE_URL);
  const options = await localEngineOptions(config, log);
  // the database starts empty, so a newly started engine starts empty too (a running one is reused as it is)
  if (!(await probeEngine(engineProbe(options.settings))).ready) {
    await rm(path.join(options.settings.dataDir, 'zeebe'), { recursive: true, force: true });
  }
  const engine = await startLocalEngine(options);
  (globalThis as { __testEngine?: typeof engine }).__testEngine = engine;
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
