import type { Browser, Page } from 'playwright-core';
import { createUserIfMissing } from '../../src/auth/users';
import { createLogger } from '../../src/logger';
import { startRuntime, type Runtime } from '../../src/runtime';
import { testConfig } from '../integration/test-config';
import { launchBrowser, screenshot, seriousViolations } from './browser';

/**
 * People in a real browser: first contact starts an application and fills the intake, the benefits officer sees
 * the case behind the task, opens the case file and completes the review. axe runs on every page.
 */
describe('first slice in the browser', () => {
  let runtime: Runtime;
  let browser: Browser;
  const axeReport: Record<string, number> = {};
  const people = {
    clerk: {
      login: 'e2e-clerk',
      password: 'haslo-e2e-12345',
      roles: ['first-contact'],
      displayName: 'Anna Recepcja',
    },
    officer: {
      login: 'e2e-officer',
      password: 'haslo-e2e-67890',
      roles: ['benefits'],
      displayName: 'Jan Świadczenia',
    },
  };

  beforeAll(async () => {
    const config = testConfig();
    runtime = await startRuntime(config, createLogger(config), () => undefined);
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
    console.log(`axe (serious+critical) per page: ${JSON.stringify(axeReport)}`);
    await browser?.close();
    await runtime?.stop();
  });

  async function checked(page: Page, name: string) {
    const violations = await seriousViolations(page);
    axeReport[name] = violations.length;
    await screenshot(page, name);
    expect(
      violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }

  async function login(page: Page, person: { login: string; password: string }) {
    await page.goto(`${runtime.url}/zadania`);
    await page.waitForURL(/logowanie/);
    await page.getByLabel('Login').fill(person.login);
    await page.getByLabel('Hasło').fill(person.password);
    await page.getByRole('button', { name: 'Zaloguj' }).click();
    await page.waitForURL(/\/zadania/);
  }

  async function waitForRow(page: Page, text: string) {
    for (let i = 0; i < 50; i += 1) {
      if ((await page.getByRole('link', { name: text }).count()) > 0) return;
      await page.waitForTimeout(300);
      await page.reload();
    }
    throw new Error(`brak zadania „${text}” na liście`);
  }

  it('takes an application from first contact to the benefits review', async () => {
    const context = await browser.newContext({ bypassCSP: true, locale: 'pl-PL' });
    const page = await context.newPage();

    // the login page and the clerk's inbox
    await page.goto(`${runtime.url}/logowanie`);
    await checked(page, '01-logowanie');
    await login(page, people.clerk);
    await page.getByRole('link', { name: 'Nowy wniosek' }).click();
    await checked(page, '02-nowy-wniosek');
    await page.getByRole('button', { name: 'Rozpocznij' }).click();
    await waitForRow(page, 'Przyjęcie wniosku');
    await checked(page, '03-skrzynka-pierwszy-kontakt');

    // the intake: a wrong PESEL is named and what was typed stays
    await page
      .getByRole('button', { name: /Przejmij/ })
      .first()
      .click();
    await page.getByLabel('Imię').fill('Zofia');
    await page.getByLabel('Nazwisko').fill('Żółćińska');
    await page.getByLabel(/PESEL/).fill('44051401358');
    await page.getByLabel(/potrzeba/).fill('Brak środków na opał');
    await page.getByRole('button', { name: 'Zakończ zadanie' }).click();
    await page.getByText('błędna cyfra kontrolna PESEL').waitFor({ timeout: 5000 });
    expect(await page.getByLabel('Nazwisko').inputValue()).toBe('Żółćińska');
    await checked(page, '04-formularz-blad-pesel');
    await page.getByLabel(/PESEL/).fill('44051401359');
    await page.getByRole('button', { name: 'Zakończ zadanie' }).click();
    await page.waitForURL(/\/zadania\?info=/);
    await page.getByRole('button', { name: 'Wyloguj' }).click();

    // the benefits officer sees the case behind the task and opens the case file
    await login(page, people.officer);
    await waitForRow(page, 'Rozpatrzenie wniosku');
    await page
      .getByRole('link', { name: /MOPS\.ŚW\.5011/ })
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(async () => {
        await page.reload();
      });
    await checked(page, '05-skrzynka-swiadczenia');
    await page
      .getByRole('link', { name: /MOPS\.ŚW\.5011/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /Sprawa MOPS/ }).waitFor();
    await page.locator('#diagram .djs-element').first().waitFor({ timeout: 15_000 });
    await checked(page, '06-akta-sprawy');
    await page.goBack();

    await page
      .getByRole('button', { name: /Przejmij/ })
      .first()
      .click();
    await page.getByLabel('Przyznać').check();
    await checked(page, '07-rozpatrzenie');
    await page.getByRole('button', { name: 'Zakończ zadanie' }).click();
    await page.waitForURL(/\/zadania\?info=/);
    await context.close();
  });
});
