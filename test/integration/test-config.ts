import path from 'node:path';
import { loadConfig, type Config } from '../../src/config';

/**
 * The integration tests' settings: their own engine ports and data dir (so a running `npm start` is left alone),
 * the PostgreSQL of DATABASE_URL (CI) or the machine's local server, a controlled engine clock.
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
    ENGINE_GRPC_PORT: port(26600),
    ENGINE_REST_PORT: port(8180),
    ENGINE_MANAGEMENT_PORT: port(9700),
    ENGINE_COMMAND_PORT: port(26601),
    ENGINE_INTERNAL_PORT: port(26602),
    ENGINE_CLOCK_CONTROLLED: 'true',
    ENGINE_HEAP: '768m',
    ...overrides,
  });
}
