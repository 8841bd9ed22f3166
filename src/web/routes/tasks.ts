import { Router } from 'express';
import { z } from 'zod';
import { claimTask, completeTask, reassignTask, taskFormView, unclaimTask } from '../../tasks/task-actions';
import { inboxQuerySchema, queryInbox } from '../../tasks/task-queries';
import { localizedError } from '../../i18n';
import type { WebDeps } from '../context';
import { engineIdSchema } from '../engine-id';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { pathParam } from '../path-param';

export const assignBody = z.object({ assignee: z.string().trim().min(1, 'podaj login osoby').max(100) });
export const taskKey = pathParam('key', engineIdSchema('to nie jest identyfikator zadania'));

/** JSON API of the inbox: list my groups' open tasks, claim, unclaim, complete. */
export function taskRoutes(deps: WebDeps): Router {
  const router = Router();
  router.use('/api/tasks', requireSession, requireCsrf);

  router.get('/api/tasks', async (req, res) => {
    const query = inboxQuerySchema.parse(req.query);
    const user = req.session!.user;
    if (query.group && !user.roles.includes(query.group)) {
      throw localizedError({ code: 'forbidden', field: 'group' }, 'error.notInGroup', { group: query.group });
    }
    const page = await queryInbox(deps.db, user, query, deps.now());
    // a search by PESEL or surname reads personal data: audited (the kind of search and what it found, not the term)
    if (query.q)
      await deps.db.query(
        `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'inbox-search', 'user-task', NULL, $2)`,
        [
          user.id,
          JSON.stringify({
            by: /^\d{11}$/.test(query.q) ? 'pesel' : 'case-number-or-surname',
            found: page.items.map((t) => t.userTaskKey),
          }),
        ],
      );
    res.json(page);
  });

  router.post('/api/tasks/:key/assign', requireRole('managers'), async (req, res) => {
    const body = assignBody.parse(req.body ?? {});
    await reassignTask(deps, taskKey.parse(req.params.key), req.session!.user, body.assignee);
    res.status(204).end();
  });

  router.get('/api/tasks/:key/form', async (req, res) => {
    const view = await taskFormView(deps, taskKey.parse(req.params.key), req.session!.user);
    if (!view) throw localizedError({ code: 'not-found' }, 'error.noCamundaForm');
    res.json(view);
  });

  router.post('/api/tasks/:key/claim', async (req, res) => {
    await claimTask(deps, taskKey.parse(req.params.key), req.session!.user);
    res.status(204).end();
  });

  router.post('/api/tasks/:key/unclaim', async (req, res) => {
    await unclaimTask(deps, taskKey.parse(req.params.key), req.session!.user);
    res.status(204).end();
  });

  router.post('/api/tasks/:key/complete', async (req, res) => {
    const body = z.record(z.string(), z.unknown()).parse(req.body ?? {});
    const { queued } = await completeTask(deps, taskKey.parse(req.params.key), req.session!.user, body);
    req.log.info(queued ? 'Zakończenie zadania czeka na silnik' : 'Zadanie zakończone', {
      userTaskKey: req.params.key,
      userId: req.session!.user.id,
    });
    if (queued) res.status(202).json({ queued: true });
    else res.status(204).end();
  });
  return router;
}
