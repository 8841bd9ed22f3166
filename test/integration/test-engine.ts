import type { EngineCredentials } from '../../src/engine/engine-host';
import { engineHostOptions } from '../../src/engine/engine-host-options';
import { localRestUrl } from '../../src/engine/engine-host';
import { createLogger } from '../../src/logger';
import { testConfig } from './test-config';

/** The test engine host the global setup started (or reused): its REST URL and credentials. */
export async function testEngineEndpoint(): Promise<{ restUrl: string } & EngineCredentials> {
  const config = testConfig();
  const options = await engineHostOptions(config, createLogger(config));
  return { restUrl: localRestUrl(config.ENGINE_PORT), ...options.credentials };
}
