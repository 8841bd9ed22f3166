import { Router } from 'express';
import { z } from 'zod';
import { ROLE_IDS } from '../../auth/roles';
import { createUser, listUsers, newUserSchema, updateUser, userUpdateSchema } from '../../auth/user-admin';
import type { WebDeps } from '../context';
import { localizeError } from '../../i18n';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { signedIn } from '../views/page-context';
import { usersPage } from '../views/users-page';

const id = z.string().uuid();

/** Accounts and roles, for administrators only (JSON API and a page). */
export function adminRoutes(deps: WebDeps): Router {
  const router = Router();
  router.use(['/api/users', '/admin'], requireSession, requireCsrf, requireRole('admins'));

  router.get('/api/users', async (_req, res) => {
    res.json({ items: await listUsers(deps.db) });
  });
  router.post('/api/users', async (req, res) => {
    res
      .status(201)
      .json({ id: await createUser(deps.db, req.session!.user, newUserSchema.parse(req.body ?? {})) });
  });
  router.patch('/api/users/:id', async (req, res) => {
    await updateUser(
      deps.db,
      req.session!.user,
      id.parse(req.params.id),
      userUpdateSchema.parse(req.body ?? {}),
    );
    res.status(204).end();
  });

  router.get('/admin/uzytkownicy', async (req, res) => {
    res.type('html').send(usersPage(signedIn(req), await listUsers(deps.db)));
  });
  router.post('/admin/uzytkownicy', async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const values = {
      ...body,
      roles: ([] as unknown[]).concat(body.roles ?? []).filter((r) => ROLE_IDS.includes(r as never)),
    };
    try {
      await createUser(deps.db, req.session!.user, newUserSchema.parse(values));
      res.redirect(303, '/admin/uzytkownicy');
    } catch (error) {
      const answer = localizeError(error, req.i18n);
      if (answer.status >= 500) throw error;
      res
        .status(answer.status)
        .type('html')
        .send(usersPage(signedIn(req), await listUsers(deps.db), { message: answer.message, values: body }));
    }
  });
  return router;
}
