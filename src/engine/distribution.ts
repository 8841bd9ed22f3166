import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logger';
import { downloadWithChecksum } from './download';
import { createProgress } from './progress';
import { DISTRIBUTION, distributionFileName, distributionUrl } from './version';

const run = promisify(execFile);
const MARKER = '.mops-flow-unpacked';

export interface DistributionOptions {
  cacheDir: string;
  version: string;
  repositoryUrl: string;
  log: Logger;
}

/** Returns the unpacked distribution directory, fetching (Maven, then HTTPS) and unpacking it only once. */
export async function ensureDistribution(options: DistributionOptions): Promise<string> {
  const home = path.join(options.cacheDir, `camunda-zeebe-${options.version}`);
  if (existsSync(path.join(home, MARKER))) return home;
  const tarball = await ensureTarball(options);
  await unpack(tarball, home, options.cacheDir);
  options.log.info('Dystrybucja Camunda rozpakowana', { home });
  return home;
}

async function ensureTarball(options: DistributionOptions): Promise<string> {
  const dir = path.join(options.cacheDir, 'dist');
  const tarball = path.join(dir, distributionFileName(options.version));
  if (existsSync(tarball)) return tarball;
  await mkdir(dir, { recursive: true });
  const failures: string[] = [];
  try {
    await copyWithMaven(options.version, dir);
    if (existsSync(tarball)) return tarball;
    failures.push('mvn dependency:copy nie utworzył pliku');
  } catch (error) {
    failures.push(`Maven: ${firstLine(error)}`);
  }
  const url = distributionUrl(options.repositoryUrl, options.version);
  try {
    await downloadWithChecksum(url, tarball);
    return tarball;
  } catch (error) {
    failures.push(`HTTPS ${url}: ${firstLine(error)}`);
  }
  throw new AppError({
    code: 'distribution-unavailable',
    message:
      `Nie udało się pobrać dystrybucji Camunda ${options.version} (${DISTRIBUTION.groupId}:${DISTRIBUTION.artifactId}). ` +
      `Potrzebny jest Maven (mvn) albo dostęp do ${options.repositoryUrl}. Szczegóły: ${failures.join(' | ')}`,
  });
}

async function copyWithMaven(version: string, outputDir: string): Promise<void> {
  const artifact = `${DISTRIBUTION.groupId}:${DISTRIBUTION.artifactId}:${version}:${DISTRIBUTION.type}`;
  const progress = createProgress('Pobieranie dystrybucji Camunda przez Maven');
  const ticker = setInterval(() => progress.update(0), 1000);
  try {
    await run(
      'mvn',
      ['-B', '-q', 'dependency:copy', `-Dartifact=${artifact}`, `-DoutputDirectory=${outputDir}`],
      {
        timeout: 30 * 60_000,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    progress.finish();
  } finally {
    clearInterval(ticker);
  }
}

async function unpack(tarball: string, home: string, cacheDir: string): Promise<void> {
  const progress = createProgress('Rozpakowywanie dystrybucji Camunda');
  const staging = await mkdtemp(path.join(cacheDir, 'unpack-'));
  try {
    await run('tar', ['-xzf', tarball, '-C', staging], { timeout: 10 * 60_000 });
    const [top] = await readdir(staging);
    if (!top)
      throw new AppError({ code: 'distribution-unavailable', message: `Archiwum ${tarball} jest puste.` });
    await writeFile(path.join(staging, top, MARKER), new Date().toISOString());
    if (!existsSync(home)) await rename(path.join(staging, top), home);
    progress.finish();
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((line) => line.trim() !== '') ?? text;
}
