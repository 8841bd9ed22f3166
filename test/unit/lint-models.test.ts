import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** `npm run lint:bpmn` also checks the decision tables and the forms (scripts/lint-models.ts, run as the CLI). */
describe('lint of decision tables and forms', () => {
  const root = path.join(__dirname, '../..');
  const lint = (...files: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/lint-models.ts'), ...files], {
      cwd: root,
      encoding: 'utf8',
    });
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mops-lint-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes the model in bpmn/', () => {
    const run = lint();
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Tabele DMN i formularze: \d+ plików bez zastrzeżeń/);
  });

  it('names each broken table and form', () => {
    const dmn = readFileSync(path.join(root, 'bpmn/care-service-fee.dmn'), 'utf8')
      .replace(/ camunda:historyTimeToLive="[^"]*"/, '')
      // the first rule loses a condition
      .replace(/<inputEntry[^>]*>[\s\S]*?<\/inputEntry>/, '');
    writeFileSync(path.join(dir, 'broken.dmn'), dmn);
    writeFileSync(path.join(dir, 'cut.dmn'), dmn.slice(0, 400));
    const form = JSON.parse(readFileSync(path.join(root, 'bpmn/correct-payout-details.form'), 'utf8')) as {
      executionPlatformVersion: string;
      components: { key?: string; type: string; values?: unknown[] }[];
    };
    form.executionPlatformVersion = '8.6.0';
    form.components.push({ key: 'payoutMethod', type: 'radio', values: [] });
    form.components.push({ key: 'x', type: 'signature' });
    writeFileSync(path.join(dir, 'broken.form'), JSON.stringify(form));

    const run = lint(path.join(dir, 'broken.dmn'), path.join(dir, 'cut.dmn'), path.join(dir, 'broken.form'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('broken.dmn / care-service-fee: brak camunda:historyTimeToLive');
    expect(run.stderr).toMatch(
      /broken\.dmn \/ care-service-fee: reguła 1 ma (\d+) warunków i 1 wyników, a tabela \d+ wejść/,
    );
    expect(run.stderr).toContain('cut.dmn: to nie jest poprawny plik DMN');
    expect(run.stderr).toContain(
      'broken.form: formularz dla Camunda Platform 8.6.0, a silnik to Camunda Platform 7.24',
    );
    expect(run.stderr).toContain('broken.form / payoutMethod: klucz „payoutMethod” powtarza się');
    expect(run.stderr).toContain('broken.form / payoutMethod: pole wyboru bez opcji');
    expect(run.stderr).toContain('broken.form / x: nieznany typ pola „signature”');
  });
});
