import type { Server } from 'node:http';
import { ensureDemoUsers } from './auth/demo-users';
import { createUserIfMissing } from './auth/users';
import { startDemoSeeding } from './demo/demo-seed';
import type { Config } from './config';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open-database';
import {
  createEngineCommands,
  startCommandDispatcher,
  type EngineCommands,
} from './engine-commands/commands';
import { systemClock, type Clock } from './domain/clock';
import { deployResources } from './engine/deploy';
import { startEngineHost, type RunningEngineHost } from './engine/engine-host';
import { engineFeedToken, engineHostOptions } from './engine/engine-host-options';
import type { EnginePort } from './engine/port';
import { createRestEngine } from './engine/rest-engine';
import { createEngineTestClock, type EngineTestClock } from './engine/test-clock';
import type { Logger } from './logger';
import { startOutboxDispatcher } from './notifications/dispatcher';
import { logChannel } from './notifications/outbox';
import { createMetrics } from './metrics/metrics';
import { BPMN_DIR } from './paths';
import { createApp } from './web/app';
import { createWorkerDefinitions } from '../workers';
import { deploymentContract } from '../workers/deployment-contract';
import { runWorkers, type RunningWorkers } from '../workers/run-workers';

export interface Runtime {
  url: string;
  db: Database;
  engine: EnginePort;
  /** Engine commands that follow case-file writes (outbox), sent at once and by the dispatcher. */
  commands: EngineCommands;
  engineHost: RunningEngineHost;
  /** The engine host's test clock, only with ENGINE_CLOCK_CONTROLLED (tests). */
  clock?: EngineTestClock;
  stop(): Promise<void>;
}

/**
 * The composition root's body: engine host (local unless external) → database + migrations → deploy → workers,
 * command dispatcher → HTTP (which also receives the host's event feed). Used by `npm start` and by the
 * integration tests, so both run the same wiring.
 * `now` is the app's clock (workers and web): the system clock, or in tests one that follows the engine's
 * controlled clock.
 */
export async function startRuntime(
  config: Config,
  log: Logger,
  print: (line: string) => void = console.log,
  options: { now?: Clock; demoData?: boolean } = {},
): Promise<Runtime> {
  const now = options.now ?? systemClock;
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => log.error('Błąd podczas zatrzymywania', { error }));
    }
  };
  try {
    const engineLog = log.child({ component: 'engine' });
    const engineHost = await startEngineHost(await engineHostOptions(config, engineLog));
    cleanups.push(() => engineHost.stop());
    const engine = createRestEngine({
      restUrl: engineHost.restUrl,
      ...engineHost.credentials,
      log: engineLog,
    });
    const clock = config.ENGINE_CLOCK_CONTROLLED
      ? createEngineTestClock({ restUrl: engineHost.restUrl, ...engineHost.credentials })
      : undefined;

    const db = await openDatabase(config);
    cleanups.push(() => db.close());
    await migrate(db, log);
    await deployResources({ engine, db, log, dir: BPMN_DIR, contract: deploymentContract() });

    const metrics = createMetrics({ db, now });
    let workers: RunningWorkers | undefined;
    if (config.WORKERS_ENABLED) {
      workers = runWorkers(
        engine,
        createWorkerDefinitions({ db, caseNumberPattern: config.CASE_NUMBER_PATTERN, now }),
        log,
        { asyncResponseTimeoutMs: config.WORKERS_LONG_POLL_MS, onTaskDone: metrics.taskDone },
      );
      const running = workers;
      cleanups.push(() => running.stop());
    }
    const outbox = startOutboxDispatcher(db, logChannel(log.child({ component: 'outbox' })), log);
    cleanups.push(() => outbox.stop());
    const commands = createEngineCommands({ db, engine, log: log.child({ component: 'engine-commands' }) });
    const dispatcher = startCommandDispatcher(commands, log);
    cleanups.push(() => dispatcher.stop());
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
      commands,
      log,
      feedToken: await engineFeedToken(config),
      now,
      workers: () => ({ running: workers?.running() ?? false, types: workers?.types ?? [] }),
      metrics,
    });
    const server = await listen(app, config.PORT, config.HOST, log);
    cleanups.push(() => closeServer(server));
    // demo cases on the first start in development (never production or test), in the background: the app answers
    // meanwhile (src/demo/); they need the workers to move through the process
    if (options.demoData !== false && config.NODE_ENV === 'development' && config.WORKERS_ENABLED) {
      const seeding = startDemoSeeding(
        { db, engine, commands, now, log: log.child({ component: 'demo' }) },
        print,
      );
      cleanups.push(() => seeding.stop());
    }
    const url = `http://${config.HOST}:${config.PORT}`;
    return { url, db, engine, commands, engineHost, clock, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Listens, or fails: Express 5 calls the listen callback with the error too (EADDRINUSE), so a port taken by another
 * app must not pass for our own — the caller would talk to the other one. A port still held by an app that is
 * stopping is tried again for a few seconds before the error stands.
 */
async function listen(
  app: ReturnType<typeof createApp>,
  port: number,
  host: string,
  log: Logger,
): Promise<Server> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await new Promise<Server>((resolve, reject) => {
        const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
      });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EADDRINUSE' || attempt >= 20) throw error;
      if (attempt === 1) log.warn('Port aplikacji zajęty — czekam, aż się zwolni', { host, port });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 5000).unref();
  });
}
