import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../src/db/database';
import type { PreviewResult } from '../../src/models/model-preview';
import { BPMN_DIR } from '../../src/paths';
import type { Runtime } from '../../src/runtime';
import type { TestClient } from './http-client';
import { loginAs, startTestRuntime } from './test-runtime';

/**
 * „Try before it counts” (issue 11) on the real engine and PostgreSQL: a changed routing rule is evaluated on the
 * first-contact facts of past cases under a tenant of its own, and the engine keeps no trace of it afterwards.
 */
describe('preview of a changed model on past cases (real engine)', () => {
  let runtime: Runtime;
  let owner: TestClient;
  const tag = randomUUID().slice(0, 8);
  const district = `it-rejon-${tag}`;

  beforeAll(async () => {
    ({ runtime } = await startTestRuntime({ workers: false }));
    owner = await loginAs(runtime, `wlasciciel-${tag}`, ['process-owners']);
    await runtime.db.query(
      `INSERT INTO districts (id, centre_id, name, site_id) VALUES ($1, 'mops-przyklad', $2, 'siedziba')`,
      [district, `Rejon testowy ${tag}`],
    );
  });

  afterAll(async () => {
    await runtime.stop();
  });

  it('counts exactly the past cases a new routing rule sends elsewhere and leaves nothing in the engine', async () => {
    // given: five past cases in a district of this test, three of them for financial help, and one in rejon-1
    for (let i = 0; i < 3; i += 1)
      await pastCase(runtime.db, `${tag}-F${i}`, { needKind: 'financial', district });
    for (let i = 0; i < 2; i += 1)
      await pastCase(runtime.db, `${tag}-S${i}`, { needKind: 'social-work', district });
    await pastCase(runtime.db, `${tag}-R1`, { needKind: 'financial', district: 'rejon-1' });
    // … and a routing table with a new rule: financial help in that district goes to the services team too
    const routing = await readFile(path.join(BPMN_DIR, 'routing.dmn'), 'utf8');
    const changed = routing.replace(
      '</decisionTable>',
      `<rule id="routing-rule-it">
        <inputEntry id="it-need"><text>"financial"</text></inputEntry>
        <inputEntry id="it-reason"><text>-</text></inputEntry>
        <inputEntry id="it-urgent"><text>-</text></inputEntry>
        <inputEntry id="it-district"><text>"${district}"</text></inputEntry>
        <outputEntry id="it-team"><text>"services"</text></outputEntry>
        <outputEntry id="it-site"><text>"dzial-uslug"</text></outputEntry>
      </rule></decisionTable>`,
    );
    const latestBefore = await liveLatest(runtime);

    // when
    const res = await owner.request('POST', '/api/models/preview', {
      resourceName: 'routing.dmn',
      content: changed,
      months: 6,
    });

    // then: exactly the three financial cases of the district change, from → to
    expect(res.status).toBe(200);
    const result = res.body as PreviewResult;
    expect(result.engineRefusal).toBeNull();
    expect(result.findings).toEqual([]);
    expect(result.previewDefinitions.sort()).toEqual(['case-routing v1', 'routing v1']);
    expect(result.routing?.changed).toBe(3);
    expect(result.routing?.changes).toEqual([
      {
        from: 'benefits (rzps-2)',
        to: 'benefits (rzps-2), services (dzial-uslug)',
        count: 3,
        examples: expect.any(Array) as unknown,
      },
    ]);
    expect(result.routing?.changes[0]?.examples.map((e) => e.caseNumber).sort()).toEqual([
      `IT.${tag}-F0`,
      `IT.${tag}-F1`,
      `IT.${tag}-F2`,
    ]);
    expect(result.routing!.evaluated).toBeGreaterThanOrEqual(6);
    // the examples shown are reads of case data, on record
    const [audit] = await runtime.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_log a JOIN cases c ON c.id::text = a.entity_id
        WHERE a.action = 'case-read' AND a.details->>'via' = 'model-preview' AND c.case_number LIKE $1`,
      [`IT.${tag}-F%`],
    );
    expect(Number(audit?.n)).toBe(3);

    // no trace: the preview tenant has no deployment or definition left, the live versions are the same
    expect(await runtime.engine.tenantContents(result.tenantId)).toEqual({
      deployments: [],
      processDefinitions: [],
      decisionDefinitions: [],
    });
    expect(await liveLatest(runtime)).toEqual(latestBefore);
    // and the live table still routes as before
    expect(
      await runtime.engine.evaluateDecision('routing', {
        needKind: 'financial',
        reason: null,
        urgent: false,
        district,
      }),
    ).toEqual([{ team: 'benefits', site: 'rzps-2' }]);
  });

  it('shows the amounts a changed eligibility parameter changes, in grosze', async () => {
    // given: a single person with 1000 zł income — the periodic benefit is the 20 zł minimum
    const caseId = await pastCase(runtime.db, `${tag}-A1`, { needKind: 'financial', district: 'rejon-1' });
    await runtime.db.query(
      `INSERT INTO income_statements (case_id, income_month, household_size, household_income_grosze, income_per_person_grosze)
       VALUES ($1, '2026-11', 1, 100000, 100000)`,
      [caseId],
    );
    const dmn = await readFile(path.join(BPMN_DIR, 'social-assistance.dmn'), 'utf8');
    const changed = dmn.replace(
      '<outputEntry id="parameters-2025-periodic-min"><text>2000</text></outputEntry>',
      '<outputEntry id="parameters-2025-periodic-min"><text>5000</text></outputEntry>',
    );
    expect(changed).not.toBe(dmn);

    const res = await owner.request('POST', '/api/models/preview', {
      resourceName: 'social-assistance.dmn',
      content: changed,
    });

    expect(res.status).toBe(200);
    const result = res.body as PreviewResult;
    const mine = result.amounts?.examples.filter((e) => e.caseId === caseId);
    expect(mine).toEqual([
      {
        caseId,
        caseNumber: `IT.${tag}-A1`,
        field: 'periodicMinGrosze',
        before: 2000,
        after: 5000,
        deltaGrosze: 3000,
      },
      {
        caseId,
        caseNumber: `IT.${tag}-A1`,
        field: 'periodicMaxGrosze',
        before: 2000,
        after: 5000,
        deltaGrosze: 3000,
      },
    ]);
    expect(result.notReplayed).toEqual(['dps-fee']);
    expect((await runtime.engine.tenantContents(result.tenantId)).decisionDefinitions).toEqual([]);
  });

  it('reports the guard rails of a changed diagram and removes its preview definitions', async () => {
    const payout = await readFile(path.join(BPMN_DIR, 'payout.bpmn'), 'utf8');
    const res = await owner.request('POST', '/api/models/preview', {
      resourceName: 'payout.bpmn',
      content: payout.replace('camunda:topic="pay-instalment"', 'camunda:topic="pay-instalmnet"'),
    });
    expect(res.status).toBe(200);
    const result = res.body as PreviewResult;
    expect(result.findings.map((f) => [f.resource, f.rule])).toEqual([['payout.bpmn', 'unserved-topic']]);
    expect(result.positions?.processKeys).toEqual(['mops-payout']);
    expect(result.positions?.removed).toEqual([]);
    expect(await runtime.engine.tenantContents(result.tenantId)).toEqual({
      deployments: [],
      processDefinitions: [],
      decisionDefinitions: [],
    });
  });

  it('lists the past cases standing in a step the changed diagram no longer has', async () => {
    // given: a test-only process (its own id) with one case waiting in „review”, which v2 drops
    const key = `it-preview-proc-${tag}`;
    const fixture = async (file: string) =>
      (await readFile(path.join(__dirname, 'fixtures', 'migration', file), 'utf8'))
        .replaceAll('id="it-migration"', `id="${key}"`)
        .replaceAll('bpmnElement="it-migration"', `bpmnElement="${key}"`);
    await runtime.engine.deploy([{ name: `${key}.bpmn`, content: await fixture('it-migration-v1.bpmn') }], {
      deploymentName: key,
    });
    const waiting = await runtime.engine.startProcess({ processKey: key, variables: { review: true } });
    const caseId = await pastCase(runtime.db, `${tag}-P1`, { needKind: 'social-work', district: 'rejon-1' });
    await runtime.db.query('UPDATE cases SET process_instance_key = $1 WHERE id = $2', [
      waiting.processInstanceId,
      caseId,
    ]);
    try {
      const res = await owner.request('POST', '/api/models/preview', {
        resourceName: `${key}.bpmn`,
        content: await fixture('it-migration-v2.bpmn'),
      });
      expect(res.status).toBe(200);
      const result = res.body as PreviewResult;
      expect(result.findings).toEqual([]);
      expect(result.previewDefinitions).toEqual([`${key} v1`]);
      expect(result.positions).toEqual({
        processKeys: [key],
        checked: 1,
        removed: [
          {
            caseId,
            caseNumber: `IT.${tag}-P1`,
            processKey: key,
            activityId: 'review',
            activityName: 'Przejrzyj wniosek',
          },
        ],
      });
      // the live definition is untouched: the instance still waits in review on v1, the only version without a tenant
      expect((await runtime.engine.tenantContents(result.tenantId)).processDefinitions).toEqual([]);
      expect(
        (await runtime.engine.definitionVersions())
          .filter((v) => v.key === key)
          .map((v) => [v.version, v.runningInstances]),
      ).toEqual([[1, 1]]);
    } finally {
      await runtime.engine.deleteProcessInstance(waiting.processInstanceId, 'koniec testu podglądu');
    }
  });

  it('refuses bad input naming the field, and anyone but a process owner', async () => {
    const res = await owner.request('POST', '/api/models/preview', {
      resourceName: 'routing.dmn',
      months: 6,
    });
    expect(res.status).toBe(400);
    expect((res.body as { error: { field: string } }).error.field).toBe('content');
    const months = await owner.request('POST', '/api/models/preview', {
      resourceName: 'routing.dmn',
      content: '<definitions></definitions>',
      months: 0,
    });
    expect((months.body as { error: { field: string } }).error.field).toBe('months');
    const clerk = await loginAs(runtime, `urzednik-${tag}`, ['benefits']);
    expect((await clerk.request('POST', '/api/models/preview', {})).status).toBe(403);
  });
});

/** A case opened now with the given first-contact facts (as the first-contact screen stores them). */
async function pastCase(
  db: Database,
  number: string,
  facts: { needKind: string; district: string; reason?: string; urgent?: boolean },
): Promise<string> {
  const [client] = await db.query<{ id: string }>(
    `INSERT INTO clients (first_name, last_name) VALUES ('Anna', 'Przeszła') RETURNING id`,
  );
  const [intake] = await db.query<{ id: string }>(
    `INSERT INTO intakes (user_task_key, first_name, last_name, need, need_kind, aid_reason, district_id)
     VALUES ($1, 'Anna', 'Przeszła', 'pomoc', $2, $3, $4) RETURNING id`,
    [`it-preview-${number}`, facts.needKind, facts.reason ?? null, facts.district],
  );
  const [kase] = await db.query<{ id: string }>(
    `INSERT INTO cases (case_number, client_id, intake_id, process_instance_key, need, urgent, district_id)
     VALUES ($1, $2, $3, $4, 'pomoc', $5, $6) RETURNING id`,
    [`IT.${number}`, client?.id, intake?.id, `it-preview-${number}`, facts.urgent ?? false, facts.district],
  );
  return String(kase?.id);
}

/** The latest version of every definition key no tenant owns (what live processes resolve). */
async function liveLatest(runtime: Runtime): Promise<Record<string, number>> {
  const latest: Record<string, number> = {};
  for (const v of await runtime.engine.definitionVersions())
    latest[`${v.kind}:${v.key}`] = Math.max(latest[`${v.kind}:${v.key}`] ?? 0, v.version);
  return latest;
}
