import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { markUsed, pruneOldBuilds } from '../../src/engine/host-cache-prune';

describe('engine host build cache', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'mops-cache-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('removes builds unused for two weeks and keeps the current and recently used ones', async () => {
    const old = new Date(Date.now() - 20 * 24 * 3600_000);
    for (const name of ['current', 'recent', 'stale']) {
      await mkdir(path.join(root, name));
      await writeFile(path.join(root, name, 'mops-engine-host.jar'), '');
    }
    await markUsed(path.join(root, 'recent'));
    await markUsed(path.join(root, 'stale'));
    await utimes(path.join(root, 'stale', 'last-used'), old, old);
    await utimes(path.join(root, 'current'), old, old);

    expect(await pruneOldBuilds(root, 'current')).toEqual(['stale']);
    expect((await readdir(root)).sort()).toEqual(['current', 'recent']);
  });
});
