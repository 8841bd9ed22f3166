import { randomUUID } from 'node:crypto';
import type { Runtime } from '../../src/runtime';
import { eventually, type TestClient } from './http-client';
import { seedCompletedTask, seedFlowCase, type FlowCaseSeed } from './monitoring-reform-fixtures';
import type { TestClock } from './test-clock';
import { loginAs, startTestRuntime } from './test-runtime';

interface SplitRow {
  month: string;
  key: string;
  tasks: number;
  seconds: { administrative: number; 'social-work': number; other: number };
  shares: { administrative: number; 'social-work': number; other: number };
}
interface Measure {
  centre: SplitRow[];
  teams: SplitRow[];
  people: SplitRow[];
  shift?: { first: SplitRow; latest: SplitRow; socialWorkPoints: number; administrativePoints: number };
}

const HOUR = 3_600_000;

/**
 * Issue 12 items 4, 5, 7, 9 (README, "Miara reformy", "Przepływ wniosków") on the real engine and PostgreSQL: a worker's
 * tasks claimed and completed at known instants of the engine's clock reach the projection through the feed and
 * give the hand-computed split; seeded tasks give the shift since the first month; seeded case files give the flow's
 * medians and 90th percentiles by value; every figure has its drill-down; bad parameters are 400s naming the field;
 * the classification is changed by a process owner only (CSRF, audit).
 */
