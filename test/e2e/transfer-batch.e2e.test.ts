import type { Browser, Page } from 'playwright-core';
import { createUserIfMissing } from '../../src/auth/users';
import { createLogger } from '../../src/logger';
import { queueInstalment, scheduleInstalments } from '../../src/payouts/ledger';
import { startRuntime, type Runtime } from '../../src/runtime';
import { grantedDecision, teamWorkedOnCase } from '../integration/case-file-fixtures';
import { TestClock } from '../integration/test-clock';
import { testConfig } from '../integration/test-config';
import { launchBrowser, screenshot, seriousViolations } from './browser';

/**
 * A transfer batch and an account change in a real browser (issue 10, Money 3): the realisation team exports a batch
 * (the file freezes), marks it sent and records the bank's confirmation of its line; an officer files a change of
 * the client's account on the case page and the manager approves it there. axe runs on every page.
 */
describe('transfer batch and account change in the browser', () => {
  let runtime: Runtime;
  let browser: Browser;
  const clock = new TestClock();
  const people = {
    realisation: {
      login: 'e2e-tb-real',
      password: 'haslo-e2e-tb-1',
      roles: ['services-admin'],
      displayName: 'Ewa Realizacja',
    },
    manager: {
      login: 'e2e-tb-manager',
      password: 'haslo-e2e-tb-2',
      roles: ['managers'],
      displayName: 'Jan Kierownik',
    },
  };

  beforeAll(async () => {
    const config = testConfig({ WORKERS_ENABLED: 'false' });
    runtime = await startRuntime(config, createLogger(config), () => undefined, { now: clock.now });
    clock.attach(runtime);
    for (const person of Object.values(people)) {
      await createUserIfMissing(runtime.db, {
        ...person,
        position: 'Specjalista',
        site: 'Siedziba główna',
        roles: person.roles as never,
      });
    }
    browser = await launchBrowser();
  });

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

  async function login(page: Page, person: { login: string; password: string }, next: string) {
    await page.goto(`${runtime.url}${next}`);
    await page.waitForURL(/logowanie/);
    await page.getByLabel('Login').fill(person.login);
    await page.getByLabel('Hasło').fill(person.password);
    await page.getByRole('button', { name: 'Zaloguj' }).click();
  }

  it('exports, sends and settles a batch; a second person approves an account change', async () => {
    // a day of its own far ahead, so no other test's instalment shares the batch
    const day = `${2040 + Math.floor(Math.random() * 50)}-02-10`;
    const fixture = await grantedDecision(runtime.db, {
      amountGrosze: 48_000,
      from: `${day.slice(0, 7)}-01`,
      to: `${day.slice(0, 7)}-28`,
      method: 'transfer',
      account: '61109010140000071219812874',
    });
    await scheduleInstalments(runtime.db, fixture.decisionId);
    const queued = await queueInstalment(runtime.db, {
      decisionId: fixture.decisionId,
      instalmentNo: 1,
      payoutDate: day,
    });

    const context = await browser.newContext({ bypassCSP: true, locale: 'pl-PL' });
    const page = await context.newPage();
    await login(page, people.realisation, '/wyplaty');
    await page.waitForURL(/\/wyplaty$/);
    await checked(page, 'transfer-batches-list');
    await page.getByRole('link', { name: `${day}/P`, exact: true }).click();
    await page.waitForURL(new RegExp(`/wyplaty/${queued.batchId}$`));
    await checked(page, 'transfer-batch-open');
    await page.getByRole('button', { name: 'Eksportuj paczkę (zamroź plik)' }).click();
    await page.waitForURL(/info=exported/);
    await page.getByRole('button', { name: 'Oznacz jako wysłaną do banku' }).click();
    await page.waitForURL(/info=sent/);
    await checked(page, 'transfer-batch-sent');
    await page.getByRole('radio', { name: 'potwierdzona przez bank' }).check();
    await page.getByRole('button', { name: 'Zapisz wynik' }).click();
    await page.waitForURL(/info=settled/);
    expect(await page.getByText('rozliczona', { exact: true }).count()).toBe(1);
    const [instalment] = await runtime.db.query<{ status: string }>(
      'SELECT status FROM payout_instalments WHERE id = $1',
      [queued.instalmentId],
    );
    expect(instalment?.status).toBe('paid');

    // the realisation team works on the case: it files the client's new account on the case page …
    await teamWorkedOnCase(runtime.db, fixture.caseId, 'services-admin', clock.now());
    await page.goto(`${runtime.url}/sprawy/${fixture.caseId}`);
    await page.getByLabel('Nowy numer rachunku (NRB, 26 cyfr)').fill('27 1140 2004 0000 3002 0135 5387');
    await page
      .getByLabel('Skąd wiadomo o nowym rachunku (np. pismo klienta z dnia…)')
      .fill('Pismo klienta z 1 grudnia');
    await page.getByRole('button', { name: 'Złóż wniosek o zmianę' }).click();
    await page.waitForURL(/info=account-change-requested/);
    await checked(page, 'account-change-filed');

    // … and the manager approves it there
    const managerContext = await browser.newContext({ bypassCSP: true, locale: 'pl-PL' });
    const managerPage = await managerContext.newPage();
    await login(managerPage, people.manager, `/sprawy/${fixture.caseId}`);
    await managerPage.waitForURL(new RegExp(`/sprawy/${fixture.caseId}$`));
    await checked(managerPage, 'account-change-to-approve');
    await managerPage.getByRole('radio', { name: 'Zatwierdzam zmianę rachunku' }).check();
    await managerPage.getByRole('button', { name: 'Zapisz rozstrzygnięcie' }).click();
    await managerPage.waitForURL(/info=account-change-decided/);
    const [decision] = await runtime.db.query<{ payout_account: string }>(
      'SELECT payout_account FROM decisions WHERE id = $1',
      [fixture.decisionId],
    );
    expect(decision?.payout_account).toBe('27114020040000300201355387');
    await context.close();
    await managerContext.close();
  });
});
