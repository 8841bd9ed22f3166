import type { Runtime } from '../../src/runtime';
import { grantedDecision, teamWorkedOnCase } from './case-file-fixtures';
import { eventually, type TestClient } from './http-client';
import type { TestClock } from './test-clock';
import { loginAs, startTestRuntime } from './test-runtime';

/**
 * The decision after approval on the real engine with the real workers (mops-decision): four-eyes check, issue,
 * dispatch, delivery (recorded or deemed, art. 44 KPA), appeal forwarded to the SKO (art. 133), ruling,
 * enforceability — the case file written once at every step, the office's events through the JSON API.
 */
describe('decision lifecycle (mops-decision with the real workers)', () => {
  let runtime: Runtime;
  let clock: TestClock;
  let office: TestClient;
  let benefits: TestClient;
  const farFuture = new Date(Date.now() + 365 * 24 * 3_600_000).toISOString();

  beforeAll(async () => {
    ({ runtime, clock } = await startTestRuntime());
    office = await loginAs(runtime, 'kancelaria-dl', ['first-contact']);
    benefits = await loginAs(runtime, 'swiadczenia-dl', ['benefits']);
  });

  afterAll(() => clock.resetAfterStop());

  const engine = () => runtime.engine;

  async function decisionReadyToIssue(): Promise<{ caseId: string; decisionId: string }> {
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
    // need-to-know (case-access.ts): the office and the benefits team work on the case — here the decision runs on
    // its own, not under the case's root, so the fixture gives each team a task on the case
    await teamWorkedOnCase(runtime.db, fixture.caseId, 'first-contact', clock.now());
    await teamWorkedOnCase(runtime.db, fixture.caseId, 'benefits', clock.now());
    return fixture;
  }

  async function start(caseId: string): Promise<string> {
    const created = await engine().startProcess({
      processKey: 'mops-decision',
      variables: { caseId, draftingGroup: 'benefits', kpaDue: farFuture, kpaWarningAt: farFuture },
    });
    return created.processInstanceId;
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

  async function reached(instance: string, elementId: string, intent = 'ELEMENT_ACTIVATED'): Promise<void> {
    const type = intent === 'ELEMENT_COMPLETED' ? 'activity-ended' : 'activity-started';
    await eventually(async () => {
      const [row] = await runtime.db.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM engine_events WHERE process_instance_id = $1 AND element_id = $2 AND type = $3`,
        [instance, elementId, type],
      );
      return row && Number(row.n) > 0 ? true : undefined;
    }, `${elementId} ${intent}`);
  }

  async function draftAndApprove(instance: string, decisionId: string): Promise<void> {
    await engine().completeTask(await openTask(instance, 'prepare-decision'), {
      decisionId,
      decisionOutcome: 'grant',
      immediateEnforceability: false,
      fullyGranted: false,
    });
    await engine().completeTask(await openTask(instance, 'approve-decision'), { decisionApproved: true });
  }

  async function decisionRow(decisionId: string) {
    const [row] = await runtime.db.query<{
      number: string | null;
      document_id: string | null;
      dispatched_on: string | null;
      delivered_on: string | null;
      delivery_deemed: boolean;
      appeal_waived_on: string | null;
      enforceable_on: string | null;
      status: string;
    }>(
      `SELECT number, document_id, dispatched_on, delivered_on, delivery_deemed, appeal_waived_on, enforceable_on, status
         FROM decisions WHERE id = $1`,
      [decisionId],
    );
    return row!;
  }

  async function ended(instance: string): Promise<string> {
    return eventually(async () => {
      const [row] = await runtime.db.query<{ state: string }>(
        'SELECT state FROM process_instances WHERE process_instance_key = $1',
        [instance],
      );
      return row && row.state !== 'ACTIVE' ? row.state : undefined;
    }, `koniec instancji ${instance}`);
  }

  it('issues, sends, records delivery, forwards an appeal to the SKO and ends enforceable after the ruling', async () => {
    const { caseId, decisionId } = await decisionReadyToIssue();
    const instance = await start(caseId);
    await draftAndApprove(instance, decisionId);

    await reached(instance, 'delivery-gateway');
    const sent = await decisionRow(decisionId);
    expect(sent.number).toMatch(/5111/);
    expect(sent.document_id).not.toBeNull();
    expect(sent.dispatched_on).not.toBeNull();
    const letters = await runtime.db.query('SELECT id FROM outbox_messages WHERE idempotency_key = $1', [
      `decision-issued:${decisionId}`,
    ]);
    expect(letters).toHaveLength(1);

    // the office: a delivery before the dispatch is refused naming the field; the real one is accepted
    const early = await office.request('POST', `/api/decisions/${decisionId}/events`, {
      kind: 'delivered',
      deliveredOn: '2020-01-01',
    });
    expect(early.status).toBe(400);
    expect((early.body as { error: { field: string } }).error.field).toBe('deliveredOn');
    const today = String(sent.dispatched_on);
    expect(
      (
        await office.request('POST', `/api/decisions/${decisionId}/events`, {
          kind: 'delivered',
          deliveredOn: today,
        })
      ).status,
    ).toBe(202);

    await reached(instance, 'appeal-window');
    expect(
      (
        await office.request('POST', `/api/decisions/${decisionId}/events`, {
          kind: 'appeal-filed',
          receivedOn: today,
        })
      ).status,
    ).toBe(202);
    await engine().completeTask(await openTask(instance, 'review-appeal'), { appealResolution: 'forward' });
    await reached(instance, 'appeal-decided');
    const [appeal] = await runtime.db.query<{
      forwarded_on: string | null;
      forward_due_on: string;
      forwarding_document_id: string | null;
    }>('SELECT forwarded_on, forward_due_on, forwarding_document_id FROM appeals WHERE decision_id = $1', [
      decisionId,
    ]);
    expect(appeal?.forwarded_on).not.toBeNull();
    expect(appeal!.forwarded_on! <= appeal!.forward_due_on).toBe(true);
    const [letter] = await runtime.db.query<{ kind: string; media_type: string; size: number }>(
      'SELECT kind, media_type, length(content) AS size FROM documents WHERE id = $1',
      [appeal?.forwarding_document_id],
    );
    expect(letter).toMatchObject({ kind: 'appeal-forwarding', media_type: 'application/pdf' });

    expect(
      (
        await benefits.request('POST', `/api/decisions/${decisionId}/events`, {
          kind: 'appeal-decided',
          ruling: 'upheld',
          receivedOn: today,
        })
      ).status,
    ).toBe(202);
    expect(await ended(instance)).toBe('COMPLETED');
    const final = await decisionRow(decisionId);
    expect(final.delivered_on).toBe(today);
    expect(final.delivery_deemed).toBe(false);
    expect(final.enforceable_on).not.toBeNull();
    const [audit] = await runtime.db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM audit_log WHERE action = 'decision-event' AND entity_id = $1`,
      [decisionId],
    );
    expect(Number(audit?.n)).toBe(3);
  });

  it('takes the decision as delivered when no receipt came back (art. 44 KPA), then ends on a waiver of appeal', async () => {
    const { caseId, decisionId } = await decisionReadyToIssue();
    const instance = await start(caseId);
    await draftAndApprove(instance, decisionId);
    await reached(instance, 'delivery-gateway');
    const dispatched = String((await decisionRow(decisionId)).dispatched_on);

    // 30 days on, the watch has fired: dispatch + 7 days to the first attempt + 14 holding days
    await clock.pin(clock.now().getTime() + 30 * 24 * 3_600_000);
    await reached(instance, 'appeal-window');
    const deemed = await decisionRow(decisionId);
    expect(deemed.delivery_deemed).toBe(true);
    const expected = new Date(`${dispatched}T12:00:00Z`);
    expected.setUTCDate(expected.getUTCDate() + 21);
    expect(deemed.delivered_on).toBe(expected.toISOString().slice(0, 10));
    // the office took in the party's waiver: a task of its own on the case, 30 days after the first one
    await teamWorkedOnCase(runtime.db, caseId, 'first-contact', clock.now());

    expect(
      (
        await office.request('POST', `/api/decisions/${decisionId}/events`, {
          kind: 'appeal-waived',
          waivedOn: deemed.delivered_on,
        })
      ).status,
    ).toBe(202);
    expect(await ended(instance)).toBe('COMPLETED');
    expect((await decisionRow(decisionId)).appeal_waived_on).toBe(deemed.delivered_on);
  });

  it('sends the approval back when the same person drafted and approved (four-eyes, from the task holders)', async () => {
    const { caseId, decisionId } = await decisionReadyToIssue();
    await runtime.db.query('UPDATE decisions SET prepared_by = NULL, approved_by = NULL WHERE id = $1', [
      decisionId,
    ]);
    const instance = await start(caseId);
    const prepare = await openTask(instance, 'prepare-decision');
    await engine().assignTask(prepare, 'jan.kowalski');
    await eventually(async () => {
      const [row] = await runtime.db.query<{ assignee: string | null }>(
        'SELECT assignee FROM user_tasks WHERE user_task_key = $1',
        [prepare],
      );
      return row?.assignee === 'jan.kowalski' ? true : undefined;
    }, 'przypisanie projektu');
    await engine().completeTask(prepare, {
      decisionId,
      decisionOutcome: 'grant',
      immediateEnforceability: false,
      fullyGranted: false,
    });
    const approve = await openTask(instance, 'approve-decision');
    await engine().assignTask(approve, 'jan.kowalski');
    await eventually(async () => {
      const [row] = await runtime.db.query<{ assignee: string | null }>(
        'SELECT assignee FROM user_tasks WHERE user_task_key = $1',
        [approve],
      );
      return row?.assignee === 'jan.kowalski' ? true : undefined;
    }, 'przypisanie zatwierdzenia');
    await engine().completeTask(approve, { decisionApproved: true });

    await reached(instance, 'four-eyes-violated', 'ELEMENT_COMPLETED');
    const again = await openTask(instance, 'approve-decision');
    expect(again).not.toBe(approve);
    expect((await decisionRow(decisionId)).number).toBeNull();
    await engine().deleteProcessInstance(instance);
  });

  it('refuses an event from a role that does not handle decisions, and a malformed one naming the field', async () => {
    const cashier = await loginAs(runtime, 'kasjer-dl', ['cashiers']);
    const { decisionId } = await decisionReadyToIssue();
    expect(
      (
        await cashier.request('POST', `/api/decisions/${decisionId}/events`, {
          kind: 'appeal-filed',
          receivedOn: '2026-01-02',
        })
      ).status,
    ).toBe(403);
    const bad = await office.request('POST', `/api/decisions/${decisionId}/events`, {
      kind: 'appeal-filed',
      receivedOn: '2.01.2026',
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { field: string } }).error.field).toBe('receivedOn');
  });
});
