import type { Database } from '../db/database';

/**
 * Failed logins counted in the database (so every replica sees them), per account and per address, in a window:
 * a login is refused when either has `maxFailures` failures within `windowMinutes`. A successful login clears the
 * account's failures, not the address's.
 */
export interface LoginThrottle {
  maxFailures: number;
  windowMinutes: number;
  now: () => Date;
}

/** The login normalised as the failures are counted (one account, however it is typed). */
const key = (login: string) => login.trim().toLowerCase();

export async function loginBlocked(
  db: Database,
  throttle: LoginThrottle,
  login: string,
  address: string,
): Promise<boolean> {
  const since = new Date(throttle.now().getTime() - throttle.windowMinutes * 60_000);
  const [row] = await db.query<{ by_login: string | number; by_address: string | number }>(
    `SELECT (SELECT count(*) FROM login_failures WHERE login = $1 AND at >= $3) AS by_login,
            (SELECT count(*) FROM login_failures WHERE address = $2 AND at >= $3) AS by_address`,
    [key(login), address, since],
  );
  return (
    Number(row?.by_login ?? 0) >= throttle.maxFailures || Number(row?.by_address ?? 0) >= throttle.maxFailures
  );
}

export async function recordLoginFailure(
  db: Database,
  throttle: LoginThrottle,
  login: string,
  address: string,
): Promise<void> {
  await db.query('INSERT INTO login_failures (login, address, at) VALUES ($1, $2, $3)', [
    key(login),
    address,
    throttle.now(),
  ]);
}

export async function clearLoginFailures(db: Database, login: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE login = $1', [key(login)]);
}
