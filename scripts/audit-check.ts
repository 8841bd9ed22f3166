import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * `npm run audit:deps`: `npm audit --omit=dev` of the app's production dependencies. Fails on a high or critical
 * advisory not explained in licences/audit-exceptions.json (naming package and advisory). When the registry's
 * audit endpoint does not answer (as on the project's machines, which only reach the package registry's read
 * API), it says so plainly — NOT RUN, not "clean" — and exits 0, unless AUDIT_REQUIRED=1 makes that a failure.
 */
interface Via {
  source?: number;
  title?: string;
  url?: string;
  severity?: string;
}
interface AuditJson {
  vulnerabilities?: Record<string, { severity: string; via: Array<Via | string>; fixAvailable?: unknown }>;
  metadata?: { vulnerabilities?: Record<string, number> };
  statusCode?: number;
  message?: string;
  error?: { code?: string; summary?: string };
}

const exceptions = (
  JSON.parse(readFileSync('licences/audit-exceptions.json', 'utf8')) as {
    exceptions: Record<string, { why: string }>;
  }
).exceptions;
const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report: AuditJson = {};
try {
  report = JSON.parse(run.stdout || '{}') as AuditJson;
} catch {
  report = {};
}
if (!report.vulnerabilities) {
  const why = report.statusCode
    ? `punkt audytu rejestru odpowiedział HTTP ${report.statusCode}`
    : (report.error?.summary ?? report.message ?? (run.stderr.trim().split('\n')[0] || 'brak odpowiedzi'));
  console.log(
    `npm audit --omit=dev: NIE WYKONANO (${why}) — brak danych o podatnościach, to nie jest wynik „czysto”`,
  );
  process.exit(process.env.AUDIT_REQUIRED === '1' ? 1 : 0);
}
const open: string[] = [];
for (const [pkg, v] of Object.entries(report.vulnerabilities)) {
  if (v.severity !== 'high' && v.severity !== 'critical') continue;
  for (const via of v.via) {
    if (typeof via === 'string') continue; // reported at the package it comes through
    const id = via.url?.split('/').pop() ?? String(via.source);
    if (exceptions[id] ?? (via.url ? exceptions[via.url] : undefined)) continue;
    open.push(`${pkg}: ${v.severity} ${id} ${via.title ?? ''}`.trim());
  }
}
console.log(`npm audit --omit=dev: ${JSON.stringify(report.metadata?.vulnerabilities ?? {})}`);
for (const line of open) console.error(`  NIEOPISANA ${line}`);
process.exit(open.length > 0 ? 1 : 0);
