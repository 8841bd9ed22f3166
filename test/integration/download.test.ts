import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { downloadWithChecksum } from '../../src/engine/download';

describe('the HTTPS fallback download of the distribution', () => {
  const payload = Buffer.alloc(3 * 1024 * 1024, 7);
  const sha1 = createHash('sha1').update(payload).digest('hex');
  let server: http.Server;
  let base: string;
  let wrongChecksum = false;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/dist.tar.gz.sha1')
        return res.end(wrongChecksum ? '0'.repeat(40) : `${sha1}  dist.tar.gz`);
      if (req.url === '/dist.tar.gz') {
        res.setHeader('content-length', payload.length);
        return res.end(payload);
      }
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('saves the file when its SHA-1 matches the repository checksum', async () => {
    const target = path.join(mkdtempSync(path.join(os.tmpdir(), 'mops-dl-')), 'dist.tar.gz');
    await downloadWithChecksum(`${base}/dist.tar.gz`, target);
    expect(readFileSync(target).equals(payload)).toBe(true);
  });

  it('refuses and leaves nothing behind when the checksum differs', async () => {
    wrongChecksum = true;
    const target = path.join(mkdtempSync(path.join(os.tmpdir(), 'mops-dl-')), 'dist.tar.gz');
    await expect(downloadWithChecksum(`${base}/dist.tar.gz`, target)).rejects.toThrow(/SHA-1/);
    expect(existsSync(target)).toBe(false);
  });

  it('names the address when the file is missing', async () => {
    const target = path.join(mkdtempSync(path.join(os.tmpdir(), 'mops-dl-')), 'x');
    await expect(downloadWithChecksum(`${base}/missing.tar.gz`, target)).rejects.toThrow(/missing\.tar\.gz/);
  });
});
