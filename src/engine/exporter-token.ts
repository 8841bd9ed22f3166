import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The shared secret between the engine's exporter and the app: configured, or created once per engine dir. */
export async function exporterToken(configured: string | undefined, dir: string): Promise<string> {
  if (configured) return configured;
  const file = path.join(dir, 'exporter-token');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dir, { recursive: true });
  const token = randomBytes(24).toString('base64url');
  await writeFile(file, token, { mode: 0o600 });
  return token;
}
