import { existsSync, readFileSync } from 'node:fs';
import {
  checkLicences,
  type CdxComponent,
  type LicenceExceptions,
  type LicencePolicy,
} from './licence-policy';

/**
 * `npm run licences`: reads the CycloneDX SBOMs that `npm run sbom` wrote (app: production npm dependencies;
 * engine host: its Maven runtime dependencies) and checks each component against licences/allowed.json and
 * licences/exceptions.json. Exits 1 naming every component with an unknown or non-open licence.
 * `--table` prints the README's table (counts per licence).
 */
const SBOMS: Array<{ label: string; file: string }> = [
  { label: 'aplikacja (npm, produkcyjne)', file: 'sbom/mops-flow.cdx.json' },
  { label: 'host silnika (Maven, runtime)', file: 'sbom/engine-host.cdx.json' },
];

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

const policy = readJson<LicencePolicy>('licences/allowed.json');
const exceptions = readJson<{ exceptions: LicenceExceptions }>('licences/exceptions.json').exceptions;
let failed = false;
const tables: Array<{ label: string; total: number; counts: Record<string, number> }> = [];
for (const { label, file } of SBOMS) {
  if (!existsSync(file)) {
    console.error(`${file}: brak SBOM — uruchom najpierw \`npm run sbom\``);
    failed = true;
    continue;
  }
  const components = readJson<{ components?: CdxComponent[] }>(file).components ?? [];
  const report = checkLicences(components, policy, exceptions);
  const summary = Object.entries(report.counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([licence, n]) => `${licence}: ${n}`)
    .join(', ');
  console.log(`${label}: ${components.length} komponentów (${summary})`);
  for (const r of report.rejected) console.error(`  ODRZUCONY ${r.component}: ${r.reason}`);
  if (report.rejected.length > 0) failed = true;
  tables.push({ label, total: components.length, counts: report.counts });
}
if (process.argv.includes('--table')) {
  // README: one row per licence, packages counted per SBOM
  const licences = [...new Set(tables.flatMap((t) => Object.keys(t.counts)))].sort(
    (a, b) => tables.reduce((n, t) => n + (t.counts[b] ?? 0) - (t.counts[a] ?? 0), 0) || a.localeCompare(b),
  );
  const rows = licences.map((l) => `| ${l} | ${tables.map((t) => t.counts[l] ?? 0).join(' | ')} |`);
  const total = `| **razem** | ${tables.map((t) => t.total).join(' | ')} |`;
  const header = `| licencja | ${tables.map((t) => t.label).join(' | ')} |`;
  console.log([header, `| --- |${tables.map(() => ' ---: |').join('')}`, ...rows, total].join('\n'));
}
if (failed) {
  console.error('Sprawdzenie licencji: NIE PRZESZŁO');
  process.exit(1);
}
console.log('Sprawdzenie licencji: wszystkie komponenty mają dozwoloną licencję albo opisany wyjątek');
