import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logger';
import { ensureDistribution } from './distribution';
import { javaOptions, renderEngineConfig, type EngineSettings } from './engine-settings';
import { ensureExporterJar } from './exporter-jar';
import { findJava, type JavaSearch } from './java';
import { jvmFlagsFor } from './java-version';
import { createProgress } from './progress';
import { probeEngine, type EngineProbe } from './readiness';

export interface LocalEngineOptions {
  settings: EngineSettings;
  cacheDir: string;
  version: string;
  repositoryUrl: string;
  heap: string;
  startTimeoutS: number;
  logFile: string;
  log: Logger;
  /** Builds the exporter settings once Java and the distribution are known (the jar needs both). */
  exporter?: { url: string; token: string };
  /** Where Java is looked for (config JAVA_HOME and PATH). */
  java: JavaSearch;
  /** The environment the engine process inherits (config.ts `inheritedEnvironment`). */
  environment: NodeJS.ProcessEnv;
}

export interface RunningEngine {
  restAddress: string;
  grpcAddress: string;
  probe: EngineProbe;
  /** True when this process started the engine (and so stops it); false when an engine was already running. */
  owned: boolean;
  logFile?: string;
  stop(): Promise<void>;
}

export function engineProbe(settings: Pick<EngineSettings, 'managementPort' | 'restPort'>): EngineProbe {
  return {
    managementUrl: `http://127.0.0.1:${settings.managementPort}`,
    restUrl: `http://127.0.0.1:${settings.restPort}`,
  };
}

/** Starts (or reuses) a single-node Camunda engine from the official distribution as a child process. */
export async function startLocalEngine(options: LocalEngineOptions): Promise<RunningEngine> {
  const { settings, log } = options;
  const probe = engineProbe(settings);
  const addresses = {
    restAddress: probe.restUrl,
    grpcAddress: `grpc://127.0.0.1:${settings.grpcPort}`,
    probe,
  };
  const existing = await probeEngine(probe);
  if (existing.ready) {
    log.info('Używam silnika, który już działa na skonfigurowanych portach', {
      rest: probe.restUrl,
      version: existing.version,
    });
    return { ...addresses, owned: false, stop: () => Promise.resolve() };
  }
  await assertPortsFree(settings);

  const java = await findJava(options.java);
  log.info('Java dla silnika', { javaHome: java.javaHome, major: java.major });
  const home = await ensureDistribution({
    cacheDir: options.cacheDir,
    version: options.version,
    repositoryUrl: options.repositoryUrl,
    log,
  });
  const exporter = options.exporter
    ? {
        ...options.exporter,
        jarPath: await ensureExporterJar({
          javaHome: java.javaHome,
          distributionHome: home,
          cacheDir: options.cacheDir,
        }),
      }
    : undefined;
  await mkdir(settings.dataDir, { recursive: true });
  await mkdir(path.dirname(options.logFile), { recursive: true });
  const configFile = path.join(settings.dataDir, 'application.yaml');
  await writeFile(configFile, renderEngineConfig({ ...settings, exporter }));

  const out = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(path.join(home, 'bin', 'broker'), [], {
    cwd: settings.dataDir,
    env: {
      ...options.environment,
      JAVA_HOME: java.javaHome,
      JAVA_OPTS: javaOptions(options.heap, jvmFlagsFor(java.major)),
      SPRING_CONFIG_ADDITIONAL_LOCATION: `file:${configFile}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  await writeFile(path.join(settings.dataDir, 'engine.pid'), String(child.pid ?? ''));
  log.info('Uruchamiam silnik Camunda', {
    version: options.version,
    pid: child.pid,
    logFile: options.logFile,
  });

  try {
    await waitUntilReady(child, probe, options.startTimeoutS, options.logFile);
  } catch (error) {
    await stopChild(child, log);
    throw error;
  }
  return { ...addresses, owned: true, logFile: options.logFile, stop: () => stopChild(child, log) };
}

async function waitUntilReady(
  child: ChildProcess,
  probe: EngineProbe,
  timeoutS: number,
  logFile: string,
): Promise<void> {
  const progress = createProgress('Start silnika Camunda');
  const deadline = Date.now() + timeoutS * 1000;
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  let detail = '';
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      throw new AppError({
        code: 'engine-start-failed',
        message: `Silnik zakończył pracę podczas startu (kod ${String(exited)}). Ostatnie wiersze ${logFile}:\n${await tail(logFile)}`,
      });
    }
    const health = await probeEngine(probe);
    if (health.ready) {
      progress.finish(`gotowy (${health.version ?? '?'})`);
      return;
    }
    detail = health.detail;
    progress.update(0);
    await sleep(500);
  }
  throw new AppError({
    code: 'engine-start-failed',
    message: `Silnik nie był gotowy po ${timeoutS} s (${detail}). Zobacz ${logFile}:\n${await tail(logFile)}`,
  });
}

async function stopChild(child: ChildProcess, log: Logger): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = new AbortController();
  const graceful = await Promise.race([
    exited.then(() => true),
    sleep(30_000, undefined, { signal: timer.signal }).then(
      () => false,
      () => true,
    ),
  ]);
  timer.abort();
  if (!graceful) {
    log.warn('Silnik nie zatrzymał się w 30 s, wymuszam SIGKILL', { pid: child.pid });
    child.kill('SIGKILL');
    await exited;
  }
  log.info('Silnik zatrzymany', { pid: child.pid });
}

async function assertPortsFree(settings: EngineSettings): Promise<void> {
  const ports = [
    settings.grpcPort,
    settings.restPort,
    settings.managementPort,
    settings.commandPort,
    settings.internalPort,
  ];
  for (const port of ports) {
    if (!(await isPortFree(port))) {
      throw new AppError({
        code: 'engine-start-failed',
        message: `Port ${port} na 127.0.0.1 jest zajęty, a nie odpowiada na nim gotowy silnik Camunda. Zwolnij go albo zmień ENGINE_*_PORT.`,
      });
    }
  }
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function tail(file: string, lines = 15): Promise<string> {
  if (!existsSync(file)) return '(brak logu)';
  const text = await readFile(file, 'utf8');
  return text.split('\n').slice(-lines).join('\n');
}
