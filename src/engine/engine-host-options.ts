import path from 'node:path';
import { engineDir, inheritedEnvironment, isExternalEngine, publicUrl, type Config } from '../config';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logger';
import type { EngineHostOptions } from './engine-host';
import { engineSecret, FEED_TOKEN_FILE, PASSWORD_FILE } from './engine-secrets';
import { hostDatasource } from './host-database';

/** The engine host's options from the config: the same for `npm start`, `npm run engine` and the test setup. */
export async function engineHostOptions(config: Config, log: Logger): Promise<EngineHostOptions> {
  const dataDir = engineDir(config);
  const external = isExternalEngine(config);
  if (external && !config.ENGINE_REST_URL) {
    throw new AppError({
      code: 'validation',
      field: 'ENGINE_REST_URL',
      message:
        'ENGINE_MODE=external wymaga ENGINE_REST_URL (adres REST API silnika, np. https://…/engine-rest).',
    });
  }
  const password = external
    ? (config.ENGINE_PASSWORD ?? '')
    : await engineSecret(config.ENGINE_PASSWORD, dataDir, PASSWORD_FILE);
  const credentials = { user: config.ENGINE_USER, password };
  return {
    externalRestUrl: external ? config.ENGINE_REST_URL : undefined,
    credentials,
    dataDir,
    databaseUrl: config.DATABASE_URL,
    settings: {
      port: config.ENGINE_PORT,
      datasource: hostDatasource(config.DATABASE_URL, dataDir),
      ...credentials,
      webapps: config.ENGINE_WEBAPPS,
      historyTtl: config.ENGINE_HISTORY_TTL,
      feed: { url: engineFeedUrl(config), token: await engineFeedToken(config) },
      testClock: config.ENGINE_CLOCK_CONTROLLED,
    },
    cacheDir: config.ENGINE_CACHE_DIR,
    heap: config.ENGINE_HEAP,
    startTimeoutS: config.ENGINE_START_TIMEOUT_S,
    logFile: path.join(config.DATA_DIR, 'logs', 'engine.log'),
    java: { javaHome: config.JAVA_HOME, path: config.PATH },
    environment: inheritedEnvironment(),
    log,
  };
}

/** The shared secret the host sends with every event batch (and the app's feed route expects). */
export function engineFeedToken(config: Config): Promise<string> {
  return engineSecret(config.ENGINE_FEED_TOKEN, engineDir(config), FEED_TOKEN_FILE);
}

/** Where the host POSTs event batches: the app's own address, loopback when the app listens on every interface. */
export function engineFeedUrl(config: Config): string {
  const base = config.PUBLIC_URL ?? publicUrl({ ...config, HOST: loopbackFor(config.HOST) });
  return `${base.replace(/\/+$/, '')}/internal/engine-events`;
}

function loopbackFor(host: string): string {
  return host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
}
