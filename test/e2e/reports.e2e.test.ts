import type { Browser, Page } from 'playwright-core';
import { createUserIfMissing } from '../../src/auth/users';
import { createLogger } from '../../src/logger';
import { scheduleInstalments } from '../../src/payouts/ledger';
import { startRuntime, type Runtime } from '../../src/runtime';
import { grantedDecision } from '../integration/case-file-fixtures';
import { TestClock } from '../integration/test-clock';
import { testConfig } from '../integration/test-config';
import { launchBrowser, screenshot, seriousViolations } from './browser';

/** A year of its own, so the page shows exactly the instalments seeded here. */
const Y = 2090 + Math.floor(Math.random() * 10);

/**
 * Reports in a real browser (issue 12, item 8): an analyst follows „Raporty” from the menu, asks for a half-year's
 * MRPiPS-03 report and a month's payouts register; the figures are the seeded ones; axe on every page.
 */
describe('reports in the browser', () => {
  let runtime: Runtime;
  let browser: Browser;
  const clock = new TestClock();
  const analyst = {
    login: 'e2e-analityk',
    password: 'haslo-e2e-analityk-1',
    displayName: 'Anna Analityczna',
  };
  const decisions: string[] = [];

  beforeAll(async () => {
    const config = testConfig({ WORKERS_ENABLED: 'false' });
    runtime = await startRuntime(config, createLogger(config), () => undefined, { now: clock.now });
    clock.attach(runtime);
    await createUserIfMissing(runtime.db, {
      ...analyst,
      position: 'Specjalista ds. sprawozdawczości',
      site: 'Siedziba główna',
      roles: ['analysts'],
    });
    // zasiłek okresowy 612,34 zł paid in January and February (cash), zasiłek celowy 333,01 zł in February (transfer)
    for (const seed of [
      { amount: 61_234, months: ['01', '02'], method: 'cash' as const, form: 'zasilek-okresowy' },
      { amount: 33_301, months: ['02'], method: 'transfer' as const, form: 'zasilek-celowy' },
    ]) {
      const granted = await grantedDecision(runtime.db, {
        amountGrosze: seed.amount,
        from: `${Y}-${seed.months[0]}-01`,
        to: `${Y}-${seed.months.at(-1)}-28`,
        method: seed.method,
      });
      decisions.push(granted.decisionId);
      await runtime.db.query(
        `UPDATE assistance_plans SET benefit_type = $2 WHERE id = (SELECT plan_id FROM decisions WHERE id = $1)`,
        [granted.decisionId, seed.form],
      );
      await scheduleInstalments(runtime.db, granted.decisionId);
      await runtime.db.query(
        `UPDATE payout_instalments SET status = 'paid', paid_at = (month || '-15T10:00:00Z')::timestamptz WHERE decision_id = $1`,
        [granted.decisionId],
      );
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (runtime) {
      await runtime.db.query(`DELETE FROM payout_instalments WHERE decision_id = ANY($1::uuid[])`, [
        decisions,
      ]);
      await clock.resetAfterStop();
    }
  });

  async function checked(page: Page, name: string) {
    const violations = await seriousViolations(page);
    await screenshot(page, name);
    expect(
      violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }

  it('opens the half-year report and the month register from the menu', async () => {
    // axe is injected into the page: the context bypasses the app's CSP (the app itself keeps it)
    const context = await browser.newContext({ bypassCSP: true, locale: 'pl-PL' });
    const page = await context.newPage();
    await page.goto(`${runtime.url}/zadania`);
    await page.waitForURL(/logowanie/);
    await page.getByLabel('Login').fill(analyst.login);
    await page.getByLabel('Hasło').fill(analyst.password);
    await page.getByRole('button', { name: 'Zaloguj' }).click();
    await page.getByRole('link', { name: 'Raporty' }).click();
    await page.waitForURL(/\/raporty$/);
    await checked(page, 'reports-start');

    await page.getByLabel('Okres').fill(`${Y}-H1`);
    await page
      .getByRole('group', { name: 'Sprawozdanie MRPiPS-03' })
      .getByRole('button', { name: 'Pokaż' })
      .click();
    await page.waitForURL(/mrpips-03\?period=/);
    const forms = page.getByRole('table', { name: 'Świadczenia przyznane decyzją według formy' });
    const cells = async (row: string) =>
      (
        await forms
          .getByRole('row', { name: new RegExp(`^${row}`) })
          .locator('td')
          .allInnerTexts()
      ).map((t) => t.replace(/\s/g, ' '));
    expect(await cells('zasiłek okresowy')).toEqual(['1', '2', '1 224,68 zł', '1', '1']);
    expect(await cells('zasiłek celowy')).toEqual(['1', '1', '333,01 zł', '1', '1']);
    expect(await cells('Ogółem')).toEqual(['2', '3', '1 557,69 zł', '2', '2']);
    await checked(page, 'reports-mrpips-03');

    await page.getByRole('link', { name: 'Raporty' }).click();
    await page.waitForURL(/\/raporty$/);
    await page.getByLabel('Miesiąc wypłaty').fill(`${Y}-02`);
    await page.getByRole('group', { name: 'Rejestr wypłat' }).getByRole('button', { name: 'Pokaż' }).click();
    await page.waitForURL(/rejestr-wyplat\?month=/);
    const register = page.getByRole('table', { name: `Rejestr wypłat — ${Y}-02` });
    expect(await register.locator('tbody tr').count()).toBe(2);
    expect((await register.locator('tfoot td').last().innerText()).replace(/\s/g, ' ')).toBe('945,35 zł');
    await checked(page, 'reports-register');
    await context.close();
  });
});
