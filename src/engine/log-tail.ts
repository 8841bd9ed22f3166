import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** The last lines of a log file, for an error message a person reads. */
export async function logTail(file: string, lines = 20): Promise<string> {
  if (!existsSync(file)) return '(brak logu)';
  return (await readFile(file, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
}
