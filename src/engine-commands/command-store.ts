import type { Queryable } from '../db/database';
import type { AttemptOutcome, EngineCommand, StoredCommand } from './command';
import { MAX_TECHNICAL_ATTEMPTS, MESSAGE_WAIT_LIMIT_MS, nextAttemptDelayMs } from './command';

interface CommandRow {
  id: string;
  idempotency_key: string;
  kind: string;
  payload: EngineCommand | string;
  status: StoredCommand['status'];
  attempts: number;
  last_error: string | null;
  result: Record<string, unknown> | string | null;
  created_by: string | null;
  created_at: Date | string;
}

const COLUMNS =
  'id, idempotency_key, kind, payload, status, attempts, last_error, result, created_by, created_at';

/**
 * Stores a command in the caller's transaction. A second call with the same key stores nothing and returns the
 * command stored first (`inserted: false`), so the caller can tell a repeat from a new request.
 */
export async function enqueueCommand(
  tx: Queryable,
  input: {
    idempotencyKey: string;
    command: EngineCommand;
    caseId?: string | null;
    createdBy?: string | null;
  },
): Promise<{ command: StoredCommand; inserted: boolean }> {
  const inserted = await tx.query<CommandRow>(
    `INSERT INTO engine_commands (idempotency_key, kind, payload, case_id, created_by)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${COLUMNS}`,
    [
      input.idempotencyKey,
      input.command.kind,
      JSON.stringify(input.command),
      input.caseId ?? null,
      input.createdBy ?? null,
    ],
  );
  if (inserted[0]) return { command: toCommand(inserted[0]), inserted: true };
  const [existing] = await tx.query<CommandRow>(
    `SELECT ${COLUMNS} FROM engine_commands WHERE idempotency_key = $1`,
    [input.idempotencyKey],
  );
  if (!existing) throw new Error(`Brak polecenia ${input.idempotencyKey} po konflikcie klucza`);
  return { command: toCommand(existing), inserted: false };
}

export async function findCommand(db: Queryable, id: string): Promise<StoredCommand | undefined> {
  const [row] = await db.query<CommandRow>(`SELECT ${COLUMNS} FROM engine_commands WHERE id = $1`, [id]);
  return row ? toCommand(row) : undefined;
}

/**
 * Takes a lease on a pending command (or, with no id, on the commands due now): a command is sent by one sender at
 * a time across app replicas; a sender that dies leaves its lease to expire.
 */
export async function leaseCommands(
  db: Queryable,
  input: { id?: string; limit?: number; leaseMs?: number },
): Promise<(StoredCommand & { createdAt: Date })[]> {
  const leaseMs = input.leaseMs ?? 60_000;
  const rows = await db.query<CommandRow>(
    `UPDATE engine_commands SET lease_until = now() + ($1 || ' milliseconds')::interval, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM engine_commands
         WHERE status = 'pending' AND (lease_until IS NULL OR lease_until < now())
           AND ($2::uuid IS NOT NULL AND id = $2::uuid OR $2::uuid IS NULL AND next_attempt_at <= now())
         ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING ${COLUMNS}`,
    [String(leaseMs), input.id ?? null, input.limit ?? 20],
  );
  return rows.map((row) => ({ ...toCommand(row), createdAt: new Date(row.created_at) }));
}

/** Records how an attempt ended and releases the lease. */
export async function settleCommand(
  db: Queryable,
  command: StoredCommand & { createdAt: Date },
  outcome: AttemptOutcome,
  now: Date = new Date(),
): Promise<StoredCommand['status']> {
  if (outcome.kind === 'done') {
    await db.query(
      `UPDATE engine_commands SET status = 'done', result = $2, done_at = now(), lease_until = NULL, last_error = NULL
        WHERE id = $1`,
      [command.id, JSON.stringify(outcome.result)],
    );
    return 'done';
  }
  const giveUp =
    outcome.kind === 'failed' ||
    (outcome.notWaitingYet
      ? now.getTime() - command.createdAt.getTime() > MESSAGE_WAIT_LIMIT_MS
      : command.attempts >= MAX_TECHNICAL_ATTEMPTS);
  if (giveUp) {
    await db.query(
      `UPDATE engine_commands SET status = 'failed', last_error = $2, lease_until = NULL WHERE id = $1`,
      [command.id, outcome.error],
    );
    return 'failed';
  }
  await db.query(
    `UPDATE engine_commands SET last_error = $2, lease_until = NULL,
       next_attempt_at = now() + ($3 || ' milliseconds')::interval WHERE id = $1`,
    [command.id, outcome.error, String(nextAttemptDelayMs(command.attempts))],
  );
  return 'pending';
}

function toCommand(row: CommandRow): StoredCommand {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    command: typeof row.payload === 'string' ? (JSON.parse(row.payload) as EngineCommand) : row.payload,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    result: typeof row.result === 'string' ? (JSON.parse(row.result) as Record<string, unknown>) : row.result,
    createdBy: row.created_by,
  };
}
