import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const PASSWORD_FILE = 'engine-password';
export const FEED_TOKEN_FILE = 'feed-token';

/**
 * A secret of the local engine: the configured value, else the one generated earlier into `dir/file`, else a new
 * random one written there (mode 0600). The same file serves `npm start`, `npm run engine` and a reused host.
 */
export async function engineSecret(
  configured: string | undefined,
  dir: string,
  file: string,
): Promise<string> {
  if (configured) return configured;
  const target = path.join(dir, file);
  if (existsSync(target)) {
    const stored = (await readFile(target, 'utf8')).trim();
    if (stored) return stored;
  }
  await mkdir(dir, { recursive: true });
  const secret = randomBytes(24).toString('base64url');
  await writeFile(target, `${secret}\n`, { mode: 0o600 });
  await chmod(target, 0o600);
  return secret;
}
