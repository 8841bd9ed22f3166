import path from 'node:path';
import { engineDir, inheritedEnvironment, publicUrl, type Config } from '../config';
import type { Logger } from '../logger';
import { exporterToken } from './exporter-token';
import type { LocalEngineOptions } from './local-engine';
import { CAMUNDA_VERSION } from './version';

/** The local engine's options from the config: used by `npm start`, `npm run engine` and the test setup alike. */
export async function localEngineOptions(config: Config, log: Logger): Promise<LocalEngineOptions> {
  return {
    settings: {
      dataDir: engineDir(config),
      grpcPort: config.ENGINE_GRPC_PORT,
      restPort: config.ENGINE_REST_PORT,
      managementPort: config.ENGINE_MANAGEMENT_PORT,
      commandPort: config.ENGINE_COMMAND_PORT,
      internalPort: config.ENGINE_INTERNAL_PORT,
      clockControlled: config.ENGINE_CLOCK_CONTROLLED,
    },
    cacheDir: config.ENGINE_CACHE_DIR,
    version: CAMUNDA_VERSION,
    repositoryUrl: config.MAVEN_REPOSITORY_URL,
    heap: config.ENGINE_HEAP,
    startTimeoutS: config.ENGINE_START_TIMEOUT_S,
    logFile: path.join(config.DATA_DIR, 'logs', 'engine.log'),
    log,
    java: { javaHome: config.JAVA_HOME, path: config.PATH },
    environment: inheritedEnvironment(),
    exporter: {
      url: `${publicUrl(config)}/internal/engine-records`,
      token: await exporterToken(config.ENGINE_EXPORTER_TOKEN, engineDir(config)),
    },
  };
}
