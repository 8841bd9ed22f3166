import path from 'node:path';
import pg from 'pg';
import { createUserIfMissing } from '../../src/auth/users';
import { deployResources } from '../../src/engine/deploy';
import { createLogger, type Logger } from '../../src/logger';
import { startRuntime, type Runtime } from '../../src/runtime';
import { TestClient } from './http-client';
import { TestClock } from './test-clock';
import { TEST_DATABASE_URL, testConfig } from './test-config';

/**
 * The app on the test engine and database; optionally with the test fixtures (test/integration/fixtures) deployed.
 * `clock` is the app's clock, moved together with the engine's (test-clock.ts).
 */
export async function startTestRuntime(
  options: { workers?: boolean; fixtures?: boolean; databaseUrl?: string } = {},
): Promise<{ runtime: Runtime; log: Logger; clock: TestClock }> {
  const config = testConfig({
    WORKERS_ENABLED: options.workers === false ? 'false' : 'true',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  const log = createLogger(config);
  const clock = new TestClock();
  const runtime = await startRuntime(config, log, () => undefined, { now: clock.now });
  clock.attach(runtime);
  if (options.fixtures) {
    await deployResources({
      engine: runtime.engine,
      db: runtime.db,
      log,
      dir: path.join(__dirname, 'fixtures'),
    });
  }
  return { runtime, log, clock };
}

/**
 * A case-file database of a file's own (`<test database>_<suffix>`), created empty: for a file whose figures count
 * the whole case file (the other files of the suite leave their cases in the shared one). The engine stays shared.
 */
export async function freshTestDatabase(suffix: string): Promise<string> {
  const url = new URL(TEST_DATABASE_URL);
  const name = `${url.pathname.slice(1)}_${suffix}`;
  const admin = new URL(TEST_DATABASE_URL);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}"`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

/** A person with the given roles (created if missing), logged in through the API. */
export async function loginAs(runtime: Runtime, login: string, roles: string[]): Promise<TestClient> {
  const password = `haslo-${login}-testowe`;
  await createUserIfMissing(runtime.db, {
    login,
    password,
    displayName: login,
    position: 'Specjalista',
    site: '',
    roles: roles as never,
  });
  const client = new TestClient(runtime.url);
  await client.login(login, password);
  return client;
}
