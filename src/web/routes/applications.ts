import { Router } from 'express';
import { z } from 'zod';
import { engineError } from '../../engine/engine-errors';
import type { WebDeps } from '../context';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';

export const APPLICATION_PROCESS_ID = 'mops-application';

export const startBody = z.object({
  channel: z.enum(['in-person', 'phone', 'mail', 'epuap']).default('in-person'),
});

/** Starting an application = starting the process; the first-contact task then collects the data. */
export async function startApplication(deps: WebDeps, channel: string): Promise<string> {
  try {
    const created = await deps.engine.getZeebeGrpcApiClient().createProcessInstance({
      bpmnProcessId: APPLICATION_PROCESS_ID,
      variables: { channel },
    });
    return String(created.processInstanceKey);
  } catch (error) {
    throw engineError(error, 'Nie udało się rozpocząć wniosku');
  }
}

export function applicationRoutes(deps: WebDeps): Router {
  const router = Router();
  router.post(
    '/api/applications',
    requireSession,
    requireCsrf,
    requireRole('first-contact'),
    async (req, res) => {
      const body = startBody.parse(req.body ?? {});
      const processInstanceKey = await startApplication(deps, body.channel);
      req.log.info('Wniosek rozpoczęty', { processInstanceKey, userId: req.session?.user.id });
      res.status(201).json({ processInstanceKey });
    },
  );
  return router;
}
