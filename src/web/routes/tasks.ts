import { Router } from 'express';
import { z } from 'zod';
import { claimTask, completeTask, unclaimTask } from '../../tasks/task-actions';
import { listOpenTasks } from '../../tasks/task-queries';
import { AppError } from '../../errors/app-error';
import type { WebDeps } from '../context';
import { requireCsrf, requireSession } from '../middleware/guards';

const listQuery = z.object({
  group: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const taskKey = z.string().regex(/^\d{1,20}$/, 'klucz zadania to liczba');

/** JSON API of the inbox: list my groups' open tasks, claim, unclaim, complete. */
export function taskRoutes(deps: WebDeps): Router {
  const router = Router();
  router.use('/api/tasks', requireSession, requireCsrf);

  router.get('/api/tasks', async (req, res) => {
    const query = listQuery.parse(req.query);
    const user = req.session!.user;
    if (query.group && !user.roles.includes(query.group)) {
      throw new AppError({
        code: 'forbidden',
        field: 'group',
        message: `Nie należysz do zespołu ${query.group}.`,
      });
    }
    const groups = query.group ? [query.group] : user.roles;
    res.json({ items: await listOpenTasks(deps.db, { groups, assignee: user.login, limit: query.limit }) });
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
    await completeTask(deps, taskKey.parse(req.params.key), req.session!.user, body);
    req.log.info('Zadanie zakończone', { userTaskKey: req.params.key, userId: req.session!.user.id });
    res.status(204).end();
  });
  return router;
}
