import { randomUUID } from 'node:crypto';
import { migrate } from '../../src/db/migrate';
import type { Database } from '../../src/db/database';
import { createPgDatabase } from '../../src/db/pg-database';
import { createLogger } from '../../src/logger';
import {
  dispatchOutbox,
  enqueueMessage,
  listFailedMessages,
  type Channel,
} from '../../src/notifications/outbox';
import type { Runtime } from '../../src/runtime';
import { loginAs, startTestRuntime } from './test-runtime';
import type { TestClock } from './test-clock';
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

  it('a letter that finally fails becomes an item managers see with the incidents', async () => {
    const key = `failing-${randomUUID()}`;
    await enqueueMessage(db, {
      caseId: null,
      channel: 'letter',
      recipient: 'Jan Testowy',
      subject: `Decyzja ${key}`,
      body: 'Treść',
      idempotencyKey: key,
    });
    const printRoom: Channel = {
      send(message) {
        return message.idempotencyKey === key
          ? Promise.reject(new Error('drukarnia nie odpowiada'))
          : Promise.resolve();
      },
    };
    for (let round = 0; round < 5; round += 1) await dispatchOutbox(db, printRoom, log, 100);
    const failed = (await listFailedMessages(db)).find((m) => m.subject === `Decyzja ${key}`);
    expect(failed).toMatchObject({
      channel: 'letter',
      attempts: 5,
      lastError: expect.stringMatching(/drukarnia/),
    });

    // managers see it through the incidents API and page (the app on the engine)
    let runtime: Runtime | undefined;
    let clock: TestClock | undefined;
    try {
      ({ runtime, clock } = await startTestRuntime({ workers: false }));
      const manager = await loginAs(runtime, 'kierownik-outbox', ['managers']);
      const res = await manager.request('GET', '/api/incidents');
      expect(res.status).toBe(200);
      const letters = (res.body as { failedLetters: { subject: string }[] }).failedLetters;
      expect(letters.map((l) => l.subject)).toContain(`Decyzja ${key}`);
      const page = await manager.request('GET', '/incydenty');
      expect(String(page.body)).toContain(`Decyzja ${key}`);
    } finally {
      if (clock) await clock.resetAfterStop();
      else await runtime?.stop();
    }
  });
});
