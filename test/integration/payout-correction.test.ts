import { decideAccountChange, requestAccountChange } from '../../src/payouts/account-changes';
import { scheduleInstalments } from '../../src/payouts/ledger';
import type { Runtime } from '../../src/runtime';
import { correctPayoutDetailsForm } from '../../src/tasks/forms/correct-payout-details';
import { createPayInstalmentWorker } from '../../workers/pay-instalment';
import { grantedDecision } from './case-file-fixtures';
import { jobContext } from './job-context';
import { startTestRuntime } from './test-runtime';

/**
 * A transfer without a valid account is rejected to the correction task (BPMN error payout-rejected), never sent;
 * the account changes only with a second person (four eyes), then the correction (or a switch to cash) lets the
 * instalment go out once.
 */
describe('payout rejected and corrected', () => {
  let runtime: Runtime;

  beforeAll(async () => {
    ({ runtime } = await startTestRuntime({ workers: false }));
  });

  afterAll(async () => {
    await runtime.stop();
  });

  it('rejects a transfer with no account, takes the corrected account, then queues the instalment once', async () => {
    const fixture = await grantedDecision(runtime.db, {
      amountGrosze: 45_000,
      from: '2026-12-01',
      to: '2027-01-31',
      method: 'transfer',
    });
    await scheduleInstalments(runtime.db, fixture.decisionId);
    const worker = createPayInstalmentWorker({ db: runtime.db, now: () => new Date('2026-12-10T09:00:00Z') });
    const job = jobContext('pay-instalment', {
      decisionId: fixture.decisionId,
      instalment: { instalmentNo: 1 },
    });

    expect(await worker.handle(job)).toMatchObject({ kind: 'bpmn-error', errorCode: 'payout-rejected' });

    const [kase] = await runtime.db.query<{ process_instance_key: string }>(
      'SELECT process_instance_key FROM cases WHERE id = $1',
      [fixture.caseId],
    );
    const ctx = {
      userTaskKey: 'correction-1',
      processInstanceKey: kase!.process_instance_key,
      userId: fixture.preparedBy,
      now: new Date(),
    };
    // the account is not typed into the correction: without an approved account a transfer is refused …
    const transfer = () =>
      runtime.db.transaction((tx) =>
        correctPayoutDetailsForm.submit(
          tx,
          { payoutMethod: 'transfer', correctionNote: 'Klient podał nowy rachunek na piśmie' },
          ctx,
        ),
      );
    await expect(transfer()).rejects.toMatchObject({ field: 'payoutMethod' });
    // … the account changes with a second person (four eyes), then the correction goes through
    const change = await requestAccountChange(runtime.db, {
      caseId: fixture.caseId,
      newAccount: '61 1090 1014 0000 0712 1981 2874',
      reason: 'Pismo klienta z nowym rachunkiem',
      userId: fixture.preparedBy,
    });
    await decideAccountChange(runtime.db, { changeId: change.id, approve: true, userId: fixture.approvedBy });
    await transfer();

    const outcomes = await Promise.all(Array.from({ length: 4 }, () => worker.handle(job)));
    expect(outcomes.every((o) => o.kind === 'complete')).toBe(true);
    const queued = await runtime.db.query<{ status: string; batch_id: string | null }>(
      `SELECT status, batch_id FROM payout_instalments WHERE decision_id = $1 AND instalment_no = 1`,
      [fixture.decisionId],
    );
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ status: 'queued' });
    const [note] = await runtime.db.query<{ body: string }>('SELECT body FROM notes WHERE case_id = $1', [
      fixture.caseId,
    ]);
    expect(note?.body).toContain('Klient podał nowy rachunek');
  });

  it('switches the instalments not yet paid to cash when the client asks for it', async () => {
    const fixture = await grantedDecision(runtime.db, {
      amountGrosze: 30_000,
      from: '2026-12-01',
      to: '2027-01-31',
      method: 'transfer',
    });
    await scheduleInstalments(runtime.db, fixture.decisionId);
    const [kase] = await runtime.db.query<{ process_instance_key: string }>(
      'SELECT process_instance_key FROM cases WHERE id = $1',
      [fixture.caseId],
    );
    await runtime.db.transaction((tx) =>
      correctPayoutDetailsForm.submit(
        tx,
        { payoutMethod: 'cash', correctionNote: 'Klient zamknął rachunek, odbierze w kasie' },
        {
          userTaskKey: 'correction-2',
          processInstanceKey: kase!.process_instance_key,
          userId: fixture.preparedBy,
          now: new Date(),
        },
      ),
    );
    const methods = await runtime.db.query<{ method: string }>(
      'SELECT DISTINCT method FROM payout_instalments WHERE decision_id = $1',
      [fixture.decisionId],
    );
    expect(methods).toEqual([{ method: 'cash' }]);
  });
});
