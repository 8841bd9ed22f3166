import type { Browser, Page } from 'playwright-core';
import { createUserIfMissing } from '../../src/auth/users';
import { addWorkingDays } from '../../src/domain/calendar';
import { warsawDateTime } from '../../src/domain/warsaw-time';
import type { Runtime } from '../../src/runtime';
import { eventually, type TestClient } from '../integration/http-client';
import { randomPesel } from '../integration/job-context';
import type { TestClock } from '../integration/test-clock';
import { loginAs, startTestRuntime } from '../integration/test-runtime';
import { launchBrowser, screenshot, seriousViolations } from './browser';

/**
 * Deadlines and workload in a real browser (issue 12 items 2–3): a Niebieska Karta transfer nobody holds is at risk;
 * the manager reassigns it from "Co się spóźni", then (three working days after its term) sees it late with its
 * holder, and opens the workload with the drill-down to the team's tasks. axe on both pages.
 */
describe('deadlines and workload in the browser', () => {
  let runtime: Runtime;
  let clock: TestClock;
  let browser: Browser;
  let clerk: TestClient;
  const manager = { login: 'e2e-dl-manager', password: 'haslo-e2e-dl-1', displayName: 'Irena Kierownik' };

  beforeAll(async () => {
    ({ runtime, clock } = await startTestRuntime());
    clerk = await loginAs(runtime, 'e2e-dl-clerk', ['first-contact']);
    await createUserIfMissing(runtime.db, {
      ...manager,
      position: 'Kierownik',
      site: 'Siedziba główna',
      roles: ['managers'],
    });
    await createUserIfMissing(runtime.db, {
      login: 'e2e-dl-nk',
      password: 'haslo-e2e-dl-2',
      displayName: 'Joanna Sekcja',
      position: 'Specjalista',
      site: 'Siedziba główna',
      roles: ['violence-response'],
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
    expect(
      violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }

  async function apply(needKind: 'financial' | 'violence'): Promise<string> {
    const res = await clerk.request('POST', '/api/applications', {});
    const pi = (res.body as { processInstanceKey: string }).processInstanceKey;
    const intake = await eventually(async () => {
      const list = await clerk.request('GET', '/api/tasks?group=first-contact&pageSize=200');
      return (
        list.body as { items: { userTaskKey: string; rootProcessInstanceKey: string; elementId: string }[] }
      ).items.find((t) => t.rootProcessInstanceKey === pi && t.elementId === 'receive-application');
    }, 'przyjęcie wniosku');
    await clerk.request('POST', `/api/tasks/${intake.userTaskKey}/claim`);
    await clerk.request('POST', `/api/tasks/${intake.userTaskKey}/complete`, {
      firstName: 'Ewa',
      lastName: 'Terminowa',
      pesel: randomPesel(),
      need: needKind === 'violence' ? 'Przemoc w rodzinie' : 'Pomoc w opłatach',
      urgent: 'no',
      needKind,
    });
    return eventually(async () => {
      const [row] = await runtime.db.query<{ case_number: string }>(
        `SELECT c.case_number FROM cases c JOIN user_tasks t ON t.root_process_instance_key = c.process_instance_key
          WHERE c.process_instance_key = $1 AND t.element_id IN ('transfer-to-team', 'family-interview')`,
        [pi],
      );
      return row?.case_number;
    }, 'sprawa z zadaniem zespołu');
  }

  it('a manager sees a deadline at risk, reassigns it, and reads the workload', async () => {
    const day0 = clock.today();
    const violenceCase = await apply('violence');
    await apply('financial');
    const context = await browser.newContext({ bypassCSP: true, locale: 'pl-PL' });
    const page = await context.newPage();
    await page.goto(`${runtime.url}/monitoring/terminy?days=5`);
    await page.waitForURL(/logowanie/);
    await page.getByLabel('Login').fill(manager.login);
    await page.getByLabel('Hasło').fill(manager.password);
    await page.getByRole('button', { name: 'Zaloguj' }).click();
    await page.waitForURL(/\/monitoring\/terminy/);

    // "Co się spóźni": the NK-A transfer, 5 working days left, nobody holds it
    const atRisk = page.locator('#at-risk');
    const row = atRisk.getByRole('row').filter({ hasText: violenceCase });
    await expect(row.getByRole('cell').nth(4).innerText()).resolves.toBe('nieprzypisane');
    await expect(row.getByRole('cell').nth(6).innerText()).resolves.toBe('zostaje 5 dni roboczych');
    await checked(page, 'monitoring-deadlines-at-risk');

    await row.getByRole('combobox').selectOption('e2e-dl-nk');
    await row.getByRole('button', { name: 'Przekaż' }).click();
    await page.waitForURL(/przekazano=e2e-dl-nk/);
    await expect(page.getByRole('status').innerText()).resolves.toBe('Zadanie przekazano: Joanna Sekcja.');
    await expect(atRisk.getByRole('row').filter({ hasText: violenceCase }).count()).resolves.toBe(0);

    // three working days after the transfer's term: late, held by the person the manager chose
    await clock.pin(Date.parse(warsawDateTime(addWorkingDays(addWorkingDays(day0, 5), 3), '10:00')));
    await page.goto(`${runtime.url}/monitoring/terminy`);
    const late = page.locator('#kind-blue-card').getByRole('row').filter({ hasText: violenceCase });
    await expect(late.getByRole('cell').nth(3).innerText()).resolves.toBe('Joanna Sekcja');
    await expect(late.getByRole('cell').nth(5).innerText()).resolves.toBe('spóźnione o 3 dni robocze');
    await checked(page, 'monitoring-deadlines-late');

    // the workload: the team's figure drills down to its tasks
    await page.goto(`${runtime.url}/monitoring/obciazenie`);
    const team = page
      .locator('#workload-teams')
      .getByRole('row')
      .filter({ hasText: 'Sekcja Pomocy Specjalistycznej' });
    // the team's open tasks: this file's case, and any a file before it left open in the shared database
    const [open] = await runtime.db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM user_tasks WHERE state = 'CREATED' AND candidate_groups[1] = 'violence-response'`,
    );
    expect(Number(open!.n)).toBeGreaterThanOrEqual(1);
    await expect(team.getByRole('cell').first().innerText()).resolves.toBe(open!.n);
    await team.getByRole('link').first().click();
    await page.waitForURL(/team=violence-response/);
    await expect(
      page.locator('#drill-down').getByRole('row').filter({ hasText: violenceCase }).count(),
    ).resolves.toBe(1);
    await checked(page, 'monitoring-workload');
    await context.close();
  });
});
