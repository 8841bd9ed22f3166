import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { createUserIfMissing } from '../../src/auth/users';
import { createLogger } from '../../src/logger';
import { startRuntime, type Runtime } from '../../src/runtime';
import { seedCompletedTask, seedFlowCase } from '../integration/monitoring-reform-fixtures';
import { TestClock } from '../integration/test-clock';
import { testConfig } from '../integration/test-config';
import { launchBrowser, screenshot, seriousViolations } from './browser';

/**
 * The reform's measure and the flow of applications in a real browser (issue 12 items 4, 5, 7, 9): a manager reads
 * the split and its shift for a team, follows a figure to the tasks behind it and on to the case page, reads the
 * flow's median, and a process owner opens the classification. axe on every page; screenshots in colour and in grey
 * scale (test-artifacts/e2e/) to check the charts read without colour.
 */
describe('reform measure and flow in the browser', () => {
  let runtime: Runtime;
  let browser: Browser;
  const clock = new TestClock();
  const tag = randomUUID().slice(0, 6);
  const team = `e2e-team-${tag}`;
  const people = {
    manager: {
      login: `e2e-rf-mgr-${tag}`,
      password: 'haslo-e2e-rf-1',
      roles: ['managers'],
      displayName: 'Irena Kierownik',
    },
    owner: {
      login: `e2e-rf-own-${tag}`,
      password: 'haslo-e2e-rf-2',
      roles: ['process-owners'],
      displayName: 'Piotr Właściciel',
    },
    worker: {
      login: `e2e-rf-wrk-${tag}`,
      password: 'haslo-e2e-rf-3',
      roles: [team],
      displayName: 'Anna Socjalna',
    },
  };
  let caseId = '';
  let caseNumber = '';

  beforeAll(async () => {
    const config = testConfig({ WORKERS_ENABLED: 'false' });
    runtime = await startRuntime(config, createLogger(config), () => undefined, { now: clock.now });
    clock.attach(runtime);
    await runtime.db.query(
      `INSERT INTO teams (id, department_id, role_id, name) VALUES ($1, 'dzial-pomocy-srodowiskowej', $1, 'Zespół Pracy Środowiskowej')`,
      [team],
    );
    for (const person of Object.values(people)) {
      await createUserIfMissing(runtime.db, {
        ...person,
        position: 'Specjalista',
        site: 'Siedziba główna',
        roles: person.roles as never,
      });
    }
    // the flow: four applications in May 2024 (decision after 9, 14 and 30 days)
    const first = await seedFlowCase(runtime.db, {
      applied: '2024-05-06',
      interview: '2024-05-08',
      decision: '2024-05-15',
      paid: '2024-05-31T10:00:00Z',
      outcome: 'grant',
      district: 'rejon-1',
      teams: ['benefits'],
    });
    ({ caseId, caseNumber } = first);
    await seedFlowCase(runtime.db, {
      applied: '2024-05-07',
      interview: '2024-05-14',
      decision: '2024-05-21',
      paid: null,
      outcome: 'refuse',
      district: 'rejon-2',
      teams: ['benefits'],
    });
    await seedFlowCase(runtime.db, {
      applied: '2024-05-13',
      interview: '2024-05-20',
      decision: '2024-06-12',
      paid: '2024-06-28T10:00:00Z',
      outcome: 'grant',
      district: 'rejon-2',
      teams: ['benefits', 'social-work'],
    });
    await seedFlowCase(runtime.db, {
      applied: '2024-05-27',
      interview: null,
      decision: null,
      paid: null,
      outcome: null,
      district: null,
      teams: ['social-work'],
    });
    // the reform: the worker's January 2025 is 75 % administrative, her February 75 % social work
    const worker = people.worker.login;
    const tasks = [
      ['prepare-decision', '2025-01-14T08:00:00Z', '2025-01-14T08:00:00Z', '2025-01-14T14:00:00Z'],
      ['family-interview', '2025-01-15T09:00:00Z', null, '2025-01-15T11:00:00Z'],
      ['prepare-decision', '2025-02-10T07:00:00Z', '2025-02-10T08:00:00Z', '2025-02-10T10:00:00Z'],
      ['social-diagnosis', '2025-02-11T08:00:00Z', '2025-02-11T09:00:00Z', '2025-02-11T15:00:00Z'],
      ['assign-family-assistant', '2025-02-12T08:00:00Z', '2025-02-12T08:00:00Z', '2025-02-12T08:30:00Z'],
    ] as const;
    for (const [element, created, claimed, completed] of tasks)
      await seedCompletedTask(runtime.db, {
        person: worker,
        group: team,
        element,
        created,
        claimed,
        completed,
        rootInstance: first.processInstanceKey,
      });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (runtime) await clock.resetAfterStop();
  });

  async function checked(page: Page, name: string) {
    const violations = await seriousViolations(page);
    await screenshot(page, name);
    // the same page in grey scale: the series must still be told apart (patterns, lightness, direct labels)
    await page.addStyleTag({ content: 'html { filter: grayscale(1); }' });
    await screenshot(page, `${name}-grey`);
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

  it('a manager reads the split and its shift, follows a figure to the tasks and on to the case, and reads the flow', async () => {
    const context = await browser.newContext({
      bypassCSP: true,
      locale: 'pl-PL',
      viewport: { width: 1400, height: 900 },
    });
    const page = await context.newPage();
    await login(page, people.manager, `/monitoring/reforma?team=${team}`);
    await page.waitForURL(/\/monitoring\/reforma/);
    // January 2025: 6 h / 8 h administrative, 2 h social work; February: 2 h, 6 h, 0,5 h other
    await expect(page.locator('p.headline').innerText()).resolves.toBe(
      'Praca socjalna: 25 % w miesiącu styczeń 2025, 70,6 % w miesiącu luty 2025 (+45,6 pkt proc.); administracja: 75 % → 23,5 % (−51,5 pkt proc.).',
    );
    await expect(
      page.getByRole('img', { name: 'Podział czasu: pierwszy miesiąc z danymi i ostatni' }).count(),
    ).resolves.toBe(1);
    await checked(page, 'monitoring-reform');

    // the February social-work hours of the worker → the tasks behind them → the case page
    const people_ = page.locator('section[aria-labelledby="reform-people"] .chart-data');
    await people_.getByRole('link', { name: '6 h' }).click();
    await page.waitForURL(/\/monitoring\/reforma\/zadania/);
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
    await expect(page.locator('tbody tr td').nth(7).innerText()).resolves.toBe('6 h 0 min');
    await checked(page, 'monitoring-reform-tasks');
    await page.getByRole('link', { name: caseNumber }).click();
    await page.waitForURL(new RegExp(`/sprawy/${caseId}$`));
    await expect(page.locator('h1').innerText()).resolves.toContain(caseNumber);

    await page.goto(`${runtime.url}/monitoring/przeplyw?from=2024-05-01&to=2024-05-31`);
    // decisions after 9, 14 and 30 days: median 14, p90 30
    const decisionRow = page.locator('section[aria-labelledby="flow-stages"] tbody tr').nth(1);
    await expect(decisionRow.innerText()).resolves.toBe('Do decyzji\t3\t14 dni\t30 dni');
    await checked(page, 'monitoring-flow');
    await context.close();
  });

  it('a process owner opens the classification of task types', async () => {
    const context = await browser.newContext({ bypassCSP: true, locale: 'pl-PL' });
    const page = await context.newPage();
    await login(page, people.owner, '/monitoring/reforma/klasyfikacja');
    await page.waitForURL(/klasyfikacja/);
    await expect(page.getByLabel('Rodzinny wywiad środowiskowy').inputValue()).resolves.toBe('social-work');
    await checked(page, 'monitoring-reform-classification');
    await context.close();
  });
});
