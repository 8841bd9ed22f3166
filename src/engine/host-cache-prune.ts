import { existsSync } from 'node:fs';
import { readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';

const LAST_USED = 'last-used';
const KEEP_DAYS = 14;

/** Marks a cached build as used now (other worktrees and versions keep theirs). */
export async function markUsed(buildDir: string): Promise<void> {
  const file = path.join(buildDir, LAST_USED);
  const now = new Date();
  if (existsSync(file)) await utimes(file, now, now);
  else await writeFile(file, '');
}

/** Removes cached builds (~60 MB each) of other source versions nobody used for two weeks. */
export async function pruneOldBuilds(cacheRoot: string, keep: string, now = Date.now()): Promise<string[]> {
  if (!existsSync(cacheRoot)) return [];
  const removed: string[] = [];
  for (const entry of await readdir(cacheRoot, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === keep) continue;
    const dir = path.join(cacheRoot, entry.name);
    const marker = existsSync(path.join(dir, LAST_USED)) ? path.join(dir, LAST_USED) : dir;
    if (now - (await stat(marker)).mtimeMs > KEEP_DAYS * 24 * 3600_000) {
      await rm(dir, { recursive: true, force: true });
      removed.push(entry.name);
    }
  }
  return removed;
}
