import { addWorkingDays, kpaDeadline, workingDaysBetween } from '../../src/domain/calendar';
import { warsawDateTime } from '../../src/domain/warsaw-time';
import type { DeadlinesReport, DeadlineRow } from '../../src/monitoring/deadlines';
import type { WorkloadReport } from '../../src/monitoring/workload';
import type { Runtime } from '../../src/runtime';
import { grantedDecision, teamWorkedOnCase } from './case-file-fixtures';
import { eventually, type TestClient } from './http-client';
import { randomPesel } from './job-context';
import type { TestClock } from './test-clock';
import { freshTestDatabase, loginAs, startTestRuntime } from './test-runtime';

interface Task {
  userTaskKey: string;
  rootProcessInstanceKey: string;
  elementId: string;
}

/**
 * The managers' deadlines and workload on the real engine and PostgreSQL: four cases at known stages (an interview,
 * a Niebieska Karta transfer, a decision under the KPA month, an appeal not forwarded), the clocks moved to the third
 * working day after the interview's term; every figure compared with the working days of the Polish calendar; the
 * reassign from the page changes the engine's assignee and is audited.
 */
describe('monitoring: deadlines and workload', () => {
  let runtime: Runtime;
  let clock: TestClock;
  let clerk: TestClient;
  let officer: TestClient;
  let officer2: TestClient;
  let nk: TestClient;
  let manager: TestClient;
  let analyst: TestClient;
  let office: TestClient;
  const farFuture = new Date(Date.now() + 365 * 24 * 3_600_000).toISOString();

  beforeAll(async () => {
    // a case file of its own: the counts below are of every late deadline in it
    ({ runtime, clock } = await startTestRuntime({ databaseUrl: await freshTestDatabase('deadlines') }));
    clerk = await loginAs(runtime, 'dl-clerk', ['first-contact']);
    office = await loginAs(runtime, 'dl-office', ['first-contact']);
    officer = await loginAs(runtime, 'dl-officer', ['benefits']);
    officer2 = await loginAs(runtime, 'dl-officer-2', ['benefits']);
    nk = await loginAs(runtime, 'dl-nk', ['violence-response']);
    manager = await loginAs(runtime, 'dl-manager', ['managers']);
    analyst = await loginAs(runtime, 'dl-analyst', ['analysts']);
  });

  afterAll(() => clock.resetAfterStop());

  async function task(client: TestClient, group: string, pi: string, elementId: string): Promise<Task> {
    return eventually(async () => {
      const res = await client.request('GET', `/api/tasks?group=${group}&pageSize=200`);
      return (res.body as { items: Task[] }).items.find(
        (t) => t.rootProcessInstanceKey === pi && t.elementId === elementId,
      );
    }, `zadanie ${elementId}`);
  }

  async function openTask(instance: string, elementId: string): Promise<string> {
    return eventually(async () => {
      const [row] = await runtime.db.query<{ user_task_key: string }>(
        `SELECT user_task_key FROM user_tasks WHERE process_instance_key = $1 AND element_id = $2 AND state = 'CREATED'`,
        [instance, elementId],
      );
      return row?.user_task_key;
    }, `zadanie ${elementId}`);
  }

  async function reached(instance: string, elementId: string): Promise<void> {
    await eventually(async () => {
      const [row] = await runtime.db.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM engine_events WHERE process_instance_id = $1 AND element_id = $2 AND type = 'activity-started'`,
        [instance, elementId],
      );
      return row && Number(row.n) > 0 ? true : undefined;
    }, elementId);
  }

  /** A new application through first contact (the clerk claims and completes the intake). */
  async function apply(needKind: 'financial' | 'violence'): Promise<{ pi: string; caseNumber: string }> {
    const res = await clerk.request('POST', '/api/applications', {});
    const pi = (res.body as { processInstanceKey: string }).processInstanceKey;
    const intake = await task(clerk, 'first-contact', pi, 'receive-application');
    expect((await clerk.request('POST', `/api/tasks/${intake.userTaskKey}/claim`)).status).toBe(204);
    const done = await clerk.request('POST', `/api/tasks/${intake.userTaskKey}/complete`, {
      firstName: 'Ewa',
      lastName: 'Terminowa',
      pesel: randomPesel(),
      need: needKind === 'violence' ? 'Przemoc w rodzinie' : 'Pomoc w opłatach',
      urgent: 'no',
      needKind,
    });
    expect(done.status).toBe(204);
    const caseNumber = await eventually(async () => {
      const [row] = await runtime.db.query<{ case_number: string }>(
        'SELECT case_number FROM cases WHERE process_instance_key = $1',
        [pi],
      );
      return row?.case_number;
    }, 'sprawa');
    return { pi, caseNumber };
  }

  /** A decision process (mops-decision) on a case of the case file, the case's instance being that process. */
  async function decisionCase(kpaDue: string, kpaWarningAt: string) {
    const fixture = await grantedDecision(runtime.db, {
      amountGrosze: 50_000,
      from: '2026-12-01',
      to: '2027-02-28',
      method: 'transfer',
    });
    await runtime.db.query(
      `UPDATE decisions SET signer_name = 'Anna Zatwierdzająca', signer_position = 'Kierownik Działu Świadczeń'
        WHERE id = $1`,
      [fixture.decisionId],
    );
    const created = await runtime.engine.startProcess({
      processKey: 'mops-decision',
      variables: { caseId: fixture.caseId, draftingGroup: 'benefits', kpaDue, kpaWarningAt },
    });
    const pi = created.processInstanceId;
    const [kase] = await runtime.db.query<{ case_number: string }>(
      'UPDATE cases SET process_instance_key = $2 WHERE id = $1 RETURNING case_number',
      [fixture.caseId, pi],
    );
    await teamWorkedOnCase(runtime.db, fixture.caseId, 'first-contact', clock.now());
    await teamWorkedOnCase(runtime.db, fixture.caseId, 'benefits', clock.now());
    return { ...fixture, pi, caseNumber: kase!.case_number };
  }

  const deadlines = async (client: TestClient, query = '') => {
    const res = await client.request('GET', `/api/monitoring/deadlines${query}`);
    expect(res.status).toBe(200);
    return res.body as DeadlinesReport;
  };
  const rowsOf = (report: DeadlinesReport, kind: string, caseNumber: string): DeadlineRow[] =>
    report.sections.find((s) => s.kind === kind)!.items.filter((r) => r.caseNumber === caseNumber);

  it('shows every late deadline in working days, what will be late in the order of risk, the workload, and reassigns from the page', async () => {
    const day0 = clock.today();
    // A: a family interview (14 working days), held by dl-officer
    const a = await apply('financial');
    const interview = await task(officer, 'benefits', a.pi, 'family-interview');
    expect((await officer.request('POST', `/api/tasks/${interview.userTaskKey}/claim`)).status).toBe(204);
    // C: Niebieska Karta — NK-A to the interdisciplinary team within 5 working days, nobody holds it
    const c = await apply('violence');
    const transfer = await task(nk, 'violence-response', c.pi, 'transfer-to-team');
    // K: a decision whose KPA month ends 10 working days from now; its warning has passed, so notify-delay is open
    const kpaDay = addWorkingDays(day0, 10);
    const k = await decisionCase(warsawDateTime(kpaDay, '15:30'), clock.now().toISOString());
    const notify = await openTask(k.pi, 'notify-delay');
    // P: a decision issued, delivered and appealed today (art. 133: forwarded within 7 days), held by dl-officer-2
    const p = await decisionCase(farFuture, farFuture);
    await runtime.engine.completeTask(await openTask(p.pi, 'prepare-decision'), {
      decisionId: p.decisionId,
      decisionOutcome: 'grant',
      immediateEnforceability: false,
      fullyGranted: false,
    });
    await runtime.engine.completeTask(await openTask(p.pi, 'approve-decision'), { decisionApproved: true });
    await reached(p.pi, 'delivery-gateway');
    const dispatched = await eventually(async () => {
      const [row] = await runtime.db.query<{ dispatched_on: string | null }>(
        'SELECT dispatched_on::text AS dispatched_on FROM decisions WHERE id = $1',
        [p.decisionId],
      );
      return row?.dispatched_on ?? undefined;
    }, 'decyzja wysłana');
    const event = (body: Record<string, unknown>) =>
      office.request('POST', `/api/decisions/${p.decisionId}/events`, body);
    expect((await event({ kind: 'delivered', deliveredOn: dispatched })).status).toBe(202);
    await reached(p.pi, 'appeal-window');
    expect((await event({ kind: 'appeal-filed', receivedOn: day0 })).status).toBe(202);
    const review = await openTask(p.pi, 'review-appeal');
    expect((await officer2.request('POST', `/api/tasks/${review}/claim`)).status).toBe(204);
    const [appeal] = await runtime.db.query<{ forward_due_on: string }>(
      'SELECT forward_due_on::text AS forward_due_on FROM appeals WHERE decision_id = $1',
      [p.decisionId],
    );
    expect(appeal!.forward_due_on).toBe(kpaDeadline(day0, 7));

    // today: what will be late within 5 working days, unassigned — only C's transfer (5 left); within 10 also K (10)
    const mine = [a.caseNumber, c.caseNumber, k.caseNumber, p.caseNumber];
    const atRisk = (report: DeadlinesReport) =>
      report.atRisk.items
        .filter((r) => mine.includes(r.caseNumber ?? ''))
        .map((r) => [r.caseNumber, r.elementId, r.workingDays, r.assignee]);
    expect(atRisk(await deadlines(manager, '?days=5'))).toEqual([
      [c.caseNumber, 'transfer-to-team', 5, null],
    ]);
    const ten = await deadlines(manager, '?days=10');
    expect(atRisk(ten)).toEqual([
      [c.caseNumber, 'transfer-to-team', 5, null],
      [k.caseNumber, 'notify-delay', 10, null],
    ]);
    expect(ten.atRisk.horizonDay).toBe(addWorkingDays(day0, 10));
    expect(ten.atRisk.items.map((r) => r.rank)).toEqual(ten.atRisk.items.map((_, i) => i + 1));

    // the third working day after the interview's term, at 10:00 in Warsaw
    const interviewDue = addWorkingDays(day0, 14);
    const t1 = addWorkingDays(interviewDue, 3);
    await clock.pin(Date.parse(warsawDateTime(t1, '10:00')));
    expect(clock.today()).toBe(t1);

    const report = await eventually(async () => {
      const r = await deadlines(manager);
      return rowsOf(r, 'interview', a.caseNumber).length === 1 ? r : undefined;
    }, 'wywiad po terminie');
    expect(report.today).toBe(t1);
    expect(rowsOf(report, 'interview', a.caseNumber)).toEqual([
      expect.objectContaining({
        source: 'task',
        userTaskKey: interview.userTaskKey,
        elementId: 'family-interview',
        teamRole: 'benefits',
        teamName: 'Zespół ds. Świadczeń',
        assignee: 'dl-officer',
        termWorkingDays: 14,
        dueDay: interviewDue,
        status: 'late',
        workingDays: -3,
      }),
    ]);
    expect(rowsOf(report, 'blue-card', c.caseNumber)).toEqual([
      expect.objectContaining({
        userTaskKey: transfer.userTaskKey,
        teamRole: 'violence-response',
        teamName: 'Sekcja Pomocy Specjalistycznej',
        assignee: null,
        termWorkingDays: 5,
        dueDay: addWorkingDays(day0, 5),
        status: 'late',
        workingDays: -12,
      }),
    ]);
    expect(rowsOf(report, 'kpa', k.caseNumber)).toEqual([
      expect.objectContaining({
        source: 'task',
        userTaskKey: notify,
        assignee: null,
        dueDay: kpaDay,
        status: 'late',
        workingDays: -7,
      }),
    ]);
    expect(rowsOf(report, 'appeal', p.caseNumber)).toEqual([
      expect.objectContaining({
        source: 'appeal',
        userTaskKey: review,
        assignee: 'dl-officer-2',
        teamRole: 'benefits',
        dueDay: appeal!.forward_due_on,
        status: 'late',
        workingDays: -workingDaysBetween(appeal!.forward_due_on, t1),
      }),
    ]);
    // the counts: one late of each kind on a fresh database (A's KPA month may be near by now: counted as near)
    const counts = Object.fromEntries(report.sections.map((s) => [s.kind, s.late]));
    expect(counts).toEqual({ interview: 1, kpa: 1, appeal: 1, 'blue-card': 1 });
    // drill-down: only the late interviews, and the team filter
    const lateInterviews = await deadlines(manager, '?kind=interview&status=late');
    expect(lateInterviews.sections.map((s) => [s.kind, s.items.map((r) => r.caseNumber)])).toEqual([
      ['interview', [a.caseNumber]],
    ]);
    const violenceOnly = await deadlines(manager, '?team=violence-response');
    expect(violenceOnly.sections.flatMap((s) => s.items.map((r) => r.caseNumber))).toEqual([c.caseNumber]);

    // the page: the figures as people read them; analysts read without the reassign form; others are refused
    const page = await manager.request('GET', '/monitoring/terminy');
    expect(page.status).toBe(200);
    const html = String(page.body);
    expect(html).toContain(
      `data-task="${interview.userTaskKey}" data-case="${a.caseNumber}" data-working-days="-3"`,
    );
    expect(html).toContain('spóźnione o 3 dni robocze');
    expect(html).toContain('spóźnione o 12 dni roboczych');
    expect(html).toContain(`action="/monitoring/zadania/${notify}/przekaz"`);
    const analystPage = await analyst.request('GET', '/monitoring/terminy');
    expect(analystPage.status).toBe(200);
    expect(String(analystPage.body)).not.toContain('/przekaz"');
    expect((await officer.request('GET', '/monitoring/terminy')).status).toBe(403);
    expect((await officer.request('GET', '/api/monitoring/workload')).status).toBe(403);
    const bad = await manager.request('GET', '/api/monitoring/deadlines?days=abc');
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { field: string } }).error.field).toBe('days');

    // the manager's move: K's notify-delay to dl-officer-2, from the page's form (CSRF in the form)
    const form = (path: string, fields: Record<string, string>) =>
      fetch(`${runtime.url}${path}`, {
        method: 'POST',
        // the browser's form: the session cookie, the token only in the form's fields
        headers: { cookie: manager.headers().cookie!, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
        redirect: 'manual',
      });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const moved = await form(`/monitoring/zadania/${notify}/przekaz`, {
      _csrf: csrf,
      assignee: 'dl-officer-2',
      back: '/monitoring/terminy?days=3',
    });
    expect(moved.status).toBe(303);
    expect(moved.headers.get('location')).toBe('/monitoring/terminy?days=3&przekazano=dl-officer-2');
    expect((await runtime.engine.task(notify))?.assignee).toBe('dl-officer-2');
    const audit = await runtime.db.query<{ details: { assignee: string }; login: string }>(
      `SELECT a.details, u.login FROM audit_log a JOIN users u ON u.id = a.user_id
        WHERE a.action = 'task-reassigned' AND a.entity_id = $1`,
      [notify],
    );
    expect(audit).toEqual([{ details: { assignee: 'dl-officer-2' }, login: 'dl-manager' }]);
    // someone outside the task's team: 400 naming the field; an analyst may not reassign; no CSRF: refused
    const outsider = await form(`/monitoring/zadania/${transfer.userTaskKey}/przekaz`, {
      _csrf: csrf,
      assignee: 'dl-officer',
    });
    expect(outsider.status).toBe(400);
    expect(
      (
        await analyst.request('POST', `/monitoring/zadania/${transfer.userTaskKey}/przekaz`, {
          assignee: 'dl-nk',
        })
      ).status,
    ).toBe(403);
    expect(
      (await form(`/monitoring/zadania/${transfer.userTaskKey}/przekaz`, { assignee: 'dl-nk' })).status,
    ).toBe(403);

    // workload over the period day0..t1
    const workload = (await manager.request('GET', `/api/monitoring/workload?from=${day0}&to=${t1}`))
      .body as WorkloadReport;
    const person = (login: string) => workload.people.find((x) => x.login === login);
    const [created] = await runtime.db.query<{ created_at: Date }>(
      'SELECT created_at FROM user_tasks WHERE user_task_key = $1',
      [interview.userTaskKey],
    );
    expect(person('dl-officer')).toEqual({
      login: 'dl-officer',
      displayName: 'dl-officer',
      open: 1,
      completed: 0,
      oldestOpenAt: created!.created_at.toISOString(),
      oldestOpenDays: Math.floor((clock.now().getTime() - created!.created_at.getTime()) / 86_400_000),
    });
    expect(person('dl-officer-2')).toMatchObject({ open: 2, completed: 0 });
    expect(person('dl-clerk')).toMatchObject({ open: 0, completed: 2, oldestOpenAt: null });
    // the team's open tasks: this file's one, and any a file before it left open in the shared database
    const [team] = await runtime.db.query<{ open: string; unassigned: string }>(
      `SELECT count(*)::text AS open, count(*) FILTER (WHERE assignee IS NULL)::text AS unassigned
         FROM user_tasks WHERE state = 'CREATED' AND candidate_groups[1] = 'violence-response'`,
    );
    expect(Number(team!.open)).toBeGreaterThanOrEqual(1);
    expect(workload.teams.find((x) => x.role === 'violence-response')).toMatchObject({
      teamName: 'Sekcja Pomocy Specjalistycznej',
      open: Number(team!.open),
      unassigned: Number(team!.unassigned),
    });
    // people with the role: every active account that has it (other files of the suite add their own)
    const [withRole] = await runtime.db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM users WHERE 'violence-response' = ANY(roles) AND active`,
    );
    const people = Number(withRole!.n);
    expect(people).toBeGreaterThanOrEqual(1);
    const [roleOpen] = await runtime.db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM user_tasks WHERE state = 'CREATED' AND 'violence-response' = ANY(candidate_groups)`,
    );
    const open = Number(roleOpen!.n);
    expect(workload.roles.find((x) => x.role === 'violence-response')).toEqual({
      role: 'violence-response',
      people,
      open,
      openPerPerson: Math.round((open / people) * 10) / 10,
    });
    // drill-down from a figure to the tasks behind it (and on to the case)
    const drill = (await manager.request('GET', '/api/monitoring/workload?person=dl-officer-2'))
      .body as WorkloadReport;
    expect(drill.tasks!.items.map((x) => [x.userTaskKey, x.caseNumber]).sort()).toEqual(
      [
        [notify, k.caseNumber],
        [review, p.caseNumber],
      ].sort(),
    );
    const badPeriod = await manager.request('GET', `/api/monitoring/workload?from=${t1}&to=${day0}`);
    expect(badPeriod.status).toBe(400);
    expect((badPeriod.body as { error: { field: string } }).error.field).toBe('from');
    const workloadPage = await manager.request('GET', '/monitoring/obciazenie?team=violence-response');
    expect(workloadPage.status).toBe(200);
    expect(String(workloadPage.body)).toContain(
      `action="/monitoring/zadania/${transfer.userTaskKey}/przekaz"`,
    );

    // art. 36: the notice of delay sets a new date two working days ahead; the KPA row follows it (the case file's
    // notice, or the model's next notify-delay with the new kpaDue)
    const newDue = addWorkingDays(t1, 2);
    await runtime.engine.completeTask(notify, { delayReason: 'opinia biegłego', newDueDate: newDue });
    const afterNotice = await eventually(async () => {
      const rows = rowsOf(await deadlines(manager), 'kpa', k.caseNumber);
      return rows.length === 1 && rows[0]!.dueDay === newDue ? rows[0] : undefined;
    }, 'nowy termin KPA');
    expect(afterNotice).toMatchObject({ status: 'near', workingDays: 2, teamRole: 'benefits' });
    const [notice] = await runtime.db.query<{ new_due_on: string }>(
      `SELECT new_due_on::text AS new_due_on FROM delay_notices n JOIN cases c ON c.id = n.case_id
        WHERE c.case_number = $1`,
      [k.caseNumber],
    );
    expect(notice!.new_due_on).toBe(newDue);
  });
});
