import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createUserIfMissing } from '../../src/auth/users';
import { createLogger } from '../../src/logger';
import { BPMN_DIR } from '../../src/paths';
import { startRuntime, type Runtime } from '../../src/runtime';
import { TestClock } from '../integration/test-clock';
import { testConfig } from '../integration/test-config';
import { launchBrowser, screenshot, seriousViolations } from './browser';

/**
 * A process owner in a real browser (issue 11): previews a changed routing table on past cases, then dry-runs and
 * executes a migration of a fixture process v1 → v2. axe runs on every page; the screenshots go to
 * test-artifacts/e2e/ (model-preview-result.png, migration-dry-run.png).
 */
describe('model preview and migration in the browser', () => {
  let runtime: Runtime;
  let browser: Browser;
  const clock = new TestClock();
  const tag = randomUUID().slice(0, 8);
  const owner = {
    login: `e2e-owner-${tag}`,
    password: 'haslo-e2e-owner-1',
    roles: ['process-owners'],
    displayName: 'Olga Właścicielka',
  };
  const started: string[] = [];

  beforeAll(async () => {
    const config = testConfig({ WORKERS_ENABLED: 'false' });
    runtime = await startRuntime(config, createLogger(config), () => undefined, { now: clock.now });
    clock.attach(runtime);
    await createUserIfMissing(runtime.db, {
      ...owner,
      position: 'Właściciel procesu',
      site: 'Siedziba główna',
      roles: owner.roles as never,
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    for (const id of started) await runtime.engine.deleteProcessInstance(id, 'koniec testu e2e');
    if (runtime) await clock.resetAfterStop();
  });

  async function checked(page: Page, name: string) {
    const violations = await seriousViolations(page);
    await screenshot(page, name);
    expect(
      violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }

  async function login(page: Page, next: string) {
    await page.goto(`${runtime.url}${next}`);
    await page.waitForURL(/logowanie/);
    await page.getByLabel('Login').fill(owner.login);
    await page.getByLabel('Hasło').fill(owner.password);
    await page.getByRole('button', { name: 'Zaloguj' }).click();
  }

  it('previews a changed routing rule on past cases', async () => {
    const district = `e2e-rejon-${tag}`;
    await runtime.db.query(
      `INSERT INTO districts (id, centre_id, name, site_id) VALUES ($1, 'mops-przyklad', 'Rejon e2e', 'siedziba')`,
      [district],
    );
    for (let i = 0; i < 2; i += 1) {
      const [client] = await runtime.db.query<{ id: string }>(
        `INSERT INTO clients (first_name, last_name) VALUES ('Jan', 'Podglądowy') RETURNING id`,
      );
      const [intake] = await runtime.db.query<{ id: string }>(
        `INSERT INTO intakes (user_task_key, first_name, last_name, need, need_kind, district_id)
         VALUES ($1, 'Jan', 'Podglądowy', 'pomoc', 'financial', $2) RETURNING id`,
        [`e2e-preview-${tag}-${i}`, district],
      );
      await runtime.db.query(
        `INSERT INTO cases (case_number, client_id, intake_id, process_instance_key, need, district_id)
         VALUES ($1, $2, $3, $4, 'pomoc', $5)`,
        [`E2E.${tag}-${i}`, client?.id, intake?.id, `e2e-preview-${tag}-${i}`, district],
      );
    }
    const routing = await readFile(path.join(BPMN_DIR, 'routing.dmn'), 'utf8');
    const changed = routing.replace(
      '</decisionTable>',
      `<rule id="routing-rule-e2e"><inputEntry id="e2e-need"><text>"financial"</text></inputEntry><inputEntry id="e2e-reason"><text>-</text></inputEntry><inputEntry id="e2e-urgent"><text>-</text></inputEntry><inputEntry id="e2e-district"><text>"${district}"</text></inputEntry><outputEntry id="e2e-team"><text>"social-work"</text></outputEntry><outputEntry id="e2e-site"><text>"rzps-2"</text></outputEntry></rule></decisionTable>`,
    );
    const context = await browser.newContext({ bypassCSP: true, locale: 'pl-PL' });
    const page = await context.newPage();
    await login(page, '/modele/podglad');
    await page.waitForURL(/\/modele\/podglad$/);
    await checked(page, 'model-preview-form');

    await page.getByLabel('Plik z katalogu bpmn/').selectOption('routing.dmn');
    await page.getByLabel('Treść zmienionego pliku (XML)').fill(changed);
    await page.getByRole('button', { name: 'Pokaż, co by się zmieniło' }).click();
    await page.getByRole('heading', { name: 'Wynik podglądu: routing.dmn' }).waitFor();
    const row = page.locator('#routing-changes tbody tr', { hasText: `E2E.${tag}-0` });
    await expect(row.locator('td').nth(0).textContent()).resolves.toBe('benefits (rzps-2)');
    await expect(row.locator('td').nth(1).textContent()).resolves.toBe(
      'benefits (rzps-2), social-work (rzps-2)',
    );
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe('2');
    await checked(page, 'model-preview-result');
    await context.close();
  });

  it('dry-runs a migration v1 → v2, shows who cannot move and why, and moves the rest', async () => {
    const key = `e2e-migration-${tag}`;
    const fixture = async (file: string) =>
      (await readFile(path.join(__dirname, '..', 'integration', 'fixtures', 'migration', file), 'utf8'))
        .replaceAll('id="it-migration"', `id="${key}"`)
        .replaceAll('bpmnElement="it-migration"', `bpmnElement="${key}"`);
    const v1 = (
      await runtime.engine.deploy([{ name: `${key}.bpmn`, content: await fixture('it-migration-v1.bpmn') }], {
        deploymentName: key,
      })
    ).deployed[0]!.id;
    const movable = await runtime.engine.startProcess({ processKey: key, variables: { review: false } });
    const stuck = await runtime.engine.startProcess({ processKey: key, variables: { review: true } });
    started.push(movable.processInstanceId, stuck.processInstanceId);
    const v2 = (
      await runtime.engine.deploy([{ name: `${key}.bpmn`, content: await fixture('it-migration-v2.bpmn') }], {
        deploymentName: key,
      })
    ).deployed[0]!.id;

    const context = await browser.newContext({ bypassCSP: true, locale: 'pl-PL' });
    const page = await context.newPage();
    await login(page, '/modele/migracja');
    await page.waitForURL(/\/modele\/migracja$/);
    await page.getByLabel('Wersja źródłowa (stara)').selectOption(v1);
    await page.getByLabel('Wersja docelowa (nowa)').selectOption(v2);
    await page.getByRole('button', { name: 'Wygeneruj mapowanie' }).click();
    await page.locator('#migration-mapping').waitFor();
    await expect(page.getByLabel('Sprawdź wniosek (check)').inputValue()).resolves.toBe('check');
    await expect(page.getByLabel('Przejrzyj wniosek (review)').inputValue()).resolves.toBe('');
    await checked(page, 'migration-mapping');

    await page.getByRole('button', { name: 'Sprawdź (próba, nic nie przenosi)' }).click();
    await page.locator('#dry-run-summary').waitFor();
    await expect(page.locator('#dry-run-summary').textContent()).resolves.toBe(
      'Instancji na wersji źródłowej: 2; można przenieść: 1.',
    );
    const stuckRow = page.locator('#migration-instances tbody tr', { hasText: stuck.processInstanceId });
    await expect(stuckRow.locator('td').nth(4).textContent()).resolves.toBe(
      'Nie można: Stoi w kroku „Przejrzyj wniosek” (review), dla którego mapowanie nie wskazuje kroku w nowej wersji.',
    );
    await checked(page, 'migration-dry-run');

    await page.getByRole('button', { name: 'Przenieś zaznaczone' }).click();
    await page.getByRole('status').waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toBe(
      `Przeniesiono 1 instancji: ${key} v1 → ${key} v2.`,
    );
    expect((await runtime.engine.runningInstances(v2)).map((i) => i.id)).toEqual([movable.processInstanceId]);
    await checked(page, 'migration-done');
    await context.close();
  });
});
