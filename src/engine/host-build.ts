import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logger';
import { findMaven } from './find-maven';
import { markUsed, pruneOldBuilds } from './host-cache-prune';
import { HOST_SOURCE_DIR, hostSourceHash } from './host-source';
import { logTail } from './log-tail';
import { createActivity } from './progress';

export const HOST_JAR = 'mops-engine-host.jar';

export interface HostBuildOptions {
  cacheDir: string;
  /** A JDK 17–25 (Maven compiles with it). */
  javaHome: string;
  /** Where `mvn` is looked for (the configured PATH). */
  path: string;
  environment: NodeJS.ProcessEnv;
  log: Logger;
  sourceDir?: string;
}

/** Where the jar of a given source hash lives: `<cache>/engine-host/<hash>/mops-engine-host.jar`. */
export function cachedJarPath(cacheDir: string, hash: string): string {
  return path.join(cacheDir, 'engine-host', hash, HOST_JAR);
}

/**
 * The engine host for the current sources, ready to run: the Spring Boot jar from the cache, or built once with
 * Maven (into the cache, not the source tree), then extracted next to it (`app/`: the jar plus `lib/`), which
 * starts with about 40 % less CPU than the nested fat jar. Answers the extracted jar. Two processes preparing at
 * once both succeed; the last rename wins with identical files.
 */
export async function ensureHostJar(options: HostBuildOptions): Promise<string> {
  const sourceDir = options.sourceDir ?? HOST_SOURCE_DIR;
  const hash = await hostSourceHash(sourceDir);
  const jar = cachedJarPath(options.cacheDir, hash);
  const dir = path.dirname(jar);
  const runnable = path.join(dir, 'app', HOST_JAR);
  if (!existsSync(runnable)) {
    if (!existsSync(jar)) await build(jar, hash, sourceDir, options);
    await extract(jar, path.join(dir, 'app'), options);
    const removed = await pruneOldBuilds(path.dirname(dir), hash);
    if (removed.length > 0) options.log.info('Usunięto stare zbudowane wersje hosta silnika', { removed });
  }
  await markUsed(dir);
  return runnable;
}

async function build(jar: string, hash: string, sourceDir: string, options: HostBuildOptions): Promise<void> {
  const mvn = findMaven(options.path);
  const dir = path.dirname(jar);
  const buildDir = path.join(dir, `build-${process.pid}`);
  const buildLog = path.join(dir, 'build.log');
  await mkdir(dir, { recursive: true });
  options.log.info('Buduję host silnika Camunda 7 (jednorazowo dla tej wersji źródeł)', {
    hash,
    buildLog,
  });
  const code = await runMaven(mvn, sourceDir, buildDir, buildLog, options);
  if (code !== 0) {
    await rm(buildDir, { recursive: true, force: true });
    throw new AppError({
      code: 'distribution-unavailable',
      message: `Budowa hosta silnika (mvn package) nie powiodła się (kod ${code}). Ostatnie wiersze ${buildLog}:\n${await logTail(buildLog, 25)}`,
    });
  }
  const partial = `${jar}.${process.pid}.partial`;
  await copyFile(path.join(buildDir, HOST_JAR), partial);
  await rename(partial, jar);
  await writeFile(path.join(dir, 'source-hash'), `${hash}\n`);
  await rm(buildDir, { recursive: true, force: true });
}

/** `java -Djarmode=tools -jar … extract` (Spring Boot 3.3+) into a fresh dir, renamed into place. */
async function extract(jar: string, target: string, options: HostBuildOptions): Promise<void> {
  const partial = `${target}-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  const java = path.join(options.javaHome, 'bin', 'java');
  const args = ['-Djarmode=tools', '-jar', jar, 'extract', '--destination', partial];
  const result = await new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn(java, args, { env: options.environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', (error) => resolve({ code: -1, output: error.message }));
    child.once('close', (code) => resolve({ code: code ?? -1, output }));
  });
  if (result.code !== 0) {
    await rm(partial, { recursive: true, force: true });
    throw new AppError({
      code: 'distribution-unavailable',
      message: `Nie udało się rozpakować hosta silnika (${jar}, kod ${result.code}): ${result.output.trim()}`,
    });
  }
  await rm(target, { recursive: true, force: true });
  await rename(partial, target);
}

function runMaven(
  mvn: string,
  sourceDir: string,
  buildDir: string,
  buildLog: string,
  options: HostBuildOptions,
): Promise<number> {
  const activity = createActivity('Budowa hosta silnika (Maven)');
  const out = createWriteStream(buildLog);
  const args = [
    '-B',
    '-DskipTests',
    `-Dmops.build.dir=${buildDir}`,
    '-f',
    path.join(sourceDir, 'pom.xml'),
    'package',
  ];
  const child = spawn(mvn, args, {
    cwd: sourceDir,
    env: { ...options.environment, JAVA_HOME: options.javaHome },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let downloads = 0;
  let step = 'start';
  const onOutput = (chunk: Buffer) => {
    out.write(chunk);
    const text = chunk.toString('utf8');
    downloads += text.split('Downloaded from').length - 1;
    const plugin = /--- ([\w.-]+):[\w.-]+:([\w-]+)/.exec(text);
    if (plugin) step = `${plugin[1]}:${plugin[2]}`;
    activity.note(`${step}, pobrano ${downloads} plików`);
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  return new Promise((resolve) => {
    child.once('error', (error) => {
      out.end(`\n${error.message}\n`);
      resolve(-1);
    });
    child.once('close', (code) => {
      out.end();
      activity.finish(code === 0 ? `gotowa (pobrano ${downloads} plików)` : 'nieudana');
      resolve(code ?? -1);
    });
  });
}
