import { createPgDatabase } from '../../src/db/pg-database';
import type { Database } from '../../src/db/database';
import { issueDecision } from '../../src/decisions/issue-decision';
import { enqueueMessage } from '../../src/notifications/outbox';
import {
  cancelInstalmentsFrom,
  listInstalments,
  markPaid,
  queueInstalment,
  scheduleInstalments,
} from '../../src/payouts/ledger';
import { grantedDecision } from './case-file-fixtures';
import { TEST_DATABASE_URL } from './test-config';
import { migrate } from '../../src/db/migrate';
import { createLogger } from '../../src/logger';

/**
 * Nothing doubled: the same job delivered many times at once (as the engine may: at least once) and again after a
 * "crash" between the side effect and the job completion never gives a second number, instalment, batch entry
 * or letter. Runs against the real PostgreSQL.
 */
describe('exactly once in the case file', () => {
  let db: Database;
  const DELIVERIES = 8;

  beforeAll(async () => {
    db = createPgDatabase(TEST_DATABASE_URL);
    await migrate(db, createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'test' }));
  });

  afterAll(() => db.close());

  it('numbers a decision once however often issuing is delivered', async () => {
    const { decisionId } = await grantedDecision(db, {
      amountGrosze: 64600,
      from: '2026-01-01',
      to: '2026-03-31',
      method: 'cash',
    });
    const results = await Promise.allSettled(
      Array.from({ length: DELIVERIES }, () =>
        issueDecision(db, {
          decisionId,
          numberPattern: 'TEST.5111.{n}.{yyyy}',
          now: new Date('2026-01-15T10:00:00Z'),
        }),
      ),
    );
    const numbers = new Set(results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.number] : [])));
    expect(numbers.size).toBe(1);
    expect(results.filter((r) => r.status === 'fulfilled' && r.value.newlyIssued)).toHaveLength(1);
    const again = await issueDecision(db, {
      decisionId,
      numberPattern: 'TEST.5111.{n}.{yyyy}',
      now: new Date('2026-02-01T10:00:00Z'),
    });
    expect(again).toMatchObject({ number: [...numbers][0], issuedOn: '2026-01-15', newlyIssued: false });
    console.log(
      `decision issuing: ${DELIVERIES} concurrent deliveries + 1 redelivery → 1 number (${again.number})`,
    );
  });

  it('refuses issuing a decision approved by the person who prepared it', async () => {
    const { decisionId, preparedBy } = await grantedDecision(db, {
      amountGrosze: 1000,
      from: '2026-01-01',
      to: '2026-01-31',
      method: 'cash',
    });
    await expect(
      db.query('UPDATE decisions SET approved_by = $2 WHERE id = $1', [decisionId, preparedBy]),
    ).rejects.toThrow(/four_eyes/);
  });

  it('schedules each month once and puts each instalment in exactly one batch', async () => {
    const { decisionId } = await grantedDecision(db, {
      amountGrosze: 64600,
      from: '2026-01-10',
      to: '2026-04-20',
      method: 'transfer',
    });
    await Promise.all(Array.from({ length: DELIVERIES }, () => scheduleInstalments(db, decisionId)));
    const instalments = await listInstalments(db, decisionId);
    expect(instalments.map((i) => i.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);

    const deliveries = await Promise.all(
      Array.from({ length: DELIVERIES }, () =>
        queueInstalment(db, { decisionId, instalmentNo: 1, payoutDate: '2026-01-20' }),
      ),
    );
    expect(deliveries.filter((d) => d.newlyQueued)).toHaveLength(1);
    expect(new Set(deliveries.map((d) => d.batchId)).size).toBe(1);
    expect(deliveries[0]?.kind).toBe('bank-transfer');

    // a redelivery after a crash between the side effect and the job completion
    const redelivered = await queueInstalment(db, { decisionId, instalmentNo: 1, payoutDate: '2026-01-21' });
    expect(redelivered).toMatchObject({ newlyQueued: false, batchId: deliveries[0]?.batchId });
    const [count] = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM payout_instalments WHERE decision_id = $1 AND batch_id IS NOT NULL`,
      [decisionId],
    );
    expect(Number(count?.n)).toBe(1);
    expect(await markPaid(db, deliveries[0]!.instalmentId, null)).toBe(true);
    expect(await markPaid(db, deliveries[0]!.instalmentId, null)).toBe(false);
    console.log(
      `payout: ${DELIVERIES} concurrent deliveries + 1 redelivery of pay-instalment → 1 batch entry, 1 payment`,
    );
  });

  it('stops future instalments of a revoked decision but keeps what was already queued', async () => {
    const { decisionId } = await grantedDecision(db, {
      amountGrosze: 2000,
      from: '2026-01-01',
      to: '2026-04-30',
      method: 'cash',
    });
    await scheduleInstalments(db, decisionId);
    await queueInstalment(db, { decisionId, instalmentNo: 1, payoutDate: '2026-01-20' });
    expect(await cancelInstalmentsFrom(db, decisionId, '2026-01')).toBe(3);
    const after = await queueInstalment(db, { decisionId, instalmentNo: 3, payoutDate: '2026-03-20' });
    expect(after).toMatchObject({ status: 'cancelled', newlyQueued: false, batchId: null });
    expect((await listInstalments(db, decisionId)).map((i) => i.status)).toEqual([
      'queued',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });

  it('queues a letter for an event once', async () => {
    const { caseId } = await grantedDecision(db, {
      amountGrosze: 2000,
      from: '2026-01-01',
      to: '2026-01-31',
      method: 'cash',
    });
    const message = {
      caseId,
      channel: 'letter' as const,
      recipient: 'Jan Testowy',
      subject: 'Decyzja',
      body: 'treść',
      idempotencyKey: `decision-issued:${caseId}`,
    };
    const queued = await Promise.all(Array.from({ length: DELIVERIES }, () => enqueueMessage(db, message)));
    expect(queued.filter(Boolean)).toHaveLength(1);
  });
});
