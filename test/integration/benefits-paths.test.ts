import type { Runtime } from '../../src/runtime';
import { eventually, type TestClient } from './http-client';
import { randomPesel as uniquePesel } from './job-context';
import type { TestClock } from './test-clock';
import { loginAs, startTestRuntime } from './test-runtime';

interface Task {
  userTaskKey: string;
  processInstanceKey: string;
  rootProcessInstanceKey: string;
  elementId: string;
}

/**
 * The other paths of the benefits team (mops-benefits inside mops-case): an overdue interview escalated to a manager
 * (engine clock moved), a draft returned by the manager and corrected, payment by bank transfer on the instalment's
 * payout day (the clocks moved there when it is still ahead), and a refusal that becomes final when the party waives
 * the appeal.
 */
describe('benefits path: escalation, correction, transfer and refusal', () => {
  let runtime: Runtime;
  let clock: TestClock;
  let clerk: TestClient;
  let officer: TestClient;
  let manager: TestClient;

  beforeAll(async () => {
    ({ runtime, clock } = await startTestRuntime());
    clerk = await loginAs(runtime, 'it-clerk-2', ['first-contact']);
    officer = await loginAs(runtime, 'it-officer-2', ['benefits']);
    manager = await loginAs(runtime, 'it-manager-2', ['managers']);
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

  async function done(
    client: TestClient,
    group: string,
    pi: string,
    elementId: string,
    body: Record<string, unknown>,
  ) {
    const t = await task(client, group, pi, elementId);
    expect((await client.request('POST', `/api/tasks/${t.userTaskKey}/claim`)).status).toBe(204);
    const res = await client.request('POST', `/api/tasks/${t.userTaskKey}/complete`, body);
    expect(res).toMatchObject({ status: 204 });
  }

  async function start(pesel: string, urgent: 'yes' | 'no'): Promise<string> {
    const res = await clerk.request('POST', '/api/applications', {});
    const pi = (res.body as { processInstanceKey: string }).processInstanceKey;
    await done(clerk, 'first-contact', pi, 'receive-application', {
      firstName: 'Adam',
      lastName: 'Nowak',
      pesel,
      need: 'Pomoc w opłatach',
      urgent,
      needKind: 'financial',
    });
    return pi;
  }

  /** The office records the advice of delivery (and, for a refusal, the party's waiver of appeal). */
  async function delivered(pi: string, waiveAppeal = false): Promise<void> {
    const sent = await eventually(async () => {
      const [row] = await runtime.db.query<{ id: string; dispatched_on: string | null }>(
        `SELECT d.id, d.dispatched_on FROM decisions d JOIN cases c ON c.id = d.case_id
          WHERE c.process_instance_key = $1 AND d.number IS NOT NULL`,
        [pi],
      );
      return row?.dispatched_on ? row : undefined;
    }, 'decyzja wysłana');
    const event = (body: Record<string, unknown>) =>
      clerk.request('POST', `/api/decisions/${sent.id}/events`, body);
    expect((await event({ kind: 'delivered', deliveredOn: sent.dispatched_on })).status).toBe(202);
    if (waiveAppeal)
      expect((await event({ kind: 'appeal-waived', waivedOn: sent.dispatched_on })).status).toBe(202);
  }

  async function finished(pi: string) {
    await eventually(async () => {
      const [row] = await runtime.db.query<{ state: string }>(
        'SELECT state FROM process_instances WHERE process_instance_key = $1',
        [pi],
      );
      return row?.state === 'COMPLETED' ? true : undefined;
    }, 'zakończenie instancji');
  }

  const today = () => clock.today();
  const interview = {
    householdSize: '1',
    householdIncome: '300,00',
    summary: 'Osoba samotna, bez stałego dochodu.',
  };

  it('escalates an overdue urgent interview, takes a corrected draft and pays by transfer', async () => {
    const pi = await start(uniquePesel(), 'yes');
    await task(officer, 'benefits', pi, 'family-interview');
    // urgent: 2 working days; a week later the manager gets the escalation, the interview stays open
    await clock.pin(clock.now().getTime() + 8 * 24 * 3_600_000);
    await done(manager, 'managers', pi, 'review-overdue-interview', {
      action: 'Przekazano wywiad drugiemu pracownikowi.',
    });

    await done(officer, 'benefits', pi, 'family-interview', { ...interview, conductedOn: today() });
    const plan = {
      outcome: 'grant',
      amount: '400,00',
      periodFrom: `${today().slice(0, 7)}-01`,
      periodTo: today(),
      payoutMethod: 'transfer',
      bankAccount: '61 1090 1014 0000 0712 1981 2874',
      justification: 'Osoba samotna bez dochodu, potrzeba pokrycia opłat.',
    };
    await done(officer, 'benefits', pi, 'prepare-decision', plan);
    await done(manager, 'managers', pi, 'approve-decision', {
      approve: 'no',
      note: 'Proszę doprecyzować uzasadnienie.',
    });
    await done(officer, 'benefits', pi, 'prepare-decision', {
      ...plan,
      justification: `${plan.justification} Brak innych źródeł utrzymania.`,
    });
    await done(manager, 'managers', pi, 'approve-decision', { approve: 'yes' });
    await delivered(pi);
    // the one instalment goes into the transfer batch of its payout day (today once that day has passed)
    const listDay = await clock.reachPayoutDay(pi, 1, plan.periodFrom.slice(0, 7));
    const query = `SELECT i.id, i.status, i.method, b.id AS batch_id, b.kind, b.payout_date, d.payout_account
         FROM payout_instalments i JOIN payout_batches b ON b.id = i.batch_id
         JOIN decisions d ON d.id = i.decision_id JOIN cases c ON c.id = d.case_id WHERE c.process_instance_key = $1`;
    type Row = Record<
      'id' | 'status' | 'method' | 'batch_id' | 'kind' | 'payout_date' | 'payout_account',
      string
    >;
    const queued = await eventually(async () => {
      const [row] = await runtime.db.query<Row>(query, [pi]);
      return row;
    }, 'rata w paczce przelewów');
    expect(queued).toMatchObject({
      status: 'queued',
      method: 'transfer',
      kind: 'bank-transfer',
      payout_date: listDay,
      // the account frozen when the manager approved the decision
      payout_account: '61109010140000071219812874',
    });
    // the realisation team sends the batch to the bank and records the statement: then the payout ends
    const realisation = await loginAs(runtime, 'it-realisation', ['services-admin']);
    expect((await realisation.request('POST', `/api/payout-batches/${queued.batch_id}/export`)).status).toBe(
      200,
    );
    await realisation.request('POST', `/api/payout-batches/${queued.batch_id}/sent`);
    expect(
      await realisation.request(
        'POST',
        `/api/payout-batches/${queued.batch_id}/lines/${queued.id}/settlement`,
        {
          result: 'confirmed',
        },
      ),
    ).toMatchObject({ status: 200 });
    await finished(pi);
    const [paid] = await runtime.db.query<Row>(query, [pi]);
    expect(paid?.status).toBe('paid');
  });

  it('ends with the refusal decision when the draft refuses', async () => {
    const pi = await start(uniquePesel(), 'no');
    await done(officer, 'benefits', pi, 'family-interview', {
      ...interview,
      householdIncome: '5000,00',
      conductedOn: today(),
    });
    await done(officer, 'benefits', pi, 'prepare-decision', {
      outcome: 'refuse',
      justification: 'Dochód osoby przekracza kryterium dochodowe dla osoby samotnej.',
    });
    await done(manager, 'managers', pi, 'approve-decision', { approve: 'yes' });
    // a refusal can be appealed too; it is final once the party waives the appeal
    await delivered(pi, true);
    await finished(pi);
    const [decision] = await runtime.db.query<{ outcome: string; number: string | null }>(
      'SELECT d.outcome, d.number FROM decisions d JOIN cases c ON c.id = d.case_id WHERE c.process_instance_key = $1',
      [pi],
    );
    expect(decision?.outcome).toBe('refuse');
    expect(decision?.number).toMatch(/5111/);
    const instalments = await runtime.db.query(
      'SELECT 1 FROM payout_instalments i JOIN decisions d ON d.id = i.decision_id JOIN cases c ON c.id = d.case_id WHERE c.process_instance_key = $1',
      [pi],
    );
    expect(instalments).toHaveLength(0);
  });

  it('tells first contact whether a PESEL is already a client', async () => {
    await runtime.db.query(
      `INSERT INTO clients (first_name, last_name, pesel) VALUES ('Maria', 'Wiśniewska', '85010112345') ON CONFLICT (pesel) DO NOTHING`,
    );
    const known = await clerk.request('GET', '/api/clients/lookup?pesel=85010112345');
    expect(known.body).toMatchObject({ found: true, client: { lastName: 'Wiśniewska' }, openCases: [] });
    expect((await clerk.request('GET', '/api/clients/lookup?pesel=90010112349')).body).toEqual({
      found: false,
      openCases: [],
    });
    const bad = await clerk.request('GET', '/api/clients/lookup?pesel=123');
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { field: string } }).error.field).toBe('pesel');
    const cashierOnly = await loginAs(runtime, 'it-cashier-2', ['cashiers']);
    expect((await cashierOnly.request('GET', '/api/clients/lookup?pesel=02270803624')).status).toBe(403);
  });

  it('registers a whole application on one first-contact screen, or a visit that ends there', async () => {
    const res = await clerk.request('POST', '/api/first-contact', {
      outcome: 'application',
      firstName: 'Ewa',
      lastName: 'Jednoekranowa',
      pesel: '85010112345',
      need: 'Pomoc w zakupie leków',
      urgent: 'no',
    });
    expect(res.status).toBe(201);
    const pi = (res.body as { processInstanceKey: string }).processInstanceKey;
    // the intake task is skipped: the case goes straight to the benefits team's interview
    await task(officer, 'benefits', pi, 'family-interview');
    const intakeTasks = await runtime.db.query(
      `SELECT 1 FROM user_tasks WHERE process_instance_key = $1 AND element_id = 'receive-application'`,
      [pi],
    );
    expect(intakeTasks).toHaveLength(0);

    // a certificate is issued by the process: a known client gets one, numbered, with its PDF in the case file
    const certificate = await clerk.request('POST', '/api/first-contact', {
      outcome: 'certificate',
      firstName: 'Maria',
      lastName: 'Wiśniewska',
      pesel: '85010112345',
      need: 'Zaświadczenie o korzystaniu z pomocy',
    });
    expect(certificate).toMatchObject({ status: 201, body: { kind: 'application', outcome: 'certificate' } });
    const issued = await eventually(async () => {
      const [row] = await runtime.db.query<{
        outcome: string;
        number: string | null;
        document_id: string | null;
      }>('SELECT outcome, number, document_id FROM certificates WHERE intake_id = $1', [
        (certificate.body as { intakeId: string }).intakeId,
      ]);
      return row;
    }, 'zaświadczenie');
    expect(issued).toMatchObject({ outcome: 'issued', number: expect.stringMatching(/ZAS/) as string });
    expect(issued.document_id).not.toBeNull();
    await finished((certificate.body as { processInstanceKey: string }).processInstanceKey);

    const visit = await clerk.request('POST', '/api/first-contact', {
      outcome: 'information',
      firstName: 'Jan',
      lastName: 'Pytający',
      need: 'Pytanie o dodatek mieszkaniowy',
    });
    expect(visit).toMatchObject({ status: 201, body: { kind: 'visit' } });
    const bad = await clerk.request('POST', '/api/first-contact', {
      outcome: 'coffee',
      firstName: 'A',
      lastName: 'B',
      need: 'xyz',
    });
    expect((bad.body as { error: { field: string } }).error.field).toBe('outcome');
    expect((await officer.request('POST', '/api/first-contact', {})).status).toBe(403);
  });
});