describe('reform measure and flow of applications', () => {
  let runtime: Runtime;
  let clock: TestClock;
  const tag = randomUUID().slice(0, 8);
  const worker = `rf-worker-${tag}`;
  let workerClient: TestClient;
  let manager: TestClient;
  let analyst: TestClient;
  let owner: TestClient;

  beforeAll(async () => {
    ({ runtime, clock } = await startTestRuntime({ workers: false, fixtures: true }));
    workerClient = await loginAs(runtime, worker, ['benefits']);
    manager = await loginAs(runtime, `rf-manager-${tag}`, ['managers']);
    analyst = await loginAs(runtime, `rf-analyst-${tag}`, ['analysts']);
    owner = await loginAs(runtime, `rf-owner-${tag}`, ['process-owners']);
    // the test processes' task types, classified as a process owner would for a new model
    await runtime.db.query(
      `INSERT INTO task_classifications (task_key, category) VALUES ('review', 'administrative'), ('fill', 'social-work')
       ON CONFLICT (task_key) DO UPDATE SET category = EXCLUDED.category`,
    );
  });

  afterAll(async () => {
    await runtime.db.query(`DELETE FROM task_classifications WHERE task_key IN ('review', 'fill')`);
    await clock.resetAfterStop();
  });

  async function openTask(processInstanceId: string): Promise<string> {
    return eventually(async () => {
      const [row] = await runtime.db.query<{ user_task_key: string }>(
        `SELECT user_task_key FROM user_tasks WHERE process_instance_key = $1 AND state = 'CREATED'`,
        [processInstanceId],
      );
      return row?.user_task_key;
    }, 'zadanie w projekcji');
  }

  async function completedInProjection(key: string): Promise<void> {
    await eventually(async () => {
      const [row] = await runtime.db.query<{ completed_at: Date | null; assignee: string | null }>(
        `SELECT completed_at, assignee FROM user_tasks WHERE user_task_key = $1 AND state = 'COMPLETED'`,
        [key],
      );
      return row?.completed_at && row.assignee ? row : undefined;
    }, 'zakończenie w projekcji');
  }

  it('splits a worker’s month from the engine’s claim and completion instants: 2 h 30 min administrative, 5 h social work', async () => {
    // given the engine's clock on the 3rd of a month ahead, 08:00 UTC (09:00 in Warsaw)
    const ahead = new Date(clock.now().getTime() + 62 * 24 * HOUR);
    const month = ahead.toISOString().slice(0, 7);
    const t0 = Date.parse(`${month}-03T08:00:00Z`);
    await clock.pin(t0);
    const review = await runtime.engine.startProcess({ processKey: 'feed-burst', variables: {} });
    const fill = await runtime.engine.startProcess({ processKey: 'it-form-task', variables: {} });
    const reviewKey = await openTask(review.processInstanceId);
    const fillKey = await openTask(fill.processInstanceId);

    // when the worker claims "review" an hour later and the engine completes it at 10:30 (UTC) …
    await clock.pin(t0 + HOUR);
    expect((await workerClient.request('POST', `/api/tasks/${reviewKey}/claim`)).status).toBe(204);
    await clock.pin(t0 + 2.5 * HOUR + HOUR);
    await runtime.engine.completeTask(reviewKey);
    // … and completes "fill" (never claimed: the front claims it only to complete it) five hours after its creation
    await clock.pin(t0 + 5 * HOUR);
    const done = await workerClient.request('POST', `/api/tasks/${fillKey}/complete`, {
      lastName: 'Nowak',
      householdSize: 2,
    });
    expect(done.status).toBe(204);
    await completedInProjection(reviewKey);
    await completedInProjection(fillKey);

    const [projected] = await runtime.db.query<{ claimed_at: Date; completed_at: Date }>(
      'SELECT claimed_at, completed_at FROM user_tasks WHERE user_task_key = $1',
      [reviewKey],
    );
    // both clocks run on from where they were pinned: the instants are the pinned ones to the second
    expect(Math.floor((new Date(projected!.claimed_at).getTime() - t0) / 1000)).toBe(3600);
    expect(Math.floor((new Date(projected!.completed_at).getTime() - t0) / 1000)).toBe(12600);

    // then the worker's month: administrative 9000 s (claim → completion), social work 18000 s (creation → completion)
    const res = await manager.request('GET', `/api/monitoring/reform?from=${month}&to=${month}`);
    expect(res.status).toBe(200);
    const row = (res.body as Measure).people.find((r) => r.key === worker);
    expect(row).toMatchObject({
      month,
      tasks: 2,
      seconds: { administrative: 9000, 'social-work': 18000, other: 0 },
    });
    // shares: 9000 / 27000 = 1/3, 18000 / 27000 = 2/3
    expect(row!.shares.administrative).toBeCloseTo(1 / 3, 10);
    expect(row!.shares['social-work']).toBeCloseTo(2 / 3, 10);

    // and the page shows the worker's hours, linking to the tasks behind them, which link to the case page
    const page = await html(manager, `/monitoring/reforma?from=${month}&to=${month}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      `/monitoring/reforma/zadania?month=${month}&amp;person=${worker}&amp;category=administrative">2,5 h<`,
    );
    expect(page.text).toContain('>2,5 h</a> (33,3 %)');
    expect(page.text).toContain('>5 h</a> (66,7 %)');
    const drill = await manager.request(
      'GET',
      `/api/monitoring/reform/tasks?month=${month}&person=${worker}`,
    );
    const items = (drill.body as { items: { userTaskKey: string; seconds: number; category: string }[] })
      .items;
    expect(items.map((i) => [i.userTaskKey, i.category, i.seconds])).toEqual([
      [reviewKey, 'administrative', 9000],
      [fillKey, 'social-work', 18000],
    ]);
  });

  it('shows how the split moved since the first month, for a team, with the figures hand-computed', async () => {
    const team = `rf-team-${tag}`;
    const person = `rf-seeded-${tag}`;
    await runtime.db.query(
      `INSERT INTO teams (id, department_id, role_id, name) VALUES ($1, 'dzial-pomocy-srodowiskowej', $1, 'Zespół testowy')`,
      [team],
    );
    await runtime.db.query(
      `INSERT INTO users (login, display_name, roles, password_hash) VALUES ($1, 'Anna Seeded', $2, 'x')`,
      [person, [team]],
    );
    // January 2025: 6 h administrative (claimed 08:00, done 14:00) + 2 h social work (never claimed: from creation)
    // February 2025: 2 h administrative + 6 h social work
    await seedCompletedTask(runtime.db, {
      person: person,
      group: team,
      element: 'prepare-decision',
      created: '2025-01-14T08:00:00Z',
      claimed: '2025-01-14T08:00:00Z',
      completed: '2025-01-14T14:00:00Z',
    });
    await seedCompletedTask(runtime.db, {
      person: person,
      group: team,
      element: 'family-interview',
      created: '2025-01-15T09:00:00Z',
      claimed: null,
      completed: '2025-01-15T11:00:00Z',
    });
    await seedCompletedTask(runtime.db, {
      person: person,
      group: team,
      element: 'prepare-decision',
      created: '2025-02-10T07:00:00Z',
      claimed: '2025-02-10T08:00:00Z',
      completed: '2025-02-10T10:00:00Z',
    });
    await seedCompletedTask(runtime.db, {
      person: person,
      group: team,
      element: 'social-diagnosis',
      created: '2025-02-11T08:00:00Z',
      claimed: '2025-02-11T09:00:00Z',
      completed: '2025-02-11T15:00:00Z',
    });

    const res = await analyst.request('GET', `/api/monitoring/reform?team=${team}`);
    expect(res.status).toBe(200);
    const measure = res.body as Measure;
    expect(measure.centre.map((r) => [r.month, r.seconds.administrative, r.seconds['social-work']])).toEqual([
      ['2025-01', 21600, 7200],
      ['2025-02', 7200, 21600],
    ]);
    // social work 25 % → 75 %: +50 points; administrative 75 % → 25 %: −50 points
    expect(measure.shift).toMatchObject({ socialWorkPoints: 50, administrativePoints: -50 });
    const page = await html(analyst, `/monitoring/reforma?team=${team}`);
    expect(page.text).toContain(
      'Praca socjalna: 25 % w miesiącu styczeń 2025, 75 % w miesiącu luty 2025 (+50 pkt proc.)',
    );
    // each chart is an image with a title and description, its table right next to it
    expect(page.text).toContain('role="img"');
    expect(page.text).toContain('<title id="chart-shift-title">');
    expect(page.text).not.toContain('<script>');
  });

  it('gives the flow’s medians and 90th percentiles by value, per team and site, with the cases behind them', async () => {
    // given five applications in March 2024 (site from the district; one case in two teams) and one first-contact visit
    const cases: FlowCaseSeed[] = [
      {
        applied: '2024-03-04',
        interview: '2024-03-06',
        decision: '2024-03-20',
        paid: '2024-04-01T10:00:00Z',
        outcome: 'grant',
        district: 'rejon-1',
        teams: ['benefits'],
      },
      {
        applied: '2024-03-05',
        interview: '2024-03-15',
        decision: '2024-04-04',
        paid: null,
        outcome: 'refuse',
        district: 'rejon-1',
        teams: ['benefits'],
      },
      {
        applied: '2024-03-12',
        interview: '2024-03-13',
        decision: '2024-03-22',
        paid: '2024-03-29T09:00:00Z',
        outcome: 'grant',
        district: 'rejon-2',
        teams: ['benefits', 'social-work'],
      },
      {
        applied: '2024-03-13',
        interview: '2024-03-20',
        decision: null,
        paid: null,
        outcome: null,
        district: 'rejon-2',
        teams: ['benefits'],
      },
      {
        applied: '2024-03-27',
        interview: null,
        decision: null,
        paid: null,
        outcome: null,
        district: null,
        teams: ['social-work'],
      },
    ];
    const ids: string[] = [];
    for (const c of cases) ids.push((await seedFlowCase(runtime.db, c)).caseId);
    await runtime.db.query(
      `INSERT INTO first_contact_visits (outcome, first_name, last_name, subject, created_at)
       VALUES ('information', 'Ewa', 'Testowa', 'informacja', '2024-03-08T10:00:00Z')`,
    );

    const res = await manager.request('GET', '/api/monitoring/flow?from=2024-03-01&to=2024-03-31');
    expect(res.status).toBe(200);
    const flow = res.body as {
      applications: number;
      perWeek: { week: string; count: number }[];
      stages: Record<string, { count: number; median: number; p90: number }>;
      teams: { key: string; applications: number; stages: Record<string, { median: number; p90: number }> }[];
      sites: { key: string; applications: number }[];
      outcomes: Record<string, number>;
    };
    expect(flow.applications).toBe(5);
    expect(flow.perWeek).toEqual([
      { week: '2024-02-26', count: 0 },
      { week: '2024-03-04', count: 2 },
      { week: '2024-03-11', count: 2 },
      { week: '2024-03-18', count: 0 },
      { week: '2024-03-25', count: 1 },
    ]);
    // interviews: 2, 10, 1, 7 days → sorted 1, 2, 7, 10: median (rank 2) 2, p90 (rank 4) 10
    expect(flow.stages.interview).toEqual({ count: 4, median: 2, p90: 10 });
    // decisions: 16, 30, 10 → 10, 16, 30: median 16, p90 30
    expect(flow.stages.decision).toEqual({ count: 3, median: 16, p90: 30 });
    // first payouts: 28 (1 April), 17 (29 March) → median 17, p90 28
    expect(flow.stages.firstPayout).toEqual({ count: 2, median: 17, p90: 28 });
    expect(flow.outcomes).toEqual({ granted: 2, refused: 1, firstContact: 1, pending: 2 });
    const social = flow.teams.find((t) => t.key === 'social-work');
    expect(social?.applications).toBe(2);
    expect(social?.stages.decision).toEqual({ count: 1, median: 10, p90: 10 });
    expect(flow.sites.map((s) => [s.key, s.applications])).toEqual([
      ['', 1],
      ['filia-polnoc', 2],
      ['siedziba', 2],
    ]);

    // the cases behind "granted", each linking to its case page
    const granted = await manager.request(
      'GET',
      '/api/monitoring/flow/cases?from=2024-03-01&to=2024-03-31&outcome=granted',
    );
    expect((granted.body as { items: { caseId: string }[] }).items.map((i) => i.caseId)).toEqual([
      ids[0],
      ids[2],
    ]);
    const page = await html(
      manager,
      '/monitoring/przeplyw/sprawy?from=2024-03-01&to=2024-03-31&site=filia-polnoc&stage=decision',
    );
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="/sprawy/${ids[2]}"`);
    expect(page.text).not.toContain(`href="/sprawy/${ids[3]}"`);
    const flowPage = await html(analyst, '/monitoring/przeplyw?from=2024-03-01&to=2024-03-31');
    expect(flowPage.text).toContain(
      'href="/monitoring/przeplyw/sprawy?from=2024-03-01&amp;to=2024-03-31&amp;stage=decision">3<',
    );
    const [audit] = await runtime.db.query<{ count: string }>(
      `SELECT count(*) AS count FROM audit_log WHERE action = 'monitoring-drill-down' AND entity = 'flow-cases'`,
    );
    expect(Number(audit?.count)).toBe(2);
  });

  it('answers a bad parameter with 400 naming the field, and lets in only its roles', async () => {
    const field = async (client: TestClient, path: string) => {
      const res = await client.request('GET', path);
      return [res.status, (res.body as { error?: { field?: string } }).error?.field];
    };
    expect(await field(manager, '/api/monitoring/reform?from=2026-13')).toEqual([400, 'from']);
    expect(await field(manager, '/api/monitoring/reform?from=2026-05&to=2026-01')).toEqual([400, 'to']);
    expect(await field(manager, '/api/monitoring/reform/tasks?month=2026-01&category=paperwork')).toEqual([
      400,
      'category',
    ]);
    expect(await field(manager, '/api/monitoring/reform/tasks')).toEqual([400, 'month']);
    expect(await field(manager, '/api/monitoring/flow?to=2026-02-30')).toEqual([400, 'to']);
    expect(await field(manager, '/api/monitoring/flow/cases?stage=appeal')).toEqual([400, 'stage']);
    expect(await field(manager, '/api/monitoring/flow/cases?week=tydzien')).toEqual([400, 'week']);
    expect((await workerClient.request('GET', '/api/monitoring/reform')).status).toBe(403);
    expect((await workerClient.request('GET', '/api/monitoring/flow')).status).toBe(403);
    expect((await owner.request('GET', '/api/monitoring/flow')).status).toBe(403);
    expect((await owner.request('GET', '/api/monitoring/reform')).status).toBe(200);
    expect((await analyst.request('GET', '/api/monitoring/flow')).status).toBe(200);
  });

  it('lets a process owner reclassify a task type (CSRF, audited), which changes the measure; nobody else', async () => {
    const person = `rf-reclass-${tag}`;
    await seedCompletedTask(runtime.db, {
      person: person,
      group: 'benefits',
      element: 'notify-delay',
      created: '2023-06-05T08:00:00Z',
      claimed: null,
      completed: '2023-06-05T09:00:00Z',
    });
    const before = await manager.request('GET', '/api/monitoring/reform?from=2023-06&to=2023-06');
    expect((before.body as Measure).people.find((r) => r.key === person)?.seconds.administrative).toBe(3600);

    const page = await html(owner, '/monitoring/reforma/klasyfikacja');
    expect(page.status).toBe(200);
    expect(page.text).toContain('name="notify-delay"');
    // the seeded classification lists every user task of the model
    const [seeded] = await runtime.db.query<{ count: string }>(
      `SELECT count(*) AS count FROM task_classifications WHERE task_key NOT IN ('review', 'fill')`,
    );
    expect(Number(seeded?.count)).toBe(35);

    expect(
      (await form(owner, '/monitoring/reforma/klasyfikacja', { 'notify-delay': 'other' }, false)).status,
    ).toBe(403);
    expect(
      (await form(manager, '/monitoring/reforma/klasyfikacja', { 'notify-delay': 'other' })).status,
    ).toBe(403);
    const wrong = await form(owner, '/monitoring/reforma/klasyfikacja', { 'notify-delay': 'paperwork' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('notify-delay');

    const saved = await form(owner, '/monitoring/reforma/klasyfikacja', {
      'notify-delay': 'other',
      'family-interview': 'social-work',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/monitoring/reforma/klasyfikacja?zmieniono=1');
    const after = await manager.request('GET', '/api/monitoring/reform?from=2023-06&to=2023-06');
    expect((after.body as Measure).people.find((r) => r.key === person)?.seconds).toEqual({
      administrative: 0,
      'social-work': 0,
      other: 3600,
    });
    const audit = await runtime.db.query<{ login: string; details: unknown }>(
      `SELECT u.login, a.details FROM audit_log a JOIN users u ON u.id = a.user_id
        WHERE a.action = 'task-classification-changed' AND a.entity_id = 'notify-delay'`,
    );
    expect(audit).toEqual([{ login: `rf-owner-${tag}`, details: { from: 'administrative', to: 'other' } }]);
    await form(owner, '/monitoring/reforma/klasyfikacja', { 'notify-delay': 'administrative' });
  });

  async function html(client: TestClient, path: string): Promise<{ status: number; text: string }> {
    const { cookie } = client.headers();
    const res = await fetch(`${runtime.url}${path}`, {
      headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) },
      redirect: 'manual',
    });
    return { status: res.status, text: await res.text() };
  }

  async function form(
    client: TestClient,
    path: string,
    fields: Record<string, string>,
    csrf = true,
  ): Promise<{ status: number; text: string; location: string | null }> {
    const { cookie, 'x-csrf-token': token } = client.headers();
    const body = new URLSearchParams({ ...(csrf ? { _csrf: token ?? '' } : {}), ...fields });
    const res = await fetch(`${runtime.url}${path}`, {
      method: 'POST',
      headers: {
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
        ...(cookie ? { cookie } : {}),
      },
      body: body.toString(),
      redirect: 'manual',
    });
    return { status: res.status, text: await res.text(), location: res.headers.get('location') };
  }
});
