import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { startEngineHost } from './engine-host';
import { engineHostOptions } from './engine-host-options';
import type { EnginePort } from './port';
import { createRestEngine } from './rest-engine';

/**
 * For the command-line tools: the engine of the configuration — an external one (`ENGINE_REST_URL`), the local host
 * if it already runs (left running), or the local host started for the call and stopped after it.
 */
export async function withEngine<T>(run: (engine: EnginePort) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = createLogger(config).child({ component: 'engine' });
  const host = await startEngineHost(await engineHostOptions(config, log));
  try {
    return await run(createRestEngine({ restUrl: host.restUrl, ...host.credentials, log }));
  } finally {
    if (host.owned) await host.stop();
  }
}
