import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT_DIR } from '../paths';

/** The engine host's Maven project in this repository. */
export const HOST_SOURCE_DIR = path.join(ROOT_DIR, 'engine-host');

export interface SourceFile {
  /** Relative to the project, with forward slashes. */
  path: string;
  content: Buffer;
}

/**
 * What identifies a build of the host: `pom.xml` and everything under `src/main/`. A different hash means a
 * different jar (the cache keeps one jar per hash).
 */
export async function hostSourceHash(sourceDir: string = HOST_SOURCE_DIR): Promise<string> {
  const files = [path.join(sourceDir, 'pom.xml'), ...(await listFiles(path.join(sourceDir, 'src', 'main')))];
  const sources = await Promise.all(
    files.map(async (file) => ({
      path: path.relative(sourceDir, file).split(path.sep).join('/'),
      content: await readFile(file),
    })),
  );
  return hashSources(sources);
}

/** SHA-256 over the files sorted by path (name and content of each), first 16 hex digits. */
export function hashSources(files: SourceFile[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(file.path).update('\0').update(String(file.content.length)).update('\0').update(file.content);
  }
  return hash.digest('hex').slice(0, 16);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(full) : Promise.resolve(entry.isFile() ? [full] : []);
    }),
  );
  return nested.flat();
}
