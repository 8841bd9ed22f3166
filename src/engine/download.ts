import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors/app-error';
import { createProgress } from './progress';

/** Plain HTTPS download with a progress bar and a SHA-1 check against the repository's `.sha1` file. */
export async function downloadWithChecksum(url: string, target: string): Promise<void> {
  const expected = await fetchText(`${url}.sha1`);
  const response = await fetch(url);
  if (!response.ok || !response.body) {
    throw new AppError({
      code: 'distribution-unavailable',
      message: `Pobieranie ${url} nie powiodło się: HTTP ${response.status}`,
    });
  }
  const total = Number(response.headers.get('content-length') ?? 0);
  const progress = createProgress('Pobieranie dystrybucji Camunda');
  const hash = createHash('sha1');
  const partial = `${target}.${process.pid}.part`;
  let done = 0;
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
  body.on('data', (chunk: Buffer) => {
    done += chunk.length;
    hash.update(chunk);
    progress.update(done, total);
  });
  try {
    await pipeline(body, createWriteStream(partial));
    const actual = hash.digest('hex');
    const wanted = expected.trim().split(/\s+/)[0]?.toLowerCase();
    if (wanted && wanted !== actual) {
      throw new AppError({
        code: 'distribution-unavailable',
        message: `Suma kontrolna SHA-1 pobranego pliku się nie zgadza (oczekiwano ${wanted}, jest ${actual}).`,
      });
    }
    await rename(partial, target);
    progress.finish(`pobrano ${(done / 1024 / 1024).toFixed(0)} MB`);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new AppError({
      code: 'distribution-unavailable',
      message: `Brak sumy kontrolnej ${url}: HTTP ${response.status}`,
    });
  }
  return response.text();
}
