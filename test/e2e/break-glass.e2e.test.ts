import type { Browser, Page } from 'playwright-core';
import { createUserIfMissing } from '../../src/auth/users';
import { i18nFor } from '../../src/i18n';
import { createLogger } from '../../src/logger';
import { startRuntime, type Runtime } from '../../src/runtime';
import { clientCase } from '../integration/case-file-fixtures';
import { randomPesel } from '../integration/job-context';
import { TestClock } from '../integration/test-clock';
import { testConfig } from '../integration/test-config';
import { launchBrowser, screenshot, seriousViolations } from './browser';

/**
 * Break-glass in a real browser (issue 10 item 6): a benefits officer follows a link to a Niebieska Karta case, gets
 * the neutral page, gives a reason too short and then a real one, and sees the file; the manager finds the read on
 * "Dostępy nadzwyczajne" through the navigation and filters it by person. axe runs on every page.
 */
describe('break-glass in the browser', () => {
  let runtime: Runtime;
  let browser: Browser;
  const clock = new TestClock();
  const people = {
    officer: {
      login: 'e2e-bg-officer',
      password: 'haslo-e2e-bg-1',
      roles: ['benefits'],
      displayName: 'Marek Świadczenia',
    },
    manager: {
      login: 'e2e-bg-manager',
      password: 'haslo-e2e-bg-2',
      roles: ['managers'],
      displayName: 'Irena Kierownik',
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

  it('a benefits officer opens a violence-response case by break-glass; the manager sees the read', async () => {
    const { caseId, caseNumber } = await clientCase(runtime.db, { pesel: randomPesel(), violence: true });
    const reason = 'Policja zgłasza zagrożenie dziecka, sekcja NK nieobecna do rana';
    const context = await browser.newContext({ bypassCSP: true, locale: 'pl-PL' });
    const page = await context.newPage();

    // the link to the case: the neutral page, with the form
    await login(page, people.officer, `/sprawy/${caseId}`);
    await page.waitForURL(new RegExp(`/sprawy/${caseId}$`));
    await page.getByRole('heading', { name: 'Sprawa niedostępna' }).waitFor();
    await page.getByText('Nie ma takiej sprawy albo nie masz dostępu do jej akt.').waitFor();
    expect(await page.getByText(caseNumber).count()).toBe(0);
    await page.getByRole('heading', { name: 'Dostęp w trybie nadzwyczajnym (break-glass)' }).waitFor();
    await page.getByText(/zapisywany w dzienniku .* przeglądany przez kierownika/).waitFor();
    await checked(page, 'bg-01-sprawa-niedostepna');

    // too short: the error names the field, the text stays
    await page.getByLabel('Powód dostępu').fill('pilne');
    await page.getByRole('button', { name: 'Otwórz akta w trybie nadzwyczajnym' }).click();
    await page.getByRole('alert').filter({ hasText: 'Pole „Powód dostępu”' }).waitFor();
    expect(await page.getByLabel('Powód dostępu').inputValue()).toBe('pilne');
    expect(await page.getByLabel('Powód dostępu').getAttribute('aria-invalid')).toBe('true');
    await checked(page, 'bg-02-powod-za-krotki');

    // a real reason: the file, once
    await page.getByLabel('Powód dostępu').fill(reason);
    await page.getByRole('button', { name: 'Otwórz akta w trybie nadzwyczajnym' }).click();
    await page.getByRole('heading', { name: `Sprawa ${caseNumber}` }).waitFor();
    await page.getByText('Akta otwarte w trybie nadzwyczajnym').waitFor();
    await page.getByText('Ewa Poufna').waitFor();
    await checked(page, 'bg-03-akta-w-trybie-nadzwyczajnym');
    const audited = await runtime.db.query<{ at: Date }>(
      `SELECT at FROM audit_log WHERE action = 'case-read-break-glass' AND entity_id = $1`,
      [caseId],
    );
    expect(audited).toHaveLength(1);
    await page.getByRole('button', { name: 'Wyloguj' }).click();
    await page.waitForURL(/logowanie/);

    // the manager: the list from the navigation, filtered by the officer
    await login(page, people.manager, '/zadania');
    await page.waitForURL(/\/zadania/);
    await page.getByRole('link', { name: 'Dostępy nadzwyczajne' }).click();
    await page.getByRole('heading', { name: 'Dostępy nadzwyczajne' }).waitFor();
    await page.getByLabel('Osoba').selectOption(people.officer.login);
    await page.getByRole('button', { name: 'Pokaż' }).click();
    await page.waitForURL(/person=e2e-bg-officer/);
    const row = page.getByRole('row').filter({ hasText: caseNumber });
    expect(await row.count()).toBe(1);
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([
      i18nFor('pl').dateTime(audited[0]!.at),
      `${people.officer.displayName} (${people.officer.login})`,
      caseNumber,
      reason,
      'strona akt',
    ]);
    await checked(page, 'bg-04-dostepy-nadzwyczajne');
    // the link opens the case for the manager (managers read every case)
    await row.getByRole('link', { name: caseNumber }).click();
    await page.getByRole('heading', { name: `Sprawa ${caseNumber}` }).waitFor();
    await context.close();
  });
});
