import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createUserIfMissing } from '../../src/auth/users';
import { createLogger } from '../../src/logger';
import { startRuntime, type Runtime } from '../../src/runtime';
import { TestClient } from '../integration/http-client';
import { testConfig } from '../integration/test-config';
import { launchBrowser, screenshot, seriousViolations } from './browser';

/**
 * Issue 11, item 2 in a real browser, with the app's strict CSP on (no bypass): a process owner opens the decision
 * table editor (dmn-js), changes a routing rule, saves (lint clean), a second owner approves and deploys; the diagram
 * editor shows lint findings on the diagram; the diagram diff shows the change with markers. axe on every page.
 * The routing table is a test-only copy under its own keys, so the engine's `routing` decision stays as it is.
 */
describe('model editors in the browser', () => {
  let runtime: Runtime;
  let browser: Browser;
  const key = `e2e-routing-${randomUUID().slice(0, 8)}`;
  const resourceName = `${key}.dmn`;
  const people = {
    author: { login: 'e2e-models-author', password: 'haslo-e2e-models-1', displayName: 'Anna Autorka' },
    second: { login: 'e2e-models-second', password: 'haslo-e2e-models-2', displayName: 'Piotr Drugi' },
  };
  const problems: string[] = [];

  beforeAll(async () => {
    const config = testConfig({ WORKERS_ENABLED: 'false' });
    runtime = await startRuntime(config, createLogger(config), () => undefined);
    for (const person of Object.values(people))
      await createUserIfMissing(runtime.db, {
        ...person,
        position: 'Właściciel procesu',
        site: 'Siedziba główna',
        roles: ['process-owners'],
      });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await runtime?.stop();
  });

  async function open(
    person: { login: string; password: string },
    next: string,
  ): Promise<[BrowserContext, Page]> {
    const context = await browser.newContext({ locale: 'pl-PL', viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    // CSP violations and script errors fail the test: the editors must work under the app's strict policy
    page.on('console', (m) => {
      // a failed request is caught with its address below; Chromium's own /favicon.ico request (404) is not
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        problems.push(`${person.login}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${person.login}: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${person.login}: HTTP ${r.status()} ${r.url()}`);
    });
    await page.goto(`${runtime.url}${next}`);
    await page.waitForURL(/logowanie/);
    await page.getByLabel('Login').fill(person.login);
    await page.getByLabel('Hasło').fill(person.password);
    await page.getByRole('button', { name: 'Zaloguj' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/logowanie'));
    return [context, page];
  }

  async function checked(page: Page, name: string) {
    const violations = await seriousViolations(page);
    await screenshot(page, name);
    expect(
      violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }

  async function api(person: { login: string; password: string }) {
    const client = new TestClient(runtime.url);
    await client.login(person.login, person.password);
    return client;
  }

  it('changes a routing rule in the decision table editor; a second owner approves and deploys it', async () => {
    // version 1 of the test-only copy, deployed through the API with four eyes
    const routing = await readFile(path.join(__dirname, '../../bpmn/routing.dmn'), 'utf8');
    const copy = routing
      .replace('id="routing-definitions"', `id="${key}-definitions"`)
      .replaceAll('case-routing', `${key}-case`)
      .replaceAll('"#routing"', `"#${key}"`)
      .replaceAll('"routing"', `"${key}"`);
    const author = await api(people.author);
    const second = await api(people.second);
    const first = (await author.request('POST', '/api/models/drafts', { resourceName, content: copy }))
      .body as {
      id: string;
    };
    await second.request('POST', `/api/models/drafts/${first.id}/approval`);
    expect((await second.request('POST', `/api/models/drafts/${first.id}/deployment`)).status).toBe(201);

    // the author opens the list and the decision table editor
    const [authorContext, page] = await open(people.author, '/modele');
    await checked(page, 'models-list');
    await page.getByRole('link', { name: `Edytuj ${resourceName}` }).click();
    await page.waitForSelector('#model-editor[data-ready="true"]');
    const cell = page.locator('td[data-row-id="routing-rule-1"][data-col-id="routing-site"]');
    await cell.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('"rzps-9"');
    await page.locator('h1').click();
    await checked(page, 'models-dmn-editor');
    await page.getByRole('button', { name: 'Zapisz szkic i sprawdź' }).click();
    await page.waitForURL(/\/modele\/szkice\/[0-9a-f-]{36}\?zapisano=1$/);
    const draftId = /szkice\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.waitForSelector('#model-editor[data-ready="true"]');
    expect(await page.locator('#findings').innerText()).toBe('Brak uwag.');
    await checked(page, 'models-dmn-draft');
    // the author cannot approve their own draft: no button for them
    expect(await page.getByRole('button', { name: 'Zatwierdzam (druga para oczu)' }).count()).toBe(0);

    // the second owner sees the rule-level diff, approves and deploys
    const [secondContext, other] = await open(people.second, `/modele/szkice/${draftId}/roznice`);
    const changedRow = other.locator('tr.row-changed');
    expect(await changedRow.count()).toBe(1);
    expect(await changedRow.locator('del').innerText()).toBe('"rzps-1"');
    expect(await changedRow.locator('ins').innerText()).toBe('"rzps-9"');
    await checked(other, 'models-dmn-diff');
    await other.goto(`${runtime.url}/modele/szkice/${draftId}`);
    await other.waitForSelector('#model-editor[data-ready="true"]');
    await other.getByRole('button', { name: 'Zatwierdzam (druga para oczu)' }).click();
    await other.waitForURL(/info=approved/);
    await other.getByRole('button', { name: 'Wdróż do silnika' }).click();
    await other.waitForURL(/info=deployed/);
    expect(await other.getByRole('status').first().innerText()).toBe(`Wdrożono: ${key} v2, ${key}-case v2.`);
    await checked(other, 'models-dmn-deployed');

    // the engine routes by the new rule
    const results = await runtime.engine.evaluateDecision(key, {
      needKind: 'financial',
      reason: 'poverty',
      urgent: false,
      district: 'rejon-1',
    });
    expect(results).toContainEqual({ team: 'benefits', site: 'rzps-9' });
    await other.goto(`${runtime.url}/modele`);
    await checked(other, 'models-list-after');
    expect(await other.locator('#deployments ~ table tbody tr').first().innerText()).toContain(resourceName);
    await authorContext.close();
    await secondContext.close();
  });

  it('shows lint findings on the diagram and a diagram diff with markers; the form editor opens', async () => {
    const author = await api(people.author);
    const decision = await readFile(path.join(__dirname, '../../bpmn/decision.bpmn'), 'utf8');
    // a task without a name (bpmnlint: label-required) and a topic no worker serves (guard rails)
    const broken = decision
      .replace('name="Plan pomocy i projekt decyzji"', 'name=""')
      .replace(/camunda:topic="([a-z-]+)"/, 'camunda:topic="no-such-topic"');
    const draft = (
      await author.request('POST', '/api/models/drafts', { resourceName: 'decision.bpmn', content: broken })
    ).body as { id: string; findings: { element?: string }[] };
    expect(draft.findings.map((f) => f.element)).toContain('prepare-decision');

    const [context, page] = await open(people.author, `/modele/szkice/${draft.id}`);
    await page.waitForSelector('#model-editor[data-ready="true"]');
    await page.waitForSelector('.lint-badge');
    expect(await page.locator('[data-element-id="prepare-decision"].lint-error').count()).toBe(1);
    expect(await page.locator('#findings li.finding-error').count()).toBeGreaterThanOrEqual(2);
    await checked(page, 'models-bpmn-editor-findings');

    await page.goto(`${runtime.url}/modele/szkice/${draft.id}/roznice`);
    await page.waitForSelector('#model-diff[data-ready="true"]');
    expect(await page.locator('#diff-after .diff-changed[data-element-id="prepare-decision"]').count()).toBe(
      1,
    );
    await checked(page, 'models-bpmn-diff');
    // the author drops the broken draft
    await page.goto(`${runtime.url}/modele/szkice/${draft.id}`);
    await page.getByRole('button', { name: 'Odrzuć szkic' }).click();
    await page.waitForURL(/\/modele$/);

    await page.goto(`${runtime.url}/modele/edytor/receive-application.form`);
    await page.waitForSelector('#model-editor[data-ready="true"]');
    await screenshot(page, 'models-form-editor');
    expect(await page.locator('.fjs-editor-container').count()).toBe(1);
    expect(await page.locator('.fjs-editor-container [data-id]').count()).toBeGreaterThan(3);
    await checked(page, 'models-form-editor');
    await context.close();
    // the policy stays strict: the libraries' few inline style attributes are blocked (the editors work without
    // them, as the screenshots show); any other error — a blocked script, a failed request, an exception — fails
    expect(problems.filter((p) => !/Applying inline style violates .*style-src 'self'/.test(p))).toEqual([]);
  });
});
