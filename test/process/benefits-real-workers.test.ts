import { counterSymbol } from '../../src/domain/case-number';
import { addWorkingDays, isWorkingDay, kpaDeadline, workingDaysBetween } from '../../src/domain/calendar';
import { daysInMonth, warsawDate } from '../../src/domain/calendar-date';
import { cashCollectionDeadline } from '../../src/domain/cash-collection';
import { warsawDateTime } from '../../src/domain/warsaw-time';
import { createLogger } from '../../src/logger';
import { startRuntime, type Runtime } from '../../src/runtime';
import type { TaskRow } from '../../src/tasks/task-queries';
import { createWorkerDefinitions } from '../../workers';
import { runWorkers, type RunningWorkers } from '../../workers/run-workers';
import { payoutAt } from '../../workers/schedule-instalments';
import { eventually, type TestClient } from '../integration/http-client';
import { randomPesel } from '../integration/job-context';
import { testConfig } from '../integration/test-config';
import { loginAs } from '../integration/test-runtime';
import { POLL_TIMEOUT_MS, zombiePollsGone } from './harness';

const MINUTE = 60_000;

/** 'YYYY-MM' n months after the month. */
function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The benefits path end to end with the real workers (workers/index.ts, the same definitions the runtime starts
 * with WORKERS_ENABLED) over the real case file: first contact on one screen, the routing table, the family
 * interview with its working-day due date, income, eligibility from the DMN table, the draft and the four-eyes
 * approval, issue and dispatch, the advice of delivery, the appeal window closed by moving the engine clock,
 * enforceability, the instalment schedule and the first instalment paid in cash. People work through the app's
 * HTTP API as they would in the browser. The canned workers of the other process tests poll the same topics, so this
 * file runs its own runtime and nothing else answers its external tasks.
 */
