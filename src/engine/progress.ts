/** Progress of long work, shown to the person at the terminal: a bar on a TTY, a line per 10% otherwise. */
export interface Progress {
  update(done: number, total?: number): void;
  finish(message?: string): void;
}

export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let lastDecile = -1;
  return {
    update(done, total) {
      const elapsed = ((Date.now() - started) / 1000).toFixed(0);
      if (total && total > 0) {
        const ratio = Math.min(1, done / total);
        const text = `${label} ${renderBar(ratio)} ${(ratio * 100).toFixed(0)}% ${formatMb(done)}/${formatMb(total)} MB ${elapsed}s`;
        if (stream.isTTY) stream.write(`\r${text}`);
        else if (Math.floor(ratio * 10) > lastDecile) {
          lastDecile = Math.floor(ratio * 10);
          stream.write(`${text}\n`);
        }
      } else if (stream.isTTY) {
        stream.write(`\r${label} ${formatMb(done)} MB ${elapsed}s`);
      }
    },
    finish(message) {
      const elapsed = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(`${stream.isTTY ? '\r\x1b[K' : ''}${label} ${message ?? 'gotowe'} (${elapsed}s)\n`);
    },
  };
}

export function renderBar(ratio: number, width = 24): string {
  const filled = Math.round(Math.max(0, Math.min(1, ratio)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

function formatMb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** Work without a known size (a Maven build): one line that says what is happening and for how long. */
export interface Activity {
  note(detail: string): void;
  finish(message?: string): void;
}

export function createActivity(label: string, stream: NodeJS.WriteStream = process.stderr): Activity {
  const started = Date.now();
  let lastLine = 0;
  return {
    note(detail) {
      const elapsed = Math.round((Date.now() - started) / 1000);
      const text = `${label}: ${detail} (${elapsed}s)`;
      if (stream.isTTY) stream.write(`\r\x1b[K${text}`);
      else if (Date.now() - lastLine >= 10_000) {
        lastLine = Date.now();
        stream.write(`${text}\n`);
      }
    },
    finish(message) {
      const elapsed = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(`${stream.isTTY ? '\r\x1b[K' : ''}${label} ${message ?? 'gotowe'} (${elapsed}s)\n`);
    },
  };
}
