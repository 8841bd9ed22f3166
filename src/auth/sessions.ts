import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database';
import { toUser, type User, type UserRow } from './users';

export interface Session {
  id: string;
  csrfToken: string;
  user: User;
}

const ABSOLUTE_HOURS = 12;

/** Sessions live in the database: they survive a restart and work across app replicas. */
export async function createSession(
  db: Database,
  userId: string,
): Promise<{ id: string; csrfToken: string }> {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.query(
    `INSERT INTO sessions (id, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
    [id, userId, csrfToken, ABSOLUTE_HOURS],
  );
  return { id, csrfToken };
}

/** Loads a live session and moves its idle deadline; an idle or expired one is deleted. */
export async function loadSession(
  db: Database,
  id: string,
  idleMinutes: number,
): Promise<Session | undefined> {
  const [row] = await db.query<UserRow & { csrf_token: string; idle: boolean }>(
    `SELECT s.csrf_token, (s.last_seen_at < now() - make_interval(mins => $2) OR s.expires_at < now()) AS idle,
            u.id, u.login, u.display_name, u.position, u.site, u.roles
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND u.active`,
    [id, idleMinutes],
  );
  if (!row) return undefined;
  if (row.idle) {
    await destroySession(db, id);
    return undefined;
  }
  await db.query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [id]);
  return { id, csrfToken: row.csrf_token, user: toUser(row) };
}

export async function destroySession(db: Database, id: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id = $1', [id]);
}
