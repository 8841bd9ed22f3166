import { computeUndueBenefit } from '../../src/decisions/benefit-recovery';
import { applyDecisionEvent } from '../../src/decisions/decision-events';
import { warsawDate } from '../../src/domain/calendar-date';
import { listInstalments, markPaid, scheduleInstalments } from '../../src/payouts/ledger';
import type { Runtime } from '../../src/runtime';
import { grantedDecision, teamWorkedOnCase } from './case-file-fixtures';
import { eventually, type TestClient } from './http-client';
import type { TestClock } from './test-clock';
import { testEngineEndpoint } from './test-engine';
import { loginAs, startTestRuntime } from './test-runtime';

/** The month `offset` months from `day`'s month (YYYY-MM). */
function monthOf(day: string, offset: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + offset, 1)).toISOString().slice(0, 7);
}

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * Recovery of an undue benefit (art. 98 u.p.s.) on the real engine with the real workers: a benefit paid under a
 * decision the SKO quashed, or the centre revoked from a month (art. 154/155 KPA), opens the benefits team's task with
 * the amount from the payout ledger; its decision is stored once. The benefits process is started at its payout step
 * (the case's root instance), so the recovery runs under the case like in production.
 */
describe('recovery of an undue benefit (mops-benefit-recovery, real engine)', () => {
  let runtime: Runtime;
  let clock: TestClock;
  let benefits: TestClient;
  let otherTeam: TestClient;

  beforeAll(async () => {
    ({ runtime, clock } = await startTestRuntime());
    benefits = await loginAs(runtime, 'swiadczenia-zwrot', ['benefits']);
    otherTeam = await loginAs(runtime, 'praca-socjalna-zwrot', ['social-work', 'benefits']);
  });

  afterAll(() => clock.resetAfterStop());

  /** A granted decision in force, carried out by mops-benefits started at its `payout` call (the case's root). */
  async function decisionBeingPaid(input: { months: number; firstOffset: number; paidFirst: number }) {
    const today = warsawDate(clock.now());
    const first = monthOf(today, input.firstOffset);
    const last = monthOf(today, input.firstOffset + input.months - 1);
    const fixture = await grantedDecision(runtime.db, {
      amountGrosze: 50_000,
      from: `${first}-01`,
      to: lastDay(last),
      method: 'cash',
    });
    const { caseId, decisionId } = fixture;
    await runtime.db.query(
      `UPDATE decisions SET number = $2, issued_on = $3, status = 'final' WHERE id = $1`,
      [decisionId, `TEST.5111.${decisionId.slice(0, 8)}`, today],
    );
    // instalments already paid: the schedule is made once (unique per month), the payout passes paid ones by
    await scheduleInstalments(runtime.db, decisionId);
    await runtime.db.query(
      `UPDATE payout_instalments SET status = 'paid', paid_at = now() WHERE decision_id = $1 AND instalment_no <= $2`,
      [decisionId, input.paidFirst],
    );
    const endpoint = await testEngineEndpoint();
    const res = await fetch(`${endpoint.restUrl}/process-definition/key/mops-benefits/start`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${endpoint.user}:${endpoint.password}`).toString('base64')}`,
      },
      body: JSON.stringify({
        businessKey: `TEST.${decisionId.slice(0, 8)}`,
        variables: {
          caseId: { value: caseId, type: 'String' },
          decisionId: { value: decisionId, type: 'String' },
        },
        startInstructions: [{ type: 'startBeforeActivity', activityId: 'payout' }],
      }),
    });
    expect(res.status).toBe(200);
    const root = ((await res.json()) as { id: string }).id;
    await runtime.db.query('UPDATE cases SET process_instance_key = $2 WHERE id = $1', [caseId, root]);
    return { ...fixture, root, today, first };
  }

  async function payoutOf(root: string): Promise<string> {
    return eventually(async () => {
      const [row] = await runtime.db.query<{ process_instance_key: string }>(
        `SELECT process_instance_key FROM process_instances WHERE root_process_instance_key = $1 AND bpmn_process_id = 'mops-payout'`,
        [root],
      );
      return row?.process_instance_key;
    }, 'instancja mops-payout');
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

  async function recoveryTask(root: string) {
    return eventually(
      async () => {
        const [row] = await runtime.db.query<{
          user_task_key: string;
          process_instance_key: string;
          candidate_groups: string[];
        }>(
          `SELECT user_task_key, process_instance_key, candidate_groups FROM user_tasks
            WHERE root_process_instance_key = $1 AND element_id = 'decide-benefit-recovery' AND state = 'CREATED'`,
          [root],
        );
        return row;
      },
      'zadanie decide-benefit-recovery',
      60_000,
    );
  }

  async function recoveryRow(decisionId: string) {
    const [row] = await runtime.db.query<{
      undue_grosze: string;
      from_month: string | null;
      paid_months: string[];
      status: string;
      resolution: string | null;
      amount_grosze: string | null;
      due_on: string | null;
      justification: string | null;
    }>(
      `SELECT undue_grosze::text, from_month, paid_months, status, resolution, amount_grosze::text,
              to_char(due_on, 'YYYY-MM-DD') AS due_on, justification
         FROM benefit_recoveries WHERE decision_id = $1`,
      [decisionId],
    );
    return row;
  }

  it('an SKO quash of a decision with a paid instalment opens the recovery with the amount from the ledger, decided once', async () => {
    // the first month was paid at the cash desk, the three later ones wait for their payout days
    const { caseId, decisionId, root, today, first } = await decisionBeingPaid({
      months: 4,
      firstOffset: -1,
      paidFirst: 0,
    });
    const payout = await payoutOf(root);
    const [queued] = await eventually(
      async () => {
        const rows = await runtime.db.query<{ id: string; batch_id: string }>(
          `SELECT id, batch_id FROM payout_instalments WHERE decision_id = $1 AND instalment_no = 1 AND status = 'queued'`,
          [decisionId],
        );
        return rows.length ? rows : undefined;
      },
      'rata nr 1 na liście kasy',
      60_000,
    );
    const [cashier] = await runtime.db.query<{ id: string }>(
      'SELECT prepared_by AS id FROM decisions WHERE id = $1',
      [decisionId],
    );
    expect(await markPaid(runtime.db, queued!.id, cashier!.id, queued!.batch_id)).toBe(true);
    // a late appeal forwarded to the SKO while the decision is carried out; the SKO quashes it
    await runtime.db.query(
      `INSERT INTO appeals (decision_id, received_on, forward_due_on, forwarded_on) VALUES ($1, $2, $2, $2)`,
      [decisionId, today],
    );
    await applyDecisionEvent(
      { db: runtime.db, commands: runtime.commands },
      {
        decisionId,
        event: { kind: 'appeal-decided', ruling: 'revoked', receivedOn: today },
        userId: cashier!.id,
      },
    );

    const task = await recoveryTask(root);
    expect(task.candidate_groups).toEqual(['benefits']);
    expect(await ended(payout)).toBe('COMPLETED');
    expect((await listInstalments(runtime.db, decisionId)).map((i) => i.status)).toEqual([
      'paid',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    // the amount is the paid instalment, from the ledger, in the engine and in the case file
    const variables = await runtime.engine.processVariables(task.process_instance_key);
    expect(variables).toMatchObject({ decisionId, undueGrosze: 50_000, recoveryAlreadyDecided: false });
    expect(await recoveryRow(decisionId)).toEqual({
      undue_grosze: '50000',
      from_month: null,
      paid_months: [first],
      status: 'open',
      resolution: null,
      amount_grosze: null,
      due_on: null,
      justification: null,
    });
    // the form shows it to the benefits worker (the task puts the team on the case: need-to-know)
    const page = await benefits.request('GET', `/zadania/${task.user_task_key}`);
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('Nienależnie pobrane świadczenie z rejestru wypłat: 500,00\u00a0zł');
    expect(String(page.body)).toContain(`za miesiące: ${first}`);

    // spreading into instalments needs a justification (art. 104): 400 naming the field, nothing stored
    const bad = await benefits.request('POST', `/api/tasks/${task.user_task_key}/complete`, {
      recoveryResolution: 'instalments',
      amount: '500,00',
      dueOn: '2030-01-31',
      instalmentCount: '5',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'validation', field: 'justification' } });
    const tooMuch = await benefits.request('POST', `/api/tasks/${task.user_task_key}/complete`, {
      recoveryResolution: 'demand',
      amount: '500,01',
      dueOn: '2030-01-31',
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body).toMatchObject({ error: { code: 'validation', field: 'amount' } });
    expect((await recoveryRow(decisionId))?.status).toBe('open');

    const decide = {
      recoveryResolution: 'instalments',
      amount: '500,00',
      dueOn: '2030-01-31',
      instalmentCount: '5',
      justification: 'Trudna sytuacja materialna rodziny, jedno źródło dochodu.',
    };
    const first1 = await benefits.request('POST', `/api/tasks/${task.user_task_key}/complete`, decide);
    expect(first1.status).toBe(204);
    const again = await benefits.request('POST', `/api/tasks/${task.user_task_key}/complete`, decide);
    expect(again.status).not.toBe(204);
    expect(await ended(task.process_instance_key)).toBe('COMPLETED');
    expect(await recoveryRow(decisionId)).toEqual({
      undue_grosze: '50000',
      from_month: null,
      paid_months: [first],
      status: 'decided',
      resolution: 'instalments',
      amount_grosze: '50000',
      due_on: '2030-01-31',
      justification: 'Trudna sytuacja materialna rodziny, jedno źródło dochodu.',
    });
    const audits = await runtime.db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_log WHERE action = 'benefit-recovery-decided' AND entity_id = $1`,
      [decisionId],
    );
    expect(audits.map((a) => a.details)).toEqual([
      { caseId, resolution: 'instalments', undueGrosze: 50_000, amountGrosze: 50_000, waivedGrosze: 0 },
    ]);
    // a redelivered compute-undue-benefit finds the recovery decided: nothing opens again, nothing changes
    expect(
      await computeUndueBenefit(runtime.db, {
        decisionId,
        fromMonth: null,
        processInstanceKey: 'redelivery',
      }),
    ).toEqual({ undueGrosze: 0, months: [], alreadyDecided: true });
    expect(
      await runtime.db.query('SELECT count(*)::int AS n FROM benefit_recoveries WHERE decision_id = $1', [
        decisionId,
      ]),
    ).toEqual([{ n: 1 }]);
    expect(await ended(root)).toBe('COMPLETED');
  });

  it("the centre's revocation from a month cancels what is not paid from it, keeps what was paid and recovers paid months from it", async () => {
    // five months: three paid (two months ago, last month, this month), two later ones scheduled
    const { caseId, decisionId, root, today } = await decisionBeingPaid({
      months: 5,
      firstOffset: -2,
      paidFirst: 3,
    });
    const payout = await payoutOf(root);
    // the payout passed the paid past months and waits for a payout day (this month's before the 10th, else the next)
    await eventually(
      async () => {
        const [row] = await runtime.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM engine_events WHERE process_instance_id = $1 AND element_id = 'wait-for-payout-day' AND type = 'activity-started'`,
          [payout],
        );
        return row && row.n >= 3 ? true : undefined;
      },
      'rata czeka na dzień wypłaty',
      90_000,
    );
    await teamWorkedOnCase(runtime.db, caseId, 'benefits', clock.now());
    const fromMonth = monthOf(today, -1);

    const badMonth = await benefits.request('POST', `/api/decisions/${decisionId}/events`, {
      kind: 'revoke',
      fromMonth: `${today.slice(0, 4)}-13`,
      revokingNumber: 'MOPS.ŚW.5111.9',
      revokingDate: today,
      reason: 'Strona podjęła zatrudnienie.',
    });
    expect(badMonth.status).toBe(400);
    expect(badMonth.body).toMatchObject({ error: { code: 'validation', field: 'fromMonth' } });
    expect(JSON.stringify(badMonth.body)).toContain('RRRR-MM');

    const revocation = {
      kind: 'revoke',
      fromMonth,
      revokingNumber: 'MOPS.ŚW.5111.9',
      revokingDate: today,
      reason: 'Strona podjęła zatrudnienie, dochód przekracza kryterium.',
    };
    const recorded = await benefits.request('POST', `/api/decisions/${decisionId}/events`, revocation);
    expect(recorded.status).toBe(202);
    expect(recorded.body).toMatchObject({
      message: 'decision-changed',
      changeKind: 'revoked',
      changeFromMonth: fromMonth,
    });
    // the same entry again adds nothing (keys: decision + kind + month)
    expect((await benefits.request('POST', `/api/decisions/${decisionId}/events`, revocation)).status).toBe(
      202,
    );

    expect(await ended(payout)).toBe('COMPLETED');
    expect((await listInstalments(runtime.db, decisionId)).map((i) => [i.month, i.status])).toEqual([
      [monthOf(today, -2), 'paid'],
      [monthOf(today, -1), 'paid'],
      [monthOf(today, 0), 'paid'],
      [monthOf(today, 1), 'cancelled'],
      [monthOf(today, 2), 'cancelled'],
    ]);
    const [decision] = await runtime.db.query<{ status: string; revised_from_month: string }>(
      'SELECT status, revised_from_month FROM decisions WHERE id = $1',
      [decisionId],
    );
    expect(decision).toEqual({ status: 'revoked', revised_from_month: fromMonth });
    expect(
      await runtime.db.query(
        `SELECT kind, from_month, revoking_number, reason FROM decision_revisions WHERE decision_id = $1`,
        [decisionId],
      ),
    ).toEqual([
      {
        kind: 'revoke',
        from_month: fromMonth,
        revoking_number: 'MOPS.ŚW.5111.9',
        reason: 'Strona podjęła zatrudnienie, dochód przekracza kryterium.',
      },
    ]);
    // the paid months from the revocation on are undue; the month before it stays due
    const task = await recoveryTask(root);
    expect(await runtime.engine.processVariables(task.process_instance_key)).toMatchObject({
      undueGrosze: 100_000,
      recoveryFromMonth: fromMonth,
    });
    expect(await recoveryRow(decisionId)).toMatchObject({
      undue_grosze: '100000',
      from_month: fromMonth,
      paid_months: [monthOf(today, -1), monthOf(today, 0)],
      status: 'open',
    });
    const commands = await runtime.db.query<{ idempotency_key: string }>(
      `SELECT idempotency_key FROM engine_commands WHERE idempotency_key LIKE $1 ORDER BY idempotency_key`,
      [`%${decisionId}%`],
    );
    expect(commands.map((c) => c.idempotency_key)).toEqual([
      `benefit-recovery:${decisionId}:revoke:${fromMonth}`,
      `decision-changed:${decisionId}:centre-revoke:${fromMonth}`,
    ]);
    // waiving part of it, with reasons: the rest is demanded by the due day
    const done = await benefits.request('POST', `/api/tasks/${task.user_task_key}/complete`, {
      recoveryResolution: 'waive',
      amount: '400',
      dueOn: '2030-02-28',
      justification: 'Umorzenie części: choroba w rodzinie (art. 104 u.p.s.).',
    });
    expect(done.status).toBe(204);
    expect(await recoveryRow(decisionId)).toMatchObject({
      status: 'decided',
      resolution: 'waive',
      amount_grosze: '40000',
    });
  });

  it("refuses a forged revocation of another team's decision with 404 and writes nothing", async () => {
    // a decision of a case nobody of the caller's teams works on
    const { decisionId } = await grantedDecision(runtime.db, {
      amountGrosze: 50_000,
      from: '2026-01-01',
      to: '2026-06-30',
      method: 'transfer',
    });
    await runtime.db.query(`UPDATE decisions SET number = $2, status = 'final' WHERE id = $1`, [
      decisionId,
      `TEST.5111.${decisionId.slice(0, 8)}`,
    ]);
    const forged = await otherTeam.request('POST', `/api/decisions/${decisionId}/events`, {
      kind: 'revoke',
      fromMonth: '2026-03',
      revokingNumber: 'MOPS.ŚW.5111.66',
      revokingDate: '2026-03-01',
      reason: 'Podrobione uchylenie cudzej decyzji.',
    });
    const unknown = await otherTeam.request(
      'POST',
      `/api/decisions/00000000-0000-4000-8000-000000000000/events`,
      {
        kind: 'revoke',
        fromMonth: '2026-03',
        revokingNumber: 'MOPS.ŚW.5111.66',
        revokingDate: '2026-03-01',
        reason: 'Podrobione uchylenie cudzej decyzji.',
      },
    );
    expect(forged.status).toBe(404);
    const error = (body: unknown) => (body as { error: unknown }).error;
    expect(error(forged.body)).toEqual(error(unknown.body));
    expect(error(forged.body)).toMatchObject({ code: 'not-found', message: 'Nie ma takiej decyzji.' });
    expect(
      await runtime.db.query('SELECT status, revised_from_month FROM decisions WHERE id = $1', [decisionId]),
    ).toEqual([{ status: 'final', revised_from_month: null }]);
    expect(
      await runtime.db.query('SELECT count(*)::int AS n FROM decision_revisions WHERE decision_id = $1', [
        decisionId,
      ]),
    ).toEqual([{ n: 0 }]);
    expect(
      await runtime.db.query(`SELECT count(*)::int AS n FROM engine_commands WHERE idempotency_key LIKE $1`, [
        `%${decisionId}%`,
      ]),
    ).toEqual([{ n: 0 }]);
    expect(
      await runtime.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [decisionId]),
    ).toEqual([{ n: 0 }]);
  });
});
