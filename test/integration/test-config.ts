import path from 'node:path';
import { loadConfig, type Config } from '../../src/config';

/**
 * The integration tests' settings: their own engine port and data dir (so a running `npm start` is left alone),
 * the PostgreSQL of DATABASE_URL (CI) or the machine's local server (the engine in its schema `camunda`), the
 * engine host's test clock on.
 */
export const TEST_DATABASE_URL =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mops_flow_test';

/** MOPS_TEST_PORT_OFFSET shifts every test port, so two test runs (or a run and `npm start`) can share a machine. */
const offset = Number(process.env.MOPS_TEST_PORT_OFFSET ?? 0);
const port = (base: number) => String(base + offset);

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DATA_DIR: path.resolve('data', offset === 0 ? 'test' : `test-${offset}`),
    DATABASE_URL: TEST_DATABASE_URL,
    PORT: port(3100),
    ENGINE_MODE: 'local',
    ENGINE_REST_URL: '',
    ENGINE_PORT: port(8180),
    ENGINE_CLOCK_CONTROLLED: 'true',
    // runtimes start and stop often in tests, and a stopped worker's parked poll keeps taking tasks until it ends
    WORKERS_LONG_POLL_MS: '1000',
    ...overrides,
  });
}
