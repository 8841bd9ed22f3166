import type { Browser, Page } from 'playwright-core';
import { createUserIfMissing } from '../../src/auth/users';
import { createLogger } from '../../src/logger';
import { startRuntime, type Runtime } from '../../src/runtime';
import { randomPesel as uniquePesel } from '../integration/job-context';
import { TestClock } from '../integration/test-clock';
import { testConfig } from '../integration/test-config';
import { launchBrowser, screenshot, seriousViolations } from './browser';

/**
 * Four people of four roles in a real browser take an application from first contact to a confirmed cash payout:
 * first contact, the benefits officer (interview, plan and draft), the manager (second pair of eyes) and the
 * cashier. axe runs on every page; screenshots go to test-artifacts/e2e/. The instalment is paid on its payout day
 * (the clocks of the engine and the app are moved there when it is still ahead).
 */
describe('the benefits path in the browser', () => {
  let runtime: Runtime;
  let browser: Browser;
  const clock = new TestClock();
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
    manager: {
      login: 'e2e-manager',
      password: 'haslo-e2e-24680',
      roles: ['managers'],
      displayName: 'Ewa Kierownik',
    },
    cashier: {
      login: 'e2e-cashier',
      password: 'haslo-e2e-13579',
      roles: ['cashiers'],
      displayName: 'Piotr Kasa',
    },
    admin: {
      login: 'e2e-admin',
      password: 'haslo-e2e-11223',
      roles: ['admins'],
      displayName: 'Olga Administratorka',
    },
  };

  beforeAll(async () => {
    const config = testConfig();
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
    console.log(`axe (serious+critical) per page: ${JSON.stringify(axeReport)}`);
    await browser?.close();
    if (runtime) await clock.resetAfterStop();
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

  async function logout(page: Page) {
    await page.getByRole('button', { name: 'Wyloguj' }).click();
    await page.waitForURL(/logowanie/);
  }

  /** Waits for the task of our case to reach the inbox, then claims it (which opens its page). */
  async function claim(page: Page, taskName: string, caseNumber?: string) {
    for (let i = 0; i < 60; i += 1) {
      const row = page
        .getByRole('row')
        .filter({ hasText: taskName })
        .filter({ hasText: caseNumber ?? taskName });
      if ((await row.count()) > 0) {
        await row
          .first()
          .getByRole('button', { name: /Przejmij/ })
          .click();
        await page.getByRole('heading', { name: taskName }).waitFor();
        return;
      }
      await page.waitForTimeout(300);
      await page.reload();
    }
    throw new Error(`brak zadania „${taskName}” na liście`);
  }

  /** Polls the database until the row is there (the engine's steps run asynchronously). */
  async function waitForRow<T>(sql: string, params: unknown[]): Promise<T> {
    for (let i = 0; i < 100; i += 1) {
      const [row] = await runtime.db.query<T & Record<string, unknown>>(sql, params);
      if (row) return row;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    throw new Error(`brak wiersza: ${sql}`);
  }

  async function submit(page: Page) {
    await page.getByRole('button', { name: 'Zakończ zadanie' }).click();
    await page.waitForURL(/\/zadania\?info=/);
  }

  it('takes an application from first contact to a confirmed cash payout, by four people', async () => {
    const context = await browser.newContext({ bypassCSP: true, locale: 'pl-PL' });
    const page = await context.newPage();
    const today = clock.today();

    // first contact
    await page.goto(`${runtime.url}/logowanie`);
    await checked(page, '01-logowanie');
    await login(page, people.clerk);
    // an information-only visit, on the one-screen first contact (with the live duplicate check by PESEL)
    await page.getByRole('link', { name: 'Pierwszy kontakt' }).click();
    await page.getByLabel('Tylko informacja').check();
    await page.getByLabel('Imię', { exact: true }).fill('Jan');
    await page.getByLabel('Nazwisko').fill('Pytający');
    await page.getByLabel(/PESEL/).fill('85010112345');
    await page.getByLabel(/PESEL/).press('Tab');
    await page.getByText(/Nowa osoba|Osoba jest już w ewidencji/).waitFor({ timeout: 5000 });
    await page.getByLabel('Potrzeba lub sprawa').fill('Pytanie o dodatek mieszkaniowy');
    await checked(page, '02a-pierwszy-kontakt');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByText('Wizyta zapisana').waitFor();
    await page.getByRole('link', { name: 'Nowy wniosek' }).click();
    await checked(page, '02-nowy-wniosek');
    await page.getByRole('button', { name: 'Rozpocznij' }).click();
    await checked(page, '03-skrzynka-pierwszy-kontakt');
    await claim(page, 'Rozmowa wstępna i przyjęcie zgłoszenia');
    // a person of her own: the process would send a known PESEL with an open case to the duplicate review
    const pesel = uniquePesel();
    const wrongPesel = `${pesel.slice(0, 10)}${(Number(pesel[10]) + 1) % 10}`;
    await page.getByLabel('Imię', { exact: true }).fill('Zofia');
    await page.getByLabel('Nazwisko').fill('Żółćińska');
    await page.getByLabel(/PESEL/).fill(wrongPesel);
    await page.getByLabel(/potrzeba/).fill('Brak środków na opał');
    await page.getByRole('button', { name: 'Zakończ zadanie' }).click();
    await page.getByText('błędna cyfra kontrolna PESEL').waitFor({ timeout: 5000 });
    expect(await page.getByLabel('Nazwisko').inputValue()).toBe('Żółćińska');
    await checked(page, '04-formularz-blad-pesel');
    await page.getByLabel(/PESEL/).fill(pesel);
    await page.getByLabel(/Rodzaj potrzeby/).selectOption('financial');
    await submit(page);
    await logout(page);

    // the benefits officer: interview, then plan and draft decision
    await login(page, people.officer);
    await claim(page, 'Rodzinny wywiad środowiskowy', 'Żółćińska');
    const caseNumber = (await page.locator('.case-aside h2 a').innerText()).trim();
    expect(caseNumber).toMatch(/^MOPS\.ŚW\.5011\./);
    await checked(page, '05-wywiad');
    await page.getByLabel('Data wywiadu').fill(today);
    await page.getByLabel('Liczba osób w gospodarstwie').fill('4');
    await page.getByLabel(/Dochód netto gospodarstwa/).fill('2000,00');
    await page.getByLabel(/Ustalenia wywiadu/).fill('Rodzina czteroosobowa, brak opału na zimę.');
    await submit(page);
    await claim(page, 'Plan pomocy i projekt decyzji', caseNumber);
    await page.getByText(/zasiłek okresowy od 646,00\s*zł do 1\s*292,00\s*zł/).waitFor();
    await page.getByLabel('Przyznać zasiłek okresowy').check();
    await page.getByLabel('Kwota miesięczna (zł)').fill('700,00');
    await page.getByLabel('Okres od').fill(`${today.slice(0, 7)}-01`);
    await page.getByLabel('Okres do').fill(today);
    await page.getByLabel('Gotówka w kasie').check();
    await page
      .getByLabel('Uzasadnienie faktyczne')
      .fill('Dochód rodziny poniżej kryterium, potrzeba zakupu opału.');
    await checked(page, '06-projekt-decyzji');
    await submit(page);
    await page
      .getByRole('link', { name: caseNumber })
      .first()
      .click()
      .catch(() => undefined);
    await logout(page);

    // the manager: second pair of eyes
    await login(page, people.manager);
    await claim(page, 'Zatwierdzenie i podpis decyzji (druga para oczu)', caseNumber);
    await checked(page, '07-zatwierdzenie');
    await page.getByLabel('Zatwierdzam i podpisuję').check();
    await submit(page);
    await logout(page);

    // first contact: the advice of delivery comes back and is recorded on the case page; the grant in full is
    // enforceable at once, the instalment goes on the cash list of its payout day (today once the 10th has passed;
    // else the clocks are moved to the day), and the client gets the payout slip
    await login(page, people.clerk);
    const caseRow = await waitForRow<{ id: string; process_instance_key: string }>(
      'SELECT c.id, c.process_instance_key FROM cases c JOIN decisions d ON d.case_id = c.id WHERE c.case_number = $1 AND d.dispatched_on IS NOT NULL',
      [caseNumber],
    );
    await page.goto(`${runtime.url}/sprawy/${caseRow.id}`);
    await page.getByLabel('Co się stało').selectOption('delivered');
    await page.getByLabel('Data zdarzenia').fill(today);
    await checked(page, '08a-doreczenie');
    await page.getByRole('button', { name: 'Zapisz zdarzenie' }).click();
    await page.getByText('Zdarzenie zapisane w aktach').waitFor();
    const listDay = await clock.reachPayoutDay(caseRow.process_instance_key, 1, today.slice(0, 7));
    await page.goto(`${runtime.url}/zadania`);
    await claim(page, 'Wydanie dowodu wypłaty klientowi', caseNumber);
    await page.getByLabel(/Numer dowodu wypłaty/).fill('KW 1/2026');
    await page.getByLabel(/Tożsamość sprawdzona/).check();
    await checked(page, '08b-dowod-wyplaty');
    await page.getByRole('button', { name: 'Zakończ zadanie' }).click();
    await page.waitForURL(/\/zadania\?info=/);
    await logout(page);

    // the cashier confirms the payout against the list
    await login(page, people.cashier);
    await claim(page, 'Wypłata w kasie według listy wypłat', caseNumber);
    await checked(page, '08-kasa');
    await page.getByLabel('Numer raty z listy wypłat').fill('1');
    await page.getByLabel(/Osoba odebrała kwotę/).check();
    await submit(page);
    await logout(page);

    // the officer opens the case file: the decision PDF is there and the diagram shows the case at its end
    await login(page, people.officer);
    await page.goto(`${runtime.url}/zadania?q=${encodeURIComponent(caseNumber)}`);
    const [row] = await runtime.db.query<{ id: string }>('SELECT id FROM cases WHERE case_number = $1', [
      caseNumber,
    ]);
    await page.goto(`${runtime.url}/sprawy/${row!.id}`);
    await page.getByRole('link', { name: /^decyzja-/ }).waitFor({ timeout: 15_000 });
    await page.locator('#diagram .djs-element').first().waitFor({ timeout: 15_000 });
    await checked(page, '09-akta-sprawy');
    // the same case file in English, switched with the form in the page header (axe on the English pages too)
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: `Case ${caseNumber}` }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.locator('#diagram .djs-element').first().waitFor({ timeout: 15_000 });
    await checked(page, '10-case-file-en');
    await page.getByRole('link', { name: 'Tasks' }).click();
    await page.getByRole('heading', { name: 'Tasks' }).waitFor();
    await checked(page, '11-inbox-en');
    const [instalment] = await runtime.db.query<{ status: string; kind: string; payout_date: string }>(
      `SELECT i.status, b.kind, b.payout_date FROM payout_instalments i JOIN decisions d ON d.id = i.decision_id
         JOIN payout_batches b ON b.id = i.batch_id WHERE d.case_id = $1`,
      [row!.id],
    );
    expect(instalment).toEqual({ status: 'paid', kind: 'cash-list', payout_date: listDay });
    await context.close();
  });

  it('lets an administrator keep the accounts and the centre (organ, sites, districts) without code', async () => {
    const context = await browser.newContext({ bypassCSP: true, locale: 'pl-PL' });
    const page = await context.newPage();
    await login(page, people.admin);
    await page.getByRole('link', { name: 'Konta', exact: true }).click();
    await page.getByRole('heading', { name: 'Konta i role' }).waitFor();
    await checked(page, '12-konta');
    await page.getByRole('link', { name: 'Ośrodek', exact: true }).click();
    await page.getByRole('heading', { name: /Ośrodek: organ/ }).waitFor();
    // a street already in another district is refused, naming it, and what was typed stays
    const form = page.locator('form').filter({ has: page.getByRole('group', { name: 'Nowy rejon' }) });
    await form.getByLabel(/Identyfikator/).fill('rejon-e2e');
    await form.getByLabel('Nazwa rejonu').fill('Rejon testowy');
    await form.getByLabel(/Ulice/).fill('Leśna');
    await form.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByText(/ulica Leśna należy już do rejonu rejon-2/).waitFor();
    expect(
      await page.locator('form').filter({ hasText: 'Nowy rejon' }).getByLabel('Nazwa rejonu').inputValue(),
    ).toBe('Rejon testowy');
    await checked(page, '13-osrodek');
    await context.close();
  });
});
