import { randomUUID } from 'node:crypto';
import { migrate } from '../../src/db/migrate';
import type { Database } from '../../src/db/database';
import { createPgDatabase } from '../../src/db/pg-database';
import { createLogger } from '../../src/logger';
import { dispatchOutbox, enqueueMessage, type Channel } from '../../src/notifications/outbox';
import { TEST_DATABASE_URL } from './test-config';

/**
 * Outbox delivery with several app replicas (issue 10, Money 4): replicas dispatching at the same moment each lease
 * their messages (FOR UPDATE SKIP LOCKED) — every letter goes out exactly once. Real PostgreSQL.
 */
describe('outbox with several replicas', () => {
  let db: Database;
  const log = createLogger({ LOG_LEVEL: 'error', NODE_ENV: 'test' });

  beforeAll(async () => {
    db = createPgDatabase(TEST_DATABASE_URL);
    await migrate(db, log);
  });

  afterAll(() => db.close());

  it('sends each message once when four replicas dispatch at the same time', async () => {
    const tag = randomUUID().slice(0, 8);
    const MESSAGES = 12;
    for (let n = 0; n < MESSAGES; n += 1) {
      await enqueueMessage(db, {
        caseId: null,
        channel: 'letter',
        recipient: 'Jan Testowy',
        subject: `Pismo ${n}`,
        body: 'Treść',
        idempotencyKey: `replicas-${tag}-${n}`,
      });
    }
    const sends: string[] = [];
    // a slow print room: the replicas overlap while a round is still sending
    const channel: Channel = {
      async send(message) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (message.idempotencyKey.startsWith(`replicas-${tag}-`)) sends.push(message.idempotencyKey);
      },
    };
    await Promise.all(Array.from({ length: 4 }, () => dispatchOutbox(db, channel, log, 100)));
    await dispatchOutbox(db, channel, log, 100);
    expect(sends).toHaveLength(MESSAGES);
    expect(new Set(sends).size).toBe(MESSAGES);
    const [row] = await db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM outbox_messages WHERE idempotency_key LIKE $1 AND status = 'sent' AND attempts = 1`,
      [`replicas-${tag}-%`],
    );
    expect(Number(row?.n)).toBe(MESSAGES);
  });
});
