import type { Runtime } from '../../src/runtime';
import { eventually, TestClient } from './http-client';
import { randomPesel as uniquePesel } from './job-context';
import type { TestClock } from './test-clock';
import { testEngineEndpoint } from './test-engine';
import { loginAs, startTestRuntime } from './test-runtime';

interface Task {
  userTaskKey: string;
  processInstanceKey: string;
  rootProcessInstanceKey: string;
  elementId: string;
  caseId: string | null;
  caseNumber: string | null;
  clientName: string | null;
  dueAt: string | null;
}

/**
 * The benefits path of the case process (mops-case → mops-benefits → mops-decision → mops-payout) over HTTP,
 * against the real engine, workers and PostgreSQL, by four people of four roles: first contact → case registered
 * and routed by the table → family interview (due in working days) → income and eligibility → plan and draft
 * decision → second pair of eyes → decision issued (number + PDF) and sent → delivery recorded by the office →
 * enforceable (grant in full) → monthly instalments → payout slip at first contact and cash confirmed at the cashier.
 * Each instalment is paid on its payout day (the first working day from the 10th, workers/schedule-instalments.ts):
 * when that day is still ahead the engine's and the app's clocks are moved there, never waited for, so the path
 * passes on any day of the month.
 */
describe('the benefits path from first contact to a confirmed payout', () => {
  let runtime: Runtime;
  let clock: TestClock;
  let clerk: TestClient;
  let officer: TestClient;
  let manager: TestClient;
  let cashier: TestClient;
  let caseId = '';
  let processInstanceKey = '';
  const pesel = uniquePesel();

  beforeAll(async () => {
    ({ runtime, clock } = await startTestRuntime());
    clerk = await loginAs(runtime, 'it-clerk', ['first-contact']);
    officer = await loginAs(runtime, 'it-officer', ['benefits']);
    manager = await loginAs(runtime, 'it-manager-b', ['managers']);
    cashier = await loginAs(runtime, 'it-cashier', ['cashiers']);
  });

  afterAll(() => clock.resetAfterStop());

  async function openTask(client: TestClient, group: string, elementId: string): Promise<Task> {
    return eventually(async () => {
      const res = await client.request('GET', `/api/tasks?group=${group}&pageSize=200`);
      const items = (res.body as { items: Task[] }).items;
      // a team's task runs in a sub-process of the case's instance (call activity)
      return items.find((t) => t.rootProcessInstanceKey === processInstanceKey && t.elementId === elementId);
    }, `zadanie ${elementId}`);
  }

  async function complete(client: TestClient, task: Task, body: Record<string, unknown>) {
    expect((await client.request('POST', `/api/tasks/${task.userTaskKey}/claim`)).status).toBe(204);
    return client.request('POST', `/api/tasks/${task.userTaskKey}/complete`, body);
  }

  it('runs first contact, interview, four-eyes decision, letter and payout', async () => {
    // first contact: the application and the intake (a wrong PESEL is named)
    const started = await clerk.request('POST', '/api/applications', { channel: 'in-person' });
    expect(started.status).toBe(201);
    processInstanceKey = (started.body as { processInstanceKey: string }).processInstanceKey;
    const intake = await openTask(clerk, 'first-contact', 'receive-application');
    const person = {
      firstName: 'Zofia',
      lastName: 'Żółćińska',
      need: 'Brak środków na opał',
      urgent: 'no',
      needKind: 'financial',
      reason: 'poverty',
    };
    const bad = await complete(clerk, intake, { ...person, pesel: '44051401358' });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { field: string } }).error.field).toBe('pesel');
    expect(
      (
        await clerk.request('POST', `/api/tasks/${intake.userTaskKey}/complete`, {
          ...person,
          pesel,
        })
      ).status,
    ).toBe(204);

    // the case is registered and the interview is due in 14 working days
    const interview = await openTask(officer, 'benefits', 'family-interview');
    const withCase = await eventually(async () => {
      const res = await officer.request('GET', '/api/tasks?group=benefits&pageSize=200');
      const task = (res.body as { items: Task[] }).items.find((t) => t.userTaskKey === interview.userTaskKey);
      return task?.caseNumber ? task : undefined;
    }, 'znak sprawy przy zadaniu');
    expect(withCase.caseNumber).toMatch(/^MOPS\.ŚW\.5011\.\d+\.\d{4}$/);
    expect(withCase.clientName).toBe('Zofia Żółćińska');
    expect(withCase.dueAt).not.toBeNull();
    caseId = withCase.caseId ?? '';

    // another team can neither see nor work on it
    expect((await clerk.request('GET', '/api/tasks?group=benefits')).status).toBe(403);
    expect((await clerk.request('POST', `/api/tasks/${interview.userTaskKey}/claim`)).status).toBe(403);
    expect((await clerk.request('POST', `/api/tasks/${interview.userTaskKey}/complete`, {})).status).toBe(
      403,
    );
    expect((await clerk.request('GET', `/zadania/${interview.userTaskKey}`)).status).toBe(403);

    // the interview: a family of four with 2000 zł
    const today = clock.today();
    expect(
      (
        await complete(officer, interview, {
          conductedOn: today,
          householdSize: '4',
          householdIncome: '2000,00',
          summary: 'Rodzina czteroosobowa, brak opału na zimę.',
        })
      ).status,
    ).toBe(204);

    // plan and draft: an amount outside the art. 38 range is refused naming the field
    const draft = await openTask(officer, 'benefits', 'prepare-decision');
    const month = today.slice(0, 7);
    const next = nextMonth(month);
    const plan = {
      outcome: 'grant',
      periodFrom: `${month}-01`,
      periodTo: `${next}-28`,
      payoutMethod: 'cash',
      justification: 'Dochód rodziny poniżej kryterium, potrzeba zakupu opału.',
    };
    const tooMuch = await complete(officer, draft, { ...plan, amount: '2000,00' });
    expect(tooMuch.status).toBe(400);
    expect((tooMuch.body as { error: { field: string } }).error.field).toBe('amount');
    expect(
      (
        await officer.request('POST', `/api/tasks/${draft.userTaskKey}/complete`, {
          ...plan,
          amount: '700,00',
        })
      ).status,
    ).toBe(204);

    // second pair of eyes: the officer is no manager; the manager approves and signs
    const approval = await openTask(manager, 'managers', 'approve-decision');
    expect((await officer.request('POST', `/api/tasks/${approval.userTaskKey}/claim`)).status).toBe(403);
    expect((await complete(manager, approval, { approve: 'yes' })).status).toBe(204);

    // the decision is issued once, with a PDF, and the letter is queued once
    const decision = await eventually(async () => {
      const [row] = await runtime.db.query<{
        number: string | null;
        document_id: string | null;
        prepared_by: string;
        approved_by: string;
      }>('SELECT number, document_id, prepared_by, approved_by FROM decisions WHERE case_id = $1', [caseId]);
      return row?.document_id ? row : undefined;
    }, 'wydana decyzja z PDF');
    expect(decision.number).toMatch(/^MOPS\.ŚW\.5111\.\d+\.\d{4}$/);
    expect(decision.prepared_by).not.toBe(decision.approved_by);
    const pdf = await officer.request('GET', `/api/documents/${decision.document_id}`);
    expect(pdf.status).toBe(200);
    expect(String(pdf.body).startsWith('%PDF')).toBe(true);
    await eventually(async () => {
      const rows = await runtime.db.query('SELECT 1 FROM outbox_messages WHERE case_id = $1', [caseId]);
      return rows.length === 1 ? true : undefined;
    }, 'pismo w kolejce');

    // the advice of delivery comes back: the office records it, the decision (a grant in full) is enforceable
    const sent = await eventually(async () => {
      const [row] = await runtime.db.query<{ id: string; dispatched_on: string | null }>(
        'SELECT id, dispatched_on FROM decisions WHERE case_id = $1',
        [caseId],
      );
      return row?.dispatched_on ? row : undefined;
    }, 'decyzja wysłana');
    expect(
      (
        await clerk.request('POST', `/api/decisions/${sent.id}/events`, {
          kind: 'delivered',
          deliveredOn: sent.dispatched_on,
        })
      ).status,
    ).toBe(202);

    // the first instalment goes on the cash list of its payout day (today once the 10th has passed; else the
    // clocks are moved to the day): first contact hands out the slip, the cashier pays it
    const firstListDay = await clock.reachPayoutDay(processInstanceKey, 1, month);
    const slip = await openTask(clerk, 'first-contact', 'hand-out-payout-slip');
    expect(
      (await complete(clerk, slip, { payoutSlipNumber: 'KW 1/2026', identityChecked: true })).status,
    ).toBe(204);
    const first = await openTask(cashier, 'cashiers', 'confirm-cash-payout');
    const wrong = await complete(cashier, first, { instalmentNo: '2', collected: 'yes' });
    expect(wrong.status).toBe(400);
    expect(
      (
        await cashier.request('POST', `/api/tasks/${first.userTaskKey}/complete`, {
          instalmentNo: '1',
          collected: 'yes',
        })
      ).status,
    ).toBe(204);

    // that day's cash payout list carries the instalment and opens as a PDF for the cashier only
    const [onList] = await runtime.db.query<{ batch_id: string }>(
      `SELECT i.batch_id FROM payout_instalments i JOIN decisions d ON d.id = i.decision_id
        WHERE d.case_id = $1 AND i.instalment_no = 1`,
      [caseId],
    );
    const batches = await cashier.request('GET', '/api/payout-batches');
    const cashList = (
      batches.body as { items: { id: string; kind: string; payoutDate: string; count: number }[] }
    ).items.find((b) => b.id === onList?.batch_id);
    expect(cashList).toMatchObject({ kind: 'cash-list', payoutDate: firstListDay });
    expect(cashList?.count).toBeGreaterThanOrEqual(1);
    const list = await fetch(`${runtime.url}/api/payout-batches/${cashList?.id}/pdf`, {
      headers: cashier.headers(),
    });
    expect(list.status).toBe(200);
    expect(
      Buffer.from(await list.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await clerk.request('GET', '/api/payout-batches')).status).toBe(403);

    // the second waits for its payout day next month: the clocks are moved there
    const secondListDay = await clock.reachPayoutDay(processInstanceKey, 2, next);
    expect(secondListDay > firstListDay).toBe(true);
    const secondSlip = await eventually(async () => {
      const task = await openTask(clerk, 'first-contact', 'hand-out-payout-slip');
      return task.userTaskKey !== slip.userTaskKey ? task : undefined;
    }, 'druga rata do wydania');
    expect(
      (await complete(clerk, secondSlip, { payoutSlipNumber: 'KW 2/2026', identityChecked: true })).status,
    ).toBe(204);
    const second = await openTask(cashier, 'cashiers', 'confirm-cash-payout');
    expect(second.userTaskKey).not.toBe(first.userTaskKey);
    expect((await complete(cashier, second, { instalmentNo: '2', collected: 'yes' })).status).toBe(204);

    // the engine finished the instance: its records say so, and it no longer knows it as active
    await eventually(async () => {
      const [row] = await runtime.db.query<{ state: string }>(
        'SELECT state FROM process_instances WHERE process_instance_key = $1',
        [processInstanceKey],
      );
      return row?.state === 'COMPLETED' ? true : undefined;
    }, 'zakończenie instancji');
    const endpoint = await testEngineEndpoint();
    const history = await fetch(`${endpoint.restUrl}/history/process-instance/${processInstanceKey}`, {
      headers: {
        authorization: `Basic ${Buffer.from(`${endpoint.user}:${endpoint.password}`).toString('base64')}`,
      },
    });
    expect(((await history.json()) as { state: string }).state).toBe('COMPLETED');
    const paid = await runtime.db.query<{
      instalment_no: number;
      status: string;
      amount_grosze: string;
      kind: string;
      payout_date: string;
    }>(
      `SELECT i.instalment_no, i.status, i.amount_grosze::text, b.kind, b.payout_date FROM payout_instalments i
         JOIN decisions d ON d.id = i.decision_id JOIN payout_batches b ON b.id = i.batch_id
        WHERE d.case_id = $1 ORDER BY i.instalment_no`,
      [caseId],
    );
    expect(paid).toEqual([
      {
        instalment_no: 1,
        status: 'paid',
        amount_grosze: '70000',
        kind: 'cash-list',
        payout_date: firstListDay,
      },
      {
        instalment_no: 2,
        status: 'paid',
        amount_grosze: '70000',
        kind: 'cash-list',
        payout_date: secondListDay,
      },
    ]);

    const [closed] = await runtime.db.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [
      caseId,
    ]);
    expect(closed?.status).toBe('closed');

    // completing a finished task again is a clear conflict
    expect(
      (
        await cashier.request('POST', `/api/tasks/${second.userTaskKey}/complete`, {
          instalmentNo: '2',
          collected: 'yes',
        })
      ).status,
    ).toBe(409);
  });

  it('opens the case file only for allowed people and logs every read', async () => {
    const outsider = await loginAs(runtime, 'it-social', ['social-work']);
    // need-to-know: the cashier paid the instalment just now (a task within the grace period); the benefits team's
    // last task may already be more than the grace period behind the clocks moved to the second payout day
    const file = await cashier.request('GET', `/api/cases/${caseId}`);
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({ client: { lastName: 'Żółćińska', pesel } });
    expect((file.body as { timeline: { what: string }[] }).timeline.map((t) => t.what)).toEqual(
      expect.arrayContaining([
        'Założenie sprawy (znak sprawy)',
        'Skierowanie do zespołów (tabela DMN)',
        'Rodzinny wywiad środowiskowy',
        'Wydanie decyzji (numer, data, PDF)',
        'Wypłata w kasie według listy wypłat',
      ]),
    );
    // need-to-know: a case one may not read answers like an unknown one (no existence leak)
    expect((await outsider.request('GET', `/api/cases/${caseId}`)).status).toBe(404);
    const audit = await runtime.db.query(
      `SELECT 1 FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.action = 'case-read' AND a.entity_id = $1 AND u.login = 'it-cashier'`,
      [caseId],
    );
    expect(audit.length).toBeGreaterThanOrEqual(1);

    // attachments: a PNG is kept, a text file is refused naming the field
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const upload = await fetch(`${runtime.url}/api/cases/${caseId}/attachments`, {
      method: 'POST',
      headers: {
        ...cashier.headers(),
        'content-type': 'application/octet-stream',
        'x-file-name': 'skan.png',
      },
      body: png,
    });
    expect(upload.status).toBe(201);
    const text = await fetch(`${runtime.url}/api/cases/${caseId}/attachments`, {
      method: 'POST',
      headers: { ...cashier.headers(), 'content-type': 'application/octet-stream', 'x-file-name': 'a.txt' },
      body: Buffer.from('to nie jest skan'),
    });
    expect(text.status).toBe(400);
    expect(((await text.json()) as { error: { field: string } }).error.field).toBe('file');
  });

  it('refuses requests without a session or without the CSRF token', async () => {
    expect((await new TestClient(runtime.url).request('GET', '/api/tasks')).status).toBe(401);
    expect((await new TestClient(runtime.url).request('GET', '/api/docs')).status).toBe(401);
    expect((await clerk.request('GET', '/api/docs')).body).toMatchObject({ openapi: '3.1.0' });
    expect((await clerk.withoutCsrf().request('POST', '/api/applications', {})).status).toBe(403);
  });

  it('reports engine, database and workers on /health', async () => {
    const res = await new TestClient(runtime.url).request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      engine: { healthy: true },
      database: { healthy: true },
      workers: {
        types: expect.arrayContaining(['register-case', 'issue-decision', 'pay-instalment']) as unknown,
      },
    });
  });
});

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${(y ?? 0) + 1}-01` : `${y}-${String((m ?? 0) + 1).padStart(2, '0')}`;
}
