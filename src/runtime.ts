import type { Server } from 'node:http';
import type { Camunda8 } from '@camunda8/sdk';
import { ensureDemoUsers } from './auth/demo-users';
import { createUserIfMissing } from './auth/users';
import { engineDir, isExternalEngine, type Config } from './config';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open-database';
import { systemClock, type Clock } from './domain/clock';
import { createEngineClient } from './engine/client';
import { deployResources } from './engine/deploy';
import { exporterToken } from './engine/exporter-token';
import { startLocalEngine, type RunningEngine } from './engine/local-engine';
import { localEngineOptions } from './engine/local-engine-options';
import type { Logger } from './logger';
import { startOutboxDispatcher } from './notifications/dispatcher';
import { logChannel } from './notifications/outbox';
import { BPMN_DIR } from './paths';
import { createApp } from './web/app';
import { createWorkerDefinitions } from '../workers';
import { runWorkers, type RunningWorkers } from '../workers/run-workers';

export interface Runtime {
  url: string;
  db: Database;
  engine: Camunda8;
  localEngine?: RunningEngine;
  stop(): Promise<void>;
}

/**
 * The composition root's body: engine (local unless external) → database + migrations → deploy → workers → HTTP.
 * Used by `npm start` and by the integration tests, so both run the same wiring. `now` is the app's clock (workers
 * and web): the system clock, or in tests one that follows the engine's controlled clock.
 */
export async function startRuntime(
  config: Config,
  log: Logger,
  print: (line: string) => void = console.log,
  options: { now?: Clock } = {},
): Promise<Runtime> {
  const now = options.now ?? systemClock;
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => log.error('Błąd podczas zatrzymywania', { error }));
    }
  };
  try {
    const token = await exporterToken(config.ENGINE_EXPORTER_TOKEN, engineDir(config));
    let localEngine: RunningEngine | undefined;
    if (!isExternalEngine(config)) {
      localEngine = await startLocalEngine(
        await localEngineOptions(config, log.child({ component: 'engine' })),
      );
      const owned = localEngine;
      cleanups.push(() => owned.stop());
    } else {
      log.info('Zewnętrzny klaster Camunda — nie uruchamiam lokalnego silnika', {
        rest: config.ZEEBE_REST_ADDRESS,
      });
    }
    const engine = createEngineClient(localEngine);
    cleanups.push(() => engine.closeAllClients());

    const db = await openDatabase(config);
    cleanups.push(() => db.close());
    await migrate(db, log);
    await deployResources({ engine, db, log, dir: BPMN_DIR });

    let workers: RunningWorkers | undefined;
    if (config.WORKERS_ENABLED) {
      workers = runWorkers(
        engine,
        createWorkerDefinitions({ db, caseNumberPattern: config.CASE_NUMBER_PATTERN, now }),
        log,
      );
      const running = workers;
      cleanups.push(() => running.stop());
    }
    const outbox = startOutboxDispatcher(db, logChannel(log.child({ component: 'outbox' })), log);
    cleanups.push(() => outbox.stop());
    if (config.NODE_ENV === 'development') await ensureDemoUsers(db, log, print);
    if (config.BOOTSTRAP_ADMIN_LOGIN && config.BOOTSTRAP_ADMIN_PASSWORD) {
      const created = await createUserIfMissing(db, {
        login: config.BOOTSTRAP_ADMIN_LOGIN,
        displayName: 'Administrator',
        position: 'Administrator systemu',
        site: '',
        roles: ['admins'],
        password: config.BOOTSTRAP_ADMIN_PASSWORD,
      });
      if (created) log.info('Utworzono konto administratora', { login: config.BOOTSTRAP_ADMIN_LOGIN });
    }

    const app = createApp({
      config,
      db,
      engine,
      log,
      now,
      engineProbe: localEngine?.probe,
      exporterToken: token,
      workers: () => ({ running: workers?.running() ?? false, types: workers?.types ?? [] }),
    });
    const server = await listen(app, config.PORT, config.HOST);
    cleanups.push(() => closeServer(server));
    const url = `http://${config.HOST}:${config.PORT}`;
    return { url, db, engine, localEngine, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, () => resolve(server));
    server.once('error', reject);
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 5000).unref();
  });
}
