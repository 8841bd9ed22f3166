import { z } from 'zod';
import type { Database } from '../db/database';
import { AppError } from '../errors/app-error';
import { hashPassword } from './password';
import { ROLE_IDS } from './roles';
import { toUser, USER_COLUMNS, type User, type UserRow } from './users';

const roleList = z
  .array(z.enum(ROLE_IDS as [string, ...string[]], { message: 'nieznana rola' }))
  .min(1, 'wybierz co najmniej jedną rolę');

export const newUserSchema = z.object({
  login: z
    .string()
    .trim()
    .regex(/^[a-z0-9._-]{3,50}$/, 'login: 3–50 znaków a-z, 0-9, kropka, myślnik'),
  displayName: z.string().trim().min(3, 'podaj imię i nazwisko').max(120),
  position: z.string().trim().min(2, 'podaj stanowisko (drukowane na decyzjach)').max(120),
  site: z.string().trim().max(120).default(''),
  roles: roleList,
  password: z.string().min(12, 'hasło: min. 12 znaków').max(200),
});

export const userUpdateSchema = z.object({
  displayName: z.string().trim().min(3).max(120).optional(),
  position: z.string().trim().min(2).max(120).optional(),
  site: z.string().trim().max(120).optional(),
  roles: roleList.optional(),
  active: z.boolean().optional(),
  password: z.string().min(12, 'hasło: min. 12 znaków').max(200).optional(),
});

export async function listUsers(db: Database): Promise<(User & { active: boolean })[]> {
  const rows = await db.query<UserRow & { active: boolean }>(
    `SELECT ${USER_COLUMNS}, active FROM users ORDER BY login`,
  );
  return rows.map((row) => ({ ...toUser(row), active: row.active }));
}

export async function createUser(
  db: Database,
  admin: User,
  input: z.infer<typeof newUserSchema>,
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO users (login, display_name, position, site, roles, password_hash) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (login) DO NOTHING RETURNING id`,
    [
      input.login,
      input.displayName,
      input.position,
      input.site,
      input.roles,
      await hashPassword(input.password),
    ],
  );
  const id = rows[0]?.id;
  if (!id)
    throw new AppError({
      code: 'conflict',
      field: 'login',
      message: `Login ${input.login} jest już zajęty.`,
    });
  await audit(db, admin, 'user-created', id, { login: input.login, roles: input.roles });
  return id;
}

export async function updateUser(
  db: Database,
  admin: User,
  id: string,
  input: z.infer<typeof userUpdateSchema>,
): Promise<void> {
  if (id === admin.id && (input.active === false || (input.roles && !input.roles.includes('admins')))) {
    throw new AppError({
      code: 'validation',
      field: 'roles',
      message: 'Nie możesz odebrać sobie roli administratora ani zablokować własnego konta.',
    });
  }
  const rows = await db.query(
    `UPDATE users SET display_name = coalesce($2, display_name), position = coalesce($3, position), site = coalesce($4, site),
            roles = coalesce($5, roles), active = coalesce($6, active), password_hash = coalesce($7, password_hash)
      WHERE id = $1 RETURNING id`,
    [
      id,
      input.displayName ?? null,
      input.position ?? null,
      input.site ?? null,
      input.roles ?? null,
      input.active ?? null,
      input.password ? await hashPassword(input.password) : null,
    ],
  );
  if (rows.length === 0) throw new AppError({ code: 'not-found', message: 'Nie ma takiego konta.' });
  if (input.active === false || input.password)
    await db.query('DELETE FROM sessions WHERE user_id = $1', [id]);
  await audit(db, admin, 'user-updated', id, {
    ...input,
    password: input.password ? '(zmienione)' : undefined,
  });
}

async function audit(
  db: Database,
  admin: User,
  action: string,
  userId: string,
  details: unknown,
): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, $2, 'user', $3, $4)`,
    [admin.id, action, userId, JSON.stringify(details)],
  );
}
