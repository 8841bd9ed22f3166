import type { Browser, Page } from 'playwright-core';
import { createUserIfMissing } from '../../src/auth/users';
import type { Runtime } from '../../src/runtime';
import { seedMonitoringCases, type MonitoringSeed } from '../integration/monitoring-fixtures';
import type { TestClock } from '../integration/test-clock';
import { startTestRuntime } from '../integration/test-runtime';
import { launchBrowser, screenshot, seriousViolations } from './browser';

/**
 * The managers' process view in a real browser (issue 12, items 1, 6, 7): a manager opens monitoring, the process
 * list and the version's diagram with its figures, clicks a step on the diagram, reaches a waiting case's page, and
 * retries an incident. axe runs on every new page.
 */
describe('process view in the browser', () => {
  let runtime: Runtime;
  let clock: TestClock;
  let browser: Browser;
  let seed: MonitoringSeed;
  const manager = { login: 'e2e-pv-manager', password: 'haslo-e2e-pv-1', displayName: 'Marta Kierownik' };

  beforeAll(async () => {
    const started = await startTestRuntime({ workers: false, fixtures: true });
    runtime = started.runtime;
    clock = started.clock;
    seed = await seedMonitoringCases(runtime, clock);
    await createUserIfMissing(runtime.db, {
      ...manager,
      position: 'Kierownik',
      site: 'Siedziba główna',
      roles: ['managers'] as never,
    });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (runtime) await clock.resetAfterStop();
  });

  async function checked(page: Page, name: string) {
    const violations = await seriousViolations(page);
    await screenshot(page, name);
    expect(
      violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }

  it('opens the process view, clicks a step, reaches the case and retries an incident', async () => {
    // axe is injected by evaluate (hence bypassCSP; the app's own pages run under the strict CSP in the other tests)
    const context = await browser.newContext({
      bypassCSP: true,
      locale: 'pl-PL',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${runtime.url}/monitoring`);
    await page.waitForURL(/logowanie/);
    await page.getByLabel('Login').fill(manager.login);
    await page.getByLabel('Hasło').fill(manager.password);
    await page.getByRole('button', { name: 'Zaloguj' }).click();
    await page.waitForURL(/\/monitoring$/);
    await checked(page, 'monitoring-hub');

    await page.getByRole('link', { name: 'Procesy', exact: true }).click();
    await page.waitForURL(/\/monitoring\/procesy$/);
    await checked(page, 'monitoring-processes');

    await page.locator(`a[href="/monitoring/procesy/${encodeURIComponent(seed.definitionId)}"]`).click();
    await page.getByRole('heading', { name: 'Test monitorowania — wersja 1' }).waitFor();
    // the overlays drawn on the diagram: 2 cases waiting for approval, the letter's incident, the assessment's median
    const approveBadges = page.locator('.djs-overlays[data-container-id="approve"] .badge-active');
    await approveBadges.waitFor();
    expect(await approveBadges.textContent()).toBe('▶ 2');
    expect(await page.locator('.djs-overlays[data-container-id="send"] .badge-incident').textContent()).toBe(
      '⚠ 1',
    );
    expect(
      await page.locator('.djs-overlays[data-container-id="assess"] .badge-median').textContent(),
    ).toMatch(/^med\. (2 godz\.|1 godz\. 59 min)$/);
    // the same figures in the table under the diagram
    const approveRow = page.locator('table.step-figures tr', {
      has: page.locator('th', { hasText: 'Zatwierdzenie' }),
    });
    expect(await approveRow.locator('td').first().textContent()).toBe('2');
    await checked(page, 'process-view');

    await page.locator('g.djs-element[data-element-id="approve"]').click();
    await page.waitForURL(/element=approve/);
    const waiting = page.locator('table.waiting-cases tbody tr');
    expect(await waiting.count()).toBe(2);
    expect(await waiting.first().locator('td').nth(3).textContent()).toBe(seed.holder.displayName);
    await checked(page, 'process-view-waiting');

    await page.getByRole('link', { name: seed.atApprove[0].caseNumber }).click();
    await page.waitForURL(new RegExp(`/sprawy/${seed.atApprove[0].caseId}$`));
    await page
      .getByRole('heading', { level: 1, name: new RegExp(seed.atApprove[0].caseNumber.replace('.', '\\.')) })
      .waitFor();

    const before = await retries();
    await page.goto(`${runtime.url}/incydenty`);
    const incidentRow = page.locator('tr', {
      has: page.getByRole('link', { name: seed.withIncident.caseNumber }),
    });
    expect(await incidentRow.locator('td').nth(2).textContent()).toBe('Wysyłka pisma');
    expect(await incidentRow.locator('td').nth(3).textContent()).toBe('Drukarka kancelarii nie odpowiada');
    await checked(page, 'incidents');
    await incidentRow.getByRole('button', { name: 'Ponów' }).click();
    await page.waitForURL(/\/incydenty$/);
    expect(await retries()).toBe(before + 1);
    await context.close();
  }, 120_000);

  async function retries(): Promise<number> {
    const [row] = await runtime.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'incident-retried' AND entity_id = $1`,
      [seed.incidentKey],
    );
    return Number(row?.n);
  }
});
