import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logger';
import { stopChild } from './child-stop';
import { ensureHostJar } from './host-build';
import { renderHostConfig, type HostSettings } from './host-config';
import { prepareEngineSchema } from './host-database';
import { probeHost, type EngineEndpoint } from './host-probe';
import { findJava, type JavaSearch } from './java';
import { hostJvmFlags } from './jvm-flags';
import { logTail } from './log-tail';
import { createActivity } from './progress';

export interface EngineCredentials {
  user: string;
  password: string;
}

export interface EngineHostOptions {
  /** An engine someone else runs (ENGINE_REST_URL): nothing is built or launched. */
  externalRestUrl?: string;
  credentials: EngineCredentials;
  /** The engine data dir: `engine-host.yaml`, the H2 files, the secrets. */
  dataDir: string;
  settings: HostSettings;
  /** PostgreSQL of the engine (schema `camunda` is created before the start); none for H2. */
  databaseUrl?: string;
  /** Drop schema `camunda` before a fresh start (the test setup). */
  freshSchema?: boolean;
  cacheDir: string;
  heap: string;
  startTimeoutS: number;
  logFile: string;
  java: JavaSearch;
  /** The environment the host and Maven inherit (config.ts `inheritedEnvironment`). */
  environment: NodeJS.ProcessEnv;
  log: Logger;
}

export interface RunningEngineHost {
  /** `http://127.0.0.1:8080/engine-rest` */
  restUrl: string;
  credentials: EngineCredentials;
  /** True when this process started the host (and so stops it). */
  owned: boolean;
  logFile?: string;
  stop(): Promise<void>;
}

export const CONFIG_FILE = 'engine-host.yaml';

/**
 * The engine for this process: the external one, the local host already running on the port (reused as it is),
 * or a local host started now as a child process (built first if its sources changed).
 */
export async function startEngineHost(options: EngineHostOptions): Promise<RunningEngineHost> {
  const { log, credentials } = options;
  if (options.externalRestUrl) {
    const restUrl = options.externalRestUrl.replace(/\/+$/, '');
    log.info('Zewnętrzny silnik Camunda 7 / Operaton — nie uruchamiam lokalnego hosta', { restUrl });
    return { restUrl, credentials, owned: false, stop: () => Promise.resolve() };
  }
  const endpoint: EngineEndpoint = { restUrl: localRestUrl(options.settings.port), ...credentials };
  const existing = await probeHost(endpoint);
  if (existing.state === 'ready') {
    log.info('Używam hosta silnika, który już działa na porcie', {
      restUrl: endpoint.restUrl,
      version: existing.version,
    });
    return { restUrl: endpoint.restUrl, credentials, owned: false, stop: () => Promise.resolve() };
  }
  if (existing.state !== 'down') {
    throw new AppError({
      code: 'engine-start-failed',
      message:
        existing.state === 'unauthorized'
          ? `Na porcie ${options.settings.port} działa silnik, który nie przyjmuje naszych danych logowania (${existing.detail}). ` +
            'Zatrzymaj go albo ustaw ENGINE_USER / ENGINE_PASSWORD zgodne z nim, albo zmień ENGINE_PORT.'
          : `Port ${options.settings.port} jest zajęty przez coś, co nie jest hostem silnika (${existing.detail}). Zwolnij go albo zmień ENGINE_PORT.`,
    });
  }
  const child = await launch(options);
  try {
    await waitUntilReady(child, endpoint, options);
  } catch (error) {
    await stopChild(child, log);
    throw error;
  }
  return {
    restUrl: endpoint.restUrl,
    credentials,
    owned: true,
    logFile: options.logFile,
    stop: () => stopChild(child, log),
  };
}

export function localRestUrl(port: number): string {
  return `http://127.0.0.1:${port}/engine-rest`;
}

async function launch(options: EngineHostOptions): Promise<ChildProcess> {
  const { log } = options;
  const java = await findJava({ ...options.java, compiler: true });
  log.info('Java dla hosta silnika', { javaHome: java.javaHome, major: java.major });
  const jar = await ensureHostJar({
    cacheDir: options.cacheDir,
    javaHome: java.javaHome,
    path: options.java.path,
    environment: options.environment,
    log,
  });
  if (options.databaseUrl) await prepareEngineSchema(options.databaseUrl, { fresh: options.freshSchema });
  await mkdir(options.dataDir, { recursive: true });
  await mkdir(path.dirname(options.logFile), { recursive: true });
  const configFile = path.join(options.dataDir, CONFIG_FILE);
  await writeFile(configFile, renderHostConfig({ ...options.settings, appClockAt: Date.now() }), {
    mode: 0o600,
  });
  await chmod(configFile, 0o600);

  const out = createWriteStream(options.logFile, { flags: 'a' });
  const args = [
    ...hostJvmFlags(options.heap, java.major),
    '-jar',
    jar,
    `--spring.config.additional-location=file:${configFile}`,
  ];
  const child = spawn(java.javaBin, args, {
    cwd: options.dataDir,
    env: { ...withoutSpringSettings(options.environment), JAVA_HOME: java.javaHome },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  await writeFile(path.join(options.dataDir, 'engine-host.pid'), String(child.pid ?? ''));
  log.info('Uruchamiam host silnika Camunda 7', {
    pid: child.pid,
    port: options.settings.port,
    database: options.databaseUrl ? 'postgresql (schemat camunda)' : 'h2',
    logFile: options.logFile,
  });
  return child;
}

async function waitUntilReady(
  child: ChildProcess,
  endpoint: EngineEndpoint,
  options: EngineHostOptions,
): Promise<void> {
  const activity = createActivity('Start hosta silnika Camunda 7');
  const deadline = Date.now() + options.startTimeoutS * 1000;
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  let detail = '';
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      activity.finish('nieudany');
      throw new AppError({
        code: 'engine-start-failed',
        message: `Host silnika zakończył pracę podczas startu (kod ${String(exited)}). Ostatnie wiersze ${options.logFile}:\n${await logTail(options.logFile)}`,
      });
    }
    const health = await probeHost(endpoint);
    if (health.state === 'ready') {
      activity.finish(`gotowy (Camunda ${health.version ?? '?'}, ${endpoint.restUrl})`);
      return;
    }
    detail = health.detail;
    activity.note('czekam na REST API');
    await sleep(250);
  }
  activity.finish('za długo');
  throw new AppError({
    code: 'engine-start-failed',
    message: `Host silnika nie był gotowy po ${options.startTimeoutS} s (${detail}). Zobacz ${options.logFile}:\n${await logTail(options.logFile)}`,
  });
}

/** Spring reads SERVER_PORT, SPRING_*, CAMUNDA_* … from the environment over our file: the host gets none of them. */
function withoutSpringSettings(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(environment).filter(
      ([key]) => !/^(SERVER|SPRING|CAMUNDA|MOPS|MANAGEMENT|LOGGING)_/i.test(key),
    ),
  );
}
