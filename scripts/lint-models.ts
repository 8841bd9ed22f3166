import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lintDmn, lintForm } from '../src/models/model-lint';

/**
 * `npm run lint:bpmn`, second half (bpmnlint checks the diagrams): the decision tables and the forms, with the
 * checks of src/models/model-lint.ts.
 * Usage: `tsx scripts/lint-models.ts [file …]` (default: `bpmn/*.dmn`, `bpmn/*.form`). Exit 1 on any finding.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = path.resolve(__dirname, '..', 'bpmn');
  const files =
    args.length > 0
      ? args
      : readdirSync(dir)
          .filter((f) => /\.(dmn|form)$/.test(f))
          .sort()
          .map((f) => path.join(dir, f));
  const findings: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const name = path.basename(file);
    const found = file.endsWith('.dmn') ? await lintDmn(text) : lintForm(text);
    findings.push(...found.map((f) => `${name}${f.element ? ` / ${f.element}` : ''}: ${f.message}`));
  }
  if (findings.length > 0) {
    console.error(
      `Tabele DMN i formularze: ${findings.length} problem(ów)\n${findings.map((f) => `  ${f}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log(`Tabele DMN i formularze: ${files.length} plików bez zastrzeżeń`);
}

void main();
