import { applyDecisionEvent } from '../../src/decisions/decision-events';
import { warsawDate } from '../../src/domain/calendar-date';
import { listInstalments, markPaid, queueInstalment, scheduleInstalments } from '../../src/payouts/ledger';
import type { Runtime } from '../../src/runtime';
import { grantedDecision } from './case-file-fixtures';
import { eventually } from './http-client';
import type { TestClock } from './test-clock';
import { startTestRuntime } from './test-runtime';

/** The first day of the month `offset` months from `day` (YYYY-MM-DD). */
function monthStart(day: string, offset: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + offset, 1));
  return d.toISOString().slice(0, 10);
}

function monthEnd(day: string, offset: number): string {
  const next = new Date(`${monthStart(day, offset + 1)}T00:00:00Z`);
  return new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/**
 * A payment needs a decision in force, every time (issue 10, Money 1): queueing re-checks the decision in the same
 * transaction, and an SKO ruling that quashes the decision, recorded by the office, tells the payout itself
 * (`decision-changed` through the engine command outbox): what is not yet paid is cancelled, what was paid stays.
 */
describe('a payment needs a decision in force (real engine)', () => {
  let runtime: Runtime;
  let clock: TestClock;

  beforeAll(async () => {
    ({ runtime, clock } = await startTestRuntime());
  });

  afterAll(() => clock.resetAfterStop());

  it('does not queue an instalment of a decision revoked after its schedule was made', async () => {
    const { decisionId } = await grantedDecision(runtime.db, {
      amountGrosze: 50_000,
      from: '2026-01-01',
      to: '2026-03-31',
      method: 'cash',
    });
    await scheduleInstalments(runtime.db, decisionId);
    const first = await queueInstalment(runtime.db, {
      decisionId,
      instalmentNo: 1,
      payoutDate: '2026-01-10',
    });
    expect(first).toMatchObject({ status: 'queued', newlyQueued: true });
    await runtime.db.query(`UPDATE decisions SET status = 'revoked' WHERE id = $1`, [decisionId]);
    const second = await queueInstalment(runtime.db, {
      decisionId,
      instalmentNo: 2,
      payoutDate: '2026-02-10',
    });
    expect(second).toMatchObject({ status: 'cancelled', batchId: null, newlyQueued: false });
    expect((await listInstalments(runtime.db, decisionId)).map((i) => i.status)).toEqual([
      'queued',
      'cancelled',
      'scheduled',
    ]);
  });

  it('an SKO ruling quashing the decision stops the payout: paid stays paid, the rest is cancelled', async () => {
    const today = warsawDate(clock.now());
    // the first instalment is due already (a past month), the others wait for their payout days
    const { caseId, decisionId } = await grantedDecision(runtime.db, {
      amountGrosze: 60_000,
      from: monthStart(today, -1),
      to: monthEnd(today, 2),
      method: 'cash',
    });
    const [user] = await runtime.db.query<{ id: string }>(
      `SELECT prepared_by AS id FROM decisions WHERE id = $1`,
      [decisionId],
    );
    // an appeal filed late (art. 134) and forwarded to the SKO while the decision is carried out
    await runtime.db.query(`UPDATE decisions SET number = $2, status = 'final' WHERE id = $1`, [
      decisionId,
      `TEST.5111.${decisionId.slice(0, 8)}`,
    ]);
    await runtime.db.query(
      `INSERT INTO appeals (decision_id, received_on, forward_due_on, forwarded_on) VALUES ($1, $2, $2, $2)`,
      [decisionId, today],
    );
    const payout = await runtime.engine.startProcess({
      processKey: 'mops-payout',
      variables: { caseId, decisionId },
    });

    const [paid] = await eventually(
      async () => {
        const rows = await runtime.db.query<{ id: string; batch_id: string }>(
          `SELECT id, batch_id FROM payout_instalments WHERE decision_id = $1 AND instalment_no = 1 AND status = 'queued'`,
          [decisionId],
        );
        return rows.length ? rows : undefined;
        // a task can stay locked to a worker of an earlier file (its parked poll outlives it) for its 30 s lock
      },
      'rata nr 1 na liście kasy',
      60_000,
    );
    expect(await markPaid(runtime.db, paid!.id, user!.id, paid!.batch_id)).toBe(true);

    await applyDecisionEvent(
      { db: runtime.db, commands: runtime.commands },
      {
        decisionId,
        event: { kind: 'appeal-decided', ruling: 'revoked', receivedOn: today },
        userId: user!.id,
      },
    );

    const state = await eventually(async () => {
      const [row] = await runtime.db.query<{ state: string }>(
        'SELECT state FROM process_instances WHERE process_instance_key = $1',
        [payout.processInstanceId],
      );
      return row && row.state !== 'ACTIVE' ? row.state : undefined;
    }, 'koniec wypłaty po uchyleniu decyzji');
    expect(state).toBe('COMPLETED');
    const [ended] = await runtime.db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM engine_events WHERE process_instance_id = $1 AND element_id = 'instalments-cancelled'`,
      [payout.processInstanceId],
    );
    expect(Number(ended?.n)).toBeGreaterThan(0);
    expect((await listInstalments(runtime.db, decisionId)).map((i) => i.status)).toEqual([
      'paid',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });
});
