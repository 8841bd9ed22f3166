import { warsawOffsetMinutes } from '../domain/warsaw-time';
import type { DefinitionVersion } from './port';

/** `YYYY-MM-DD HH:MM` in Europe/Warsaw. */
function warsawMinute(iso: string): string {
  const instant = new Date(iso);
  return new Date(instant.getTime() + warsawOffsetMinutes(instant) * 60_000)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

/**
 * What is deployed, as a plain-text table for `npm run versions`: every version of every process and decision, the
 * day it was deployed, how many instances run on it and its open incidents; the latest version of each key marked.
 */
export function versionsTable(versions: DefinitionVersion[]): string {
  if (versions.length === 0) return 'Silnik nie ma jeszcze żadnych wdrożonych procesów ani decyzji.';
  const latest = new Map<string, number>();
  for (const v of versions)
    latest.set(`${v.kind}:${v.key}`, Math.max(latest.get(`${v.kind}:${v.key}`) ?? 0, v.version));
  const header = ['rodzaj', 'klucz', 'wersja', 'wdrożona (Warszawa)', 'instancje', 'incydenty', 'nazwa'];
  const rows = versions.map((v) => [
    v.kind === 'process' ? 'proces' : 'decyzja',
    v.key,
    `v${v.version}${latest.get(`${v.kind}:${v.key}`) === v.version ? ' (najnowsza)' : ''}`,
    v.deployedAt ? warsawMinute(v.deployedAt) : '—',
    v.kind === 'process' ? String(v.runningInstances) : '—',
    v.kind === 'process' ? String(v.incidents) : '—',
    v.name ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const running = versions.reduce((sum, v) => sum + v.runningInstances, 0);
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    `Razem: ${versions.length} wersji, ${running} działających instancji.`,
  ].join('\n');
}
