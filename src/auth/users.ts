import type { Database } from '../db/database';
import { hashPassword } from './password';
import type { RoleId } from './roles';

export interface User {
  id: string;
  login: string;
  displayName: string;
  position: string;
  site: string;
  roles: string[];
}

/** A users row as SQL returns it (without the password hash). */
export interface UserRow {
  id: string;
  login: string;
  display_name: string;
  position: string;
  site: string;
  roles: string[];
}

/** The columns of UserRow, for SELECTs (prefix with an alias where needed). */
export const USER_COLUMNS = 'id, login, display_name, position, site, roles';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    position: row.position,
    site: row.site,
    roles: row.roles,
  };
}

export async function findUserForLogin(
  db: Database,
  login: string,
): Promise<(User & { passwordHash: string }) | undefined> {
  const [row] = await db.query<UserRow & { password_hash: string }>(
    'SELECT id, login, display_name, position, site, roles, password_hash FROM users WHERE login = $1 AND active',
    [login],
  );
  return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
}

export interface NewUser {
  login: string;
  displayName: string;
  position: string;
  site: string;
  roles: RoleId[];
  password: string;
}

/** Creates the user unless the login exists; returns true when created. */
export async function createUserIfMissing(db: Database, user: NewUser): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO users (login, display_name, position, site, roles, password_hash) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (login) DO NOTHING RETURNING id`,
    [user.login, user.displayName, user.position, user.site, user.roles, await hashPassword(user.password)],
  );
  return rows.length > 0;
}
