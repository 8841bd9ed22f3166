import type { StepFigures } from '../../src/domain/process-figures';
import type { WaitingCase } from '../../src/monitoring/process-view';
import type { Runtime } from '../../src/runtime';
import { i18nFor } from '../../src/i18n';
import { durationText } from '../../src/web/views/monitoring/duration-text';
import { loginAs, startTestRuntime } from './test-runtime';
import type { TestClient } from './http-client';
import { eventually } from './http-client';
import type { TestClock } from './test-clock';
import { seedMonitoringCases, type MonitoringSeed } from './monitoring-fixtures';

/**
 * The managers' process view on the real engine and PostgreSQL (issue 12, items 1, 6, 7): four cases of the
 * `it-monitoring` fixture seeded at known steps with a moved clock (monitoring-fixtures.ts); the counts come from the
 * engine's activity statistics, the median from the finished steps, the lists from the projection and case file.
 */
describe('process view: counts, median and the cases behind them', () => {
  let runtime: Runtime;
  let clock: TestClock;
  let seed: MonitoringSeed;
  let manager: TestClient;
  let analyst: TestClient;

  beforeAll(async () => {
    const started = await startTestRuntime({ workers: false, fixtures: true });
    runtime = started.runtime;
    clock = started.clock;
    seed = await seedMonitoringCases(runtime, clock);
    manager = await loginAs(runtime, 'it-mon-manager', ['managers']);
    analyst = await loginAs(runtime, 'it-mon-analyst', ['analysts']);
  }, 120_000);

  afterAll(async () => {
    if (runtime) await clock.resetAfterStop();
  });

  const steps = async (client: TestClient) => {
    const res = await client.request(
      'GET',
      `/api/monitoring/processes/${encodeURIComponent(seed.definitionId)}`,
    );
    expect(res.status).toBe(200);
    return (res.body as { steps: StepFigures[] }).steps;
  };
  const waiting = async (client: TestClient, element: string) => {
    const res = await client.request(
      'GET',
      `/api/monitoring/processes/${encodeURIComponent(seed.definitionId)}/elements/${element}/cases`,
    );
    expect(res.status).toBe(200);
    return (res.body as { items: WaitingCase[] }).items;
  };

  it('lists the fixture among the deployed versions with its running instances and incident', async () => {
    const res = await manager.request('GET', '/api/monitoring/processes');
    const version = (
      res.body as { items: { id: string; runningInstances: number; incidents: number }[] }
    ).items.find((v) => v.id === seed.definitionId);
    expect(version).toEqual(expect.objectContaining({ runningInstances: 4, incidents: 1 }));
  });

  it('counts the cases waiting and the incidents per step, and the median time of the assessment', async () => {
    const figures = await eventually(async () => {
      const rows = await steps(manager);
      // the projection has the three finished assessments once the feed delivered them
      return (rows.find((s) => s.elementId === 'assess')?.finished ?? 0) >= 3 ? rows : undefined;
    }, 'figury kroków');
    const byId = new Map(figures.map((s) => [s.elementId, s]));
    expect(figures.map((s) => s.elementId)).toEqual(['assess', 'send', 'approve']);
    expect(byId.get('assess')).toEqual(
      expect.objectContaining({ name: 'Ocena wniosku', active: 1, incidents: 0 }),
    );
    expect(byId.get('send')).toEqual(
      expect.objectContaining({ name: 'Wysyłka pisma', active: 1, incidents: 1 }),
    );
    expect(byId.get('approve')).toEqual(
      expect.objectContaining({
        name: 'Zatwierdzenie',
        active: 2,
        incidents: 0,
        medianMs: null,
        finished: 0,
      }),
    );
    // 1 h, 2 h and 5 h (the same three every run): the median is 2 h, to the minute (the moved clock keeps running)
    const assess = byId.get('assess')!;
    expect(assess.finished % 3).toBe(0);
    expect(Math.round((assess.medianMs ?? 0) / 60_000)).toBe(120);
  });

  it('lists the cases waiting at a step with the person, team, holder and since when, and audits the read', async () => {
    const before = await auditCount('monitoring-waiting-cases');
    const rows = await waiting(manager, 'approve');
    const [a, b] = seed.atApprove;
    expect(rows).toEqual([
      {
        caseId: a.caseId,
        caseNumber: a.caseNumber,
        personName: 'Ewa Poufna',
        restricted: false,
        teams: ['managers'],
        assignee: seed.holder.login,
        assigneeName: seed.holder.displayName,
        since: seed.approveSince[0],
        processInstanceId: a.processInstanceId,
      },
      {
        caseId: b.caseId,
        caseNumber: b.caseNumber,
        personName: 'Ewa Poufna',
        restricted: false,
        teams: ['managers'],
        assignee: null,
        assigneeName: null,
        since: seed.approveSince[1],
        processInstanceId: b.processInstanceId,
      },
    ]);
    expect(await auditCount('monitoring-waiting-cases')).toBe(before + 1);
    const [audit] = await runtime.db.query<{
      entity_id: string;
      details: { channel: string; found: string[] };
    }>(
      `SELECT entity_id, details FROM audit_log WHERE action = 'monitoring-waiting-cases' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual({
      entity_id: `${seed.definitionId}/approve`,
      details: { channel: 'api', found: [a.caseId, b.caseId] },
    });
  });

  it('shows an analyst the case of a Niebieska Karta without the person; a manager with', async () => {
    const forAnalyst = await waiting(analyst, 'assess');
    expect(forAnalyst.map((c) => [c.caseNumber, c.personName, c.restricted, c.teams])).toEqual([
      [seed.atAssess.caseNumber, null, true, ['benefits']],
    ]);
    const forManager = await waiting(manager, 'assess');
    expect(forManager.map((c) => [c.caseNumber, c.personName, c.restricted])).toEqual([
      [seed.atAssess.caseNumber, 'Ewa Poufna', false],
    ]);
  });

  it('renders the page with the figures table and, for a chosen step, the cases linking to the case page', async () => {
    const res = await manager.request(
      'GET',
      `/monitoring/procesy/${encodeURIComponent(seed.definitionId)}?element=send`,
    );
    expect(res.status).toBe(200);
    const html = String(res.body);
    expect(html).toContain('<th scope="row">Wysyłka pisma</th>');
    expect(html).toContain(`href="/sprawy/${seed.withIncident.caseId}">${seed.withIncident.caseNumber}</a>`);
    // the median as people read it, in the row of its step (2 godz. on a fresh database)
    const assess = (await steps(manager)).find((s) => s.elementId === 'assess')!;
    expect(html).toContain(`<td>${durationText(i18nFor('pl'), assess.medianMs ?? 0)}</td>`);
    const hub = await manager.request('GET', '/monitoring');
    for (const href of [
      '/monitoring/procesy',
      '/monitoring/terminy',
      '/monitoring/obciazenie',
      '/monitoring/reforma',
      '/monitoring/przeplyw',
      '/raporty',
    ])
      expect(String(hub.body)).toContain(`href="${href}"`);
  });

  it('guards roles and input: process owners see the figures, not the people; others nothing; bad ids are 400/404', async () => {
    const owner = await loginAs(runtime, 'it-mon-owner', ['process-owners']);
    const clerk = await loginAs(runtime, 'it-mon-clerk', ['benefits']);
    const id = encodeURIComponent(seed.definitionId);
    expect((await owner.request('GET', `/api/monitoring/processes/${id}`)).status).toBe(200);
    expect(
      (await owner.request('GET', `/api/monitoring/processes/${id}/elements/approve/cases`)).status,
    ).toBe(403);
    expect((await owner.request('GET', '/monitoring')).status).toBe(403);
    expect((await clerk.request('GET', `/api/monitoring/processes/${id}`)).status).toBe(403);
    expect((await clerk.request('GET', '/monitoring/procesy')).status).toBe(403);
    const bad = await manager.request(
      'GET',
      `/api/monitoring/processes/${id}/elements/${encodeURIComponent('<x>')}/cases`,
    );
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { field: string } }).error.field).toBe('elementId');
    const unknown = await manager.request('GET', '/api/monitoring/processes/it-monitoring:999:nope');
    expect(unknown.status).toBe(404);
  });

  it('a retry of an incident writes exactly one audit row: who, which incident, which case and step', async () => {
    const before = await auditCount('incident-retried');
    const res = await manager.request('POST', `/api/incidents/${seed.incidentKey}/retry`);
    expect(res.status).toBe(204);
    expect(await auditCount('incident-retried')).toBe(before + 1);
    const [row] = await runtime.db.query<{
      login: string;
      entity_id: string;
      details: Record<string, unknown>;
    }>(
      `SELECT u.login, a.entity_id, a.details FROM audit_log a JOIN users u ON u.id = a.user_id
        WHERE a.action = 'incident-retried' ORDER BY a.id DESC LIMIT 1`,
    );
    expect(row).toEqual({
      login: 'it-mon-manager',
      entity_id: seed.incidentKey,
      details: {
        caseId: seed.withIncident.caseId,
        processInstanceKey: seed.withIncident.processInstanceId,
        elementId: 'send',
        errorType: 'failedExternalTask',
        errorMessage: 'Drukarka kancelarii nie odpowiada',
      },
    });
  });

  async function auditCount(action: string): Promise<number> {
    const [row] = await runtime.db.query<{ n: string }>(
      'SELECT count(*) AS n FROM audit_log WHERE action = $1',
      [action],
    );
    return Number(row?.n);
  }
});
