import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../errors/app-error';

const run = promisify(execFile);
/** zeebe-exporter-api 8.6 is Java 21 bytecode, so the exporter is too (the engine runs on 21–25). */
const JAVAC_RELEASE = '21';
const SOURCES = path.resolve(__dirname, '..', '..', 'exporter', 'src', 'main', 'java');

/**
 * Builds our record exporter (exporter/, Java) with the JDK's javac against the distribution's own exporter API
 * jars, once per source version; the jar is cached next to the distribution.
 */
export async function ensureExporterJar(options: {
  javaHome: string;
  distributionHome: string;
  cacheDir: string;
}): Promise<string> {
  const files = await listJavaFiles(SOURCES);
  const hash = createHash('sha256');
  hash.update(JAVAC_RELEASE);
  for (const file of files) hash.update(file).update(await readFile(file));
  const jar = path.join(
    options.cacheDir,
    'exporter',
    `mops-flow-exporter-${hash.digest('hex').slice(0, 16)}.jar`,
  );
  if (existsSync(jar)) return jar;

  const javac = path.join(options.javaHome, 'bin', 'javac');
  const jarTool = path.join(options.javaHome, 'bin', 'jar');
  if (!existsSync(javac) || !existsSync(jarTool)) {
    throw new AppError({
      code: 'java-missing',
      message: `Do zbudowania eksportera rekordów potrzebny jest JDK (javac i jar) w ${options.javaHome}; znaleziono tylko JRE.`,
    });
  }
  await mkdir(path.dirname(jar), { recursive: true });
  const work = await mkdtemp(path.join(path.dirname(jar), 'build-'));
  try {
    const classpath = path.join(options.distributionHome, 'lib', '*');
    await run(
      javac,
      ['--release', JAVAC_RELEASE, '-nowarn', '-cp', classpath, '-d', path.join(work, 'classes'), ...files],
      {
        timeout: 5 * 60_000,
      },
    );
    await run(jarTool, ['cf', path.join(work, 'out.jar'), '-C', path.join(work, 'classes'), '.'], {
      timeout: 60_000,
    });
    await rename(path.join(work, 'out.jar'), jar);
    return jar;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError({
      code: 'engine-start-failed',
      message: `Budowa eksportera rekordów nie powiodła się: ${String(error)}`,
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function listJavaFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.java'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
