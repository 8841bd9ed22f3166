import { listFailedCommands } from '../../engine-commands/failed-commands';
import { Router } from 'express';
import { listOpenIncidents, retryIncident } from '../../incidents/incidents';
import { listFailedMessages } from '../../notifications/outbox';
import type { WebDeps } from '../context';
import { engineIdSchema } from '../engine-id';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { incidentsPage } from '../views/incidents-page';
import { signedIn } from '../views/page-context';
import { pathParam } from '../path-param';

const key = pathParam('key', engineIdSchema('to nie jest identyfikator incydentu'));

/** Incidents a person can see and retry: managers and process owners. */
export function incidentRoutes(deps: WebDeps): Router {
  const router = Router();
  router.use(
    ['/api/incidents', '/incydenty'],
    requireSession,
    requireCsrf,
    requireRole('managers', 'process-owners'),
  );
  router.get('/api/incidents', async (_req, res) => {
    // letters that finally failed are listed with the incidents: someone has to send them another way
    // … and so are engine commands that failed for good: what the process could not be told, a person must do
    res.json({
      items: await listOpenIncidents(deps.db),
      failedLetters: await listFailedMessages(deps.db),
      failedCommands: await listFailedCommands(deps.db),
    });
  });
  router.post('/api/incidents/:key/retry', async (req, res) => {
    await retryIncident(deps, key.parse(req.params.key), req.session!.user);
    res.status(204).end();
  });
  router.get('/incydenty', async (req, res) => {
    res
      .type('html')
      .send(
        incidentsPage(
          signedIn(req),
          await listOpenIncidents(deps.db),
          await listFailedMessages(deps.db),
          await listFailedCommands(deps.db),
        ),
      );
  });
  router.post('/incydenty/:key/ponow', async (req, res) => {
    await retryIncident(deps, key.parse(req.params.key), req.session!.user);
    res.redirect(303, '/incydenty');
  });
  return router;
}
