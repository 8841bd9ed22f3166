import { Router } from 'express';
import { z } from 'zod';
import { ROLE_IDS } from '../../auth/roles';
import {
  readCentreConfig,
  saveDistrict,
  saveSite,
  updateCentre,
  type CentreConfig,
} from '../../centre/centre-config';
import { AppError } from '../../errors/app-error';
import { createUser, listUsers, newUserSchema, updateUser, userUpdateSchema } from '../../auth/user-admin';
import type { WebDeps } from '../context';
import { localizeError } from '../../i18n';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { signedIn } from '../views/page-context';
import { centrePage } from '../views/centre-page';
import { usersPage } from '../views/users-page';
import { pathParam } from '../path-param';

const id = pathParam('id', z.string().uuid());

/** Accounts and roles, and the centre's configuration, for administrators only (JSON API and pages). */
export function adminRoutes(deps: WebDeps): Router {
  const router = Router();
  router.use(['/api/users', '/api/centre', '/admin'], requireSession, requireCsrf, requireRole('admins'));

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

  // the centre's configuration: organ and numbering, sites, districts with their streets
  router.get('/api/centre', async (_req, res) => {
    res.json(await readCentreConfig(deps.db));
  });
  router.put('/api/centre', async (req, res) => {
    await updateCentre(deps.db, req.session!.user, req.body ?? {});
    res.status(204).end();
  });
  router.put('/api/centre/sites/:id', async (req, res) => {
    await saveSite(deps.db, req.session!.user, { ...(req.body as object), id: req.params.id });
    res.status(204).end();
  });
  router.put('/api/centre/districts/:id', async (req, res) => {
    await saveDistrict(deps.db, req.session!.user, { ...(req.body as object), id: req.params.id });
    res.status(204).end();
  });
  router.get('/admin/osrodek', async (req, res) => {
    const notice = req.query.info === 'saved' ? req.i18n.t('centre.saved') : undefined;
    res.type('html').send(centrePage(signedIn(req), await readCentreConfig(deps.db), { notice }));
  });
  router.post('/admin/osrodek', async (req, res) => {
    const values = Object.fromEntries(
      Object.entries(req.body as Record<string, unknown>)
        .filter(([key]) => key !== '_csrf' && key !== 'kind')
        .map(([key, value]) => [key, String(value)]),
    );
    const kind = String((req.body as Record<string, unknown>).kind);
    const save = { centre: updateCentre, site: saveSite, district: saveDistrict }[kind];
    if (!save) throw new AppError({ code: 'validation', field: 'kind', message: 'nieznany formularz' });
    try {
      await save(deps.db, req.session!.user, values);
      res.redirect(303, '/admin/osrodek?info=saved');
    } catch (error) {
      const answer = localizeError(error, req.i18n);
      if (answer.status >= 500) throw error;
      const config = await readCentreConfig(deps.db);
      // a new site or district typed with an id that fails is still the "new" form
      const form =
        kind === 'centre' ? 'centre' : `${kind}-${isExisting(config, kind, values.id) ? values.id : 'new'}`;
      res
        .status(answer.status)
        .type('html')
        .send(
          centrePage(signedIn(req), config, {
            error: { form, message: answer.message, field: answer.field, values },
          }),
        );
    }
  });
  return router;
}

function isExisting(config: CentreConfig, kind: string, id: string | undefined): boolean {
  const list: { id: string }[] = kind === 'site' ? config.sites : config.districts;
  return list.some((item) => item.id === id);
}
