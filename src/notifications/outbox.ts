import type { Database, Queryable } from '../db/database';
import type { Logger } from '../logger';

export interface OutboxMessage {
  caseId: string | null;
  channel: 'letter' | 'sms' | 'email';
  recipient: string;
  subject: string;
  body: string;
  /** Stable per business event (e.g. `decision-issued:<decisionId>`): the same letter is never queued twice. */
  idempotencyKey: string;
}

/** A way to reach the party: print room, SMS gateway, e-mail. The default only logs (no personal data). */
export interface Channel {
  send(message: OutboxMessage & { id: string }): Promise<void>;
}

export function logChannel(log: Logger): Channel {
  return {
    send(message) {
      log.info('Wysyłka (kanał dziennika)', {
        messageId: message.id,
        channel: message.channel,
        caseId: message.caseId,
        subject: message.subject,
      });
      return Promise.resolve();
    },
  };
}

/** Queues a message inside the caller's transaction; returns false when that event was queued before. */
export async function enqueueMessage(tx: Queryable, message: OutboxMessage): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO outbox_messages (case_id, channel, recipient, subject, body, idempotency_key)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      message.caseId,
      message.channel,
      message.recipient,
      message.subject,
      message.body,
      message.idempotencyKey,
    ],
  );
  return rows.length > 0;
}

const MAX_ATTEMPTS = 5;

/**
 * Sends pending messages; a failure is retried on the next round, and after 5 attempts the message is `failed`.
 * Safe with several app replicas: each round leases its messages (`FOR UPDATE SKIP LOCKED`), so two senders never
 * take the same message; the lease ends when the message is sent or the attempt fails (or expires after `leaseMs`).
 */
export async function dispatchOutbox(
  db: Database,
  channel: Channel,
  log: Logger,
  limit = 20,
  leaseMs = 60_000,
): Promise<number> {
  let sent = 0;
  const pending = await db.query<{
    id: string;
    case_id: string | null;
    channel: OutboxMessage['channel'];
    recipient: string;
    subject: string;
    body: string;
    idempotency_key: string;
  }>(
    // a lease across app replicas: rows another sender holds are skipped, an expired lease is taken over
    `UPDATE outbox_messages SET lease_until = now() + ($2 || ' milliseconds')::interval
      WHERE id IN (
        SELECT id FROM outbox_messages
         WHERE status = 'pending' AND (lease_until IS NULL OR lease_until < now())
         ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING id, case_id, channel, recipient, subject, body, idempotency_key`,
    [limit, String(leaseMs)],
  );
  for (const row of pending) {
    try {
      await channel.send({
        id: row.id,
        caseId: row.case_id,
        channel: row.channel,
        recipient: row.recipient,
        subject: row.subject,
        body: row.body,
        idempotencyKey: row.idempotency_key,
      });
      await db.query(
        `UPDATE outbox_messages SET status = 'sent', sent_at = now(), attempts = attempts + 1, lease_until = NULL
          WHERE id = $1 AND status = 'pending'`,
        [row.id],
      );
      sent += 1;
    } catch (error) {
      log.warn('Wysyłka nieudana, ponowię', { messageId: row.id, error: String(error) });
      await db.query(
        `UPDATE outbox_messages SET attempts = attempts + 1, last_error = $2, lease_until = NULL,
                status = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE status END WHERE id = $1`,
        [row.id, String(error).slice(0, 500), MAX_ATTEMPTS],
      );
    }
  }
  return sent;
}

/** A message that finally failed (all attempts used): an incident-like item managers see next to the incidents. */
export interface FailedMessage {
  id: string;
  caseId: string | null;
  caseNumber: string | null;
  channel: OutboxMessage['channel'];
  subject: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

export async function listFailedMessages(db: Queryable): Promise<FailedMessage[]> {
  const rows = await db.query<{
    id: string;
    case_id: string | null;
    case_number: string | null;
    channel: OutboxMessage['channel'];
    subject: string;
    attempts: number;
    last_error: string | null;
    created_at: Date;
  }>(
    `SELECT m.id, m.case_id, c.case_number, m.channel, m.subject, m.attempts, m.last_error, m.created_at
       FROM outbox_messages m LEFT JOIN cases c ON c.id = m.case_id
      WHERE m.status = 'failed' ORDER BY m.created_at`,
  );
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    channel: r.channel,
    subject: r.subject,
    attempts: Number(r.attempts),
    lastError: r.last_error,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