describe('mops-benefits with the real workers', () => {
  let runtime: Runtime;
  let workers: RunningWorkers;
  let clerk: TestClient;
  let officer: TestClient;
  let manager: TestClient;
  let cashier: TestClient;
  let rootInstance: string | undefined;
  const caseNumberPattern = testConfig().CASE_NUMBER_PATTERN;

  beforeAll(async () => {
    const config = testConfig({ WORKERS_ENABLED: 'false' });
    const log = createLogger(config);
    runtime = await startRuntime(config, log, () => undefined);
    // the real workers through the real poll loop (as runtime.ts starts them), with the process tests' short long
    // poll: a poll aborted by stop() stays parked in the engine and would lock the next file's tasks
    workers = runWorkers(
      runtime.engine,
      createWorkerDefinitions({ db: runtime.db, caseNumberPattern }),
      log.child({ component: 'workers' }),
      { asyncResponseTimeoutMs: POLL_TIMEOUT_MS },
    );
    clerk = await loginAs(runtime, 'rw-clerk', ['first-contact']);
    // a team leader who drafts and may sign decisions, but never one she drafted herself
    officer = await loginAs(runtime, 'rw-officer', ['benefits', 'managers']);
    manager = await loginAs(runtime, 'rw-manager', ['managers']);
    cashier = await loginAs(runtime, 'rw-cashier', ['cashiers']);
  });

  afterAll(async () => {
    // the later instalments are still waiting for their payout days
    if (rootInstance)
      await runtime.engine.deleteProcessInstance(rootInstance, 'test: koniec').catch(() => {});
    // the clock goes back only when no poll parked at the moved-ahead time is left (see ProcessHarness.stop)
    await workers.stop();
    await zombiePollsGone();
    await runtime.clock?.reset();
    await runtime.stop();
  });

  const clock = () => {
    if (!runtime.clock) throw new Error('Test potrzebuje zegara testowego silnika');
    return runtime.clock;
  };

  async function task(client: TestClient, group: string, elementId: string): Promise<TaskRow> {
    return eventually(async () => {
      const res = await client.request('GET', `/api/tasks?group=${group}&pageSize=200`);
      return (res.body as { items: TaskRow[] }).items.find(
        (t) => t.rootProcessInstanceKey === rootInstance && t.elementId === elementId,
      );
    }, `zadanie ${elementId}`);
  }

  /** A person takes the task from the team's list and completes it with the form's fields. */
  async function done(
    client: TestClient,
    group: string,
    elementId: string,
    body: Record<string, unknown>,
  ): Promise<TaskRow> {
    const open = await task(client, group, elementId);
    expect((await client.request('POST', `/api/tasks/${open.userTaskKey}/claim`)).status).toBe(204);
    expect(await client.request('POST', `/api/tasks/${open.userTaskKey}/complete`, body)).toEqual({
      status: 204,
      body: undefined,
    });
    return open;
  }

  /** Waits until an element of the case (in any of its instances) started `times` times. */
  async function reached(elementId: string, times = 1): Promise<void> {
    await eventually(async () => {
      const [row] = await runtime.db.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM engine_events
          WHERE type = 'activity-started' AND element_id = $1 AND root_process_instance_id = $2`,
        [elementId, rootInstance],
      );
      return Number(row?.n) >= times ? true : undefined;
    }, `${elementId} ×${times}`);
  }

  async function instanceOf(bpmnProcessId: string): Promise<string> {
    return eventually(async () => {
      const [row] = await runtime.db.query<{ process_instance_key: string }>(
        `SELECT process_instance_key FROM process_instances WHERE root_process_instance_key = $1
            AND bpmn_process_id = $2 ORDER BY started_at DESC LIMIT 1`,
        [rootInstance, bpmnProcessId],
      );
      return row?.process_instance_key;
    }, `instancja ${bpmnProcessId}`);
  }

  async function counter(table: 'case_number_counters' | 'decision_number_counters', pattern: string) {
    const [row] = await runtime.db.query<{ last_value: number }>(
      `SELECT last_value FROM ${table} WHERE symbol = $1 AND year = $2`,
      [counterSymbol(pattern), Number(warsawDate(new Date()).slice(0, 4))],
    );
    return Number(row?.last_value ?? 0);
  }

  it('first contact, interview, eligibility from the table, four eyes, delivery, the appeal window, enforceability and the first instalment paid in cash', async () => {
    // the workers compute from the machine's Warsaw day, as in production
    const today = warsawDate(new Date());
    const year = today.slice(0, 4);
    const [centre] = await runtime.db.query<{ decision_number_pattern: string }>(
      'SELECT decision_number_pattern FROM centres ORDER BY id LIMIT 1',
    );
    const decisionPattern = centre!.decision_number_pattern;
    const caseNo = (await counter('case_number_counters', caseNumberPattern)) + 1;
    const decisionNo = (await counter('decision_number_counters', decisionPattern)) + 1;

    // 1. first contact on one screen: an oral application for financial help, district 2
    const pesel = randomPesel();
    const registered = await clerk.request('POST', '/api/first-contact', {
      outcome: 'application',
      firstName: 'Halina',
      lastName: 'Rzeczywista',
      pesel,
      need: 'Brak środków na opłaty i żywność',
      urgent: 'no',
      needKind: 'financial',
      district: 'rejon-2',
    });
    expect(registered).toMatchObject({
      status: 201,
      body: { kind: 'application', outcome: 'application', queued: false },
    });
    const { processInstanceKey, intakeId } = registered.body as {
      processInstanceKey: string;
      intakeId: string;
    };
    rootInstance = processInstanceKey;

    // 2. check-duplicate-client (a new person), register-case, the routing table → the benefits team's interview,
    // due in 14 Polish working days (the day itself not counted, weekends and public holidays skipped), 15:30 Warsaw
    const interview = await task(officer, 'benefits', 'family-interview');
    const interviewDay = addWorkingDays(today, 14);
    expect(isWorkingDay(interviewDay)).toBe(true);
    expect(workingDaysBetween(today, interviewDay)).toBe(14);
    expect(new Date(interview.dueDate!).toISOString()).toBe(
      new Date(warsawDateTime(interviewDay, '15:30')).toISOString(),
    );
    expect(interview.candidateGroups).toEqual(['benefits']);
    const caseNumber = `MOPS.ŚW.5011.${caseNo}.${year}`;
    expect(interview).toMatchObject({ caseNumber, clientName: 'Halina Rzeczywista', site: 'filia-polnoc' });
    const [kase] = await runtime.db.query<{ id: string; status: string; pesel: string; intake_id: string }>(
      `SELECT c.id, c.status, cl.pesel, c.intake_id FROM cases c JOIN clients cl ON cl.id = c.client_id
        WHERE c.case_number = $1`,
      [caseNumber],
    );
    expect(kase).toEqual({ id: expect.any(String), status: 'open', pesel, intake_id: intakeId });
    const caseId = kase!.id;
    const benefits = await instanceOf('mops-benefits');
    expect(await runtime.engine.processVariables(benefits)).toMatchObject({
      caseId,
      applicationDate: today,
      urgent: false,
      site: 'rzps-1',
    });

    // 3. the interview: a single person with 500 zł net a month
    await done(officer, 'benefits', 'family-interview', {
      conductedOn: today,
      householdSize: '1',
      householdIncome: '500,00',
      summary: 'Osoba samotna, dochód z prac dorywczych, zaległości w opłatach.',
    });
    const [income] = await runtime.db.query(
      `SELECT household_size, household_income_grosze::int AS household, income_per_person_grosze::int AS per_person
         FROM income_statements WHERE case_id = $1`,
      [caseId],
    );
    expect(income).toEqual({ household_size: 1, household: 50_000, per_person: 50_000 });

    // 4. compute-income reads the case file, benefit-eligibility (DMN) gives the figures the decision gets
    const draftTask = await task(officer, 'benefits', 'prepare-decision');
    expect(await runtime.engine.processVariables(benefits)).toMatchObject({
      householdSize: 1,
      householdIncomeGrosze: 50_000,
    });
    const decisionVariables = await runtime.engine.processVariables(draftTask.processInstanceKey);
    // criterion 1010 zł; zasiłek okresowy 50–100 % of the 510 zł gap; zasiłek stały 1313 − 500 = 813 zł
    expect(decisionVariables).toMatchObject({
      caseId,
      draftingGroup: 'benefits',
      eligibility: {
        single: true,
        eligible: true,
        criterionGrosze: 101_000,
        incomePerPersonGrosze: 50_000,
        gapGrosze: 51_000,
        periodicEligible: true,
        periodicMinGrosze: 25_500,
        periodicMaxGrosze: 51_000,
        permanentEligible: true,
        permanentAmountGrosze: 81_300,
      },
    });

    // 5. the draft: zasiłek okresowy in cash, enforceable after the appeal window. The help starts in the first
    // month whose payout day comes after the appeal deadline, so the clock moves below stay in order.
    const deliveredOn = today; // the advice of delivery comes back the same day
    const appealDeadline = warsawDateTime(kpaDeadline(deliveredOn, 14), '23:59');
    let firstMonth = today.slice(0, 7);
    while (new Date(payoutAt(firstMonth)).getTime() <= new Date(appealDeadline).getTime() + 60 * MINUTE)
      firstMonth = addMonths(firstMonth, 1);
    const months = [firstMonth, addMonths(firstMonth, 1), addMonths(firstMonth, 2)];
    const lastMonth = months[2]!;
    const plan = {
      outcome: 'grant',
      amount: '510,01',
      periodFrom: `${firstMonth}-01`,
      periodTo: `${lastMonth}-${daysInMonth(Number(lastMonth.slice(0, 4)), Number(lastMonth.slice(5, 7)))}`,
      payoutMethod: 'cash',
      enforceability: 'appeal-window',
      justification: 'Dochód osoby samotnej poniżej kryterium, brak środków na bieżące utrzymanie.',
    };
    // one grosz above the range the law gives this household is refused on the server
    expect((await officer.request('POST', `/api/tasks/${draftTask.userTaskKey}/claim`)).status).toBe(204);
    const tooMuch = await officer.request('POST', `/api/tasks/${draftTask.userTaskKey}/complete`, plan);
    expect(tooMuch).toMatchObject({ status: 400, body: { error: { field: 'amount' } } });
    expect(
      await officer.request('POST', `/api/tasks/${draftTask.userTaskKey}/complete`, {
        ...plan,
        amount: '510,00',
      }),
    ).toEqual({ status: 204, body: undefined });

    // 6. four eyes: the drafter may sign decisions, but not this one; she gives the task back, the manager signs
    const approval = await task(officer, 'managers', 'approve-decision');
    expect((await officer.request('POST', `/api/tasks/${approval.userTaskKey}/claim`)).status).toBe(204);
    const ownDraft = await officer.request('POST', `/api/tasks/${approval.userTaskKey}/complete`, {
      approve: 'yes',
    });
    expect(ownDraft).toMatchObject({ status: 400, body: { error: { field: 'approve' } } });
    expect((await officer.request('POST', `/api/tasks/${approval.userTaskKey}/unclaim`)).status).toBe(204);
    await done(manager, 'managers', 'approve-decision', { approve: 'yes' });

    // 7. check-four-eyes, issue-decision (number, date, PDF), send-decision (registered letter)
    const decisionNumber = `MOPS.ŚW.5111.${decisionNo}.${year}`;
    expect(decisionPattern).toBe('MOPS.ŚW.5111.{n}.{yyyy}');
    const decision = await eventually(async () => {
      const [row] = await runtime.db.query<Record<string, unknown>>(
        `SELECT d.id, d.number, d.issued_on::text, d.dispatched_on::text, d.status, d.outcome,
                d.immediate_enforceability, p.login AS prepared_by, a.login AS approved_by, d.signer_name,
                d.document_id IS NOT NULL AS has_pdf, d.approval_checked_at IS NOT NULL AS four_eyes_checked,
                pl.amount_grosze::int AS amount_grosze, pl.period_from::text, pl.period_to::text, pl.payout_method
           FROM decisions d JOIN users p ON p.id = d.prepared_by JOIN users a ON a.id = d.approved_by
           JOIN assistance_plans pl ON pl.id = d.plan_id
          WHERE d.case_id = $1 AND d.dispatched_on IS NOT NULL`,
        [caseId],
      );
      return row;
    }, 'decyzja wysłana');
    expect(decision).toEqual({
      id: expect.any(String),
      number: decisionNumber,
      issued_on: today,
      dispatched_on: today,
      status: 'issued',
      outcome: 'grant',
      immediate_enforceability: false,
      prepared_by: 'rw-officer',
      approved_by: 'rw-manager',
      signer_name: 'rw-manager',
      has_pdf: true,
      four_eyes_checked: true,
      amount_grosze: 51_000,
      period_from: plan.periodFrom,
      period_to: plan.periodTo,
      payout_method: 'cash',
    });
    const decisionId = String(decision.id);

    // 8. the advice of delivery: the case file, then the message; the appeal deadline is 14 days from delivery
    // (KPA art. 57: moved to the next working day when it ends on a holiday), until 23:59. The benefits team records
    // it: it works on the case (first contact registered it on the one-screen form, with no task of its own)
    const delivered = await officer.request('POST', `/api/decisions/${decisionId}/events`, {
      kind: 'delivered',
      deliveredOn,
    });
    expect(delivered).toMatchObject({ status: 202, body: { message: 'decision-delivered', deliveredOn } });
    await reached('appeal-window');
    const decisionInstance = draftTask.processInstanceKey;
    const delivery = await runtime.engine.processVariables(decisionInstance);
    expect(delivery).toMatchObject({
      decisionId,
      decisionNumber,
      issuedOn: today,
      dispatchedOn: today,
      deliveredOn,
    });
    expect(new Date(String(delivery.appealDeadline)).toISOString()).toBe(
      new Date(appealDeadline).toISOString(),
    );
    const [beforeDeadline] = await runtime.db.query(
      'SELECT status, delivered_on::text, enforceable_on FROM decisions WHERE id = $1',
      [decisionId],
    );
    expect(beforeDeadline).toEqual({ status: 'delivered', delivered_on: deliveredOn, enforceable_on: null });

    // 9. nobody appeals: a minute after the deadline the decision is final and enforceable, payouts start
    await clock().set(new Date(new Date(appealDeadline).getTime() + MINUTE));
    await reached('wait-for-payout-day');
    const [final] = await runtime.db.query('SELECT enforceable_on::text FROM decisions WHERE id = $1', [
      decisionId,
    ]);
    // mark-decision-enforceable writes the machine's day (the workers do not see the engine's test clock)
    expect(final).toEqual({ enforceable_on: today });
    const instalments = () =>
      runtime.db.query(
        `SELECT i.instalment_no, i.month, i.amount_grosze::int AS amount_grosze, i.method, i.status,
                b.kind AS batch_kind, b.payout_date::text AS payout_date, u.login AS confirmed_by
           FROM payout_instalments i LEFT JOIN payout_batches b ON b.id = i.batch_id
           LEFT JOIN users u ON u.id = i.confirmed_by
          WHERE i.decision_id = $1 ORDER BY i.instalment_no`,
        [decisionId],
      );
    const scheduled = (instalmentNo: number) => ({
      instalment_no: instalmentNo,
      month: months[instalmentNo - 1],
      amount_grosze: 51_000,
      method: 'cash',
      status: 'scheduled',
      batch_kind: null,
      payout_date: null,
      confirmed_by: null,
    });
    expect(await instalments()).toEqual([scheduled(1), scheduled(2), scheduled(3)]);
    const payout = await instanceOf('mops-payout');
    expect(await runtime.engine.processVariables(payout)).toMatchObject({
      caseId,
      decisionId,
      instalments: months.map((month, i) => ({ instalmentNo: i + 1, month, payoutAt: payoutAt(month) })),
    });

    // 10. the first payout day (the first working day from the 10th, 08:00): on the day's cash list
    const payoutDay = payoutAt(firstMonth).slice(0, 10);
    await clock().set(new Date(new Date(payoutAt(firstMonth)).getTime() + MINUTE));
    const slip = await task(clerk, 'first-contact', 'hand-out-payout-slip');
    // the cash waits 10 working days at the cashier
    expect(new Date(slip.dueDate!).toISOString()).toBe(
      new Date(cashCollectionDeadline(payoutDay)).toISOString(),
    );
    expect((await instalments())[0]).toEqual({
      ...scheduled(1),
      status: 'queued',
      batch_kind: 'cash-list',
      payout_date: payoutDay,
    });

    // 11. first contact hands out the slip, the cashier pays against the list
    await done(clerk, 'first-contact', 'hand-out-payout-slip', {
      payoutSlipNumber: `DW/1/${firstMonth.slice(0, 4)}`,
      identityChecked: true,
    });
    await done(cashier, 'cashiers', 'confirm-cash-payout', { instalmentNo: '1', collected: 'yes' });
    await reached('wait-for-payout-day', 2);
    expect(await instalments()).toEqual([
      {
        ...scheduled(1),
        status: 'paid',
        batch_kind: 'cash-list',
        payout_date: payoutDay,
        confirmed_by: 'rw-cashier',
      },
      scheduled(2),
      scheduled(3),
    ]);
    const [submission] = await runtime.db.query(
      `SELECT data FROM task_submissions WHERE case_id = $1 AND element_id = 'hand-out-payout-slip'`,
      [caseId],
    );
    expect(submission).toEqual({
      data: { payoutSlipNumber: `DW/1/${firstMonth.slice(0, 4)}`, identityChecked: true },
    });
    // the case stays open while the later instalments wait for their days
    const [open] = await runtime.db.query('SELECT status FROM cases WHERE id = $1', [caseId]);
    expect(open).toEqual({ status: 'open' });
  });
});
