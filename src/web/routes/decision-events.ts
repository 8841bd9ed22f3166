import { Router } from 'express';
import { z } from 'zod';
import { decisionEventSchema, recordDecisionEvent } from '../../decisions/decision-events';
import type { WebDeps } from '../context';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';

/** A message waits this long in the engine for the process to reach the event that catches it. */
const MESSAGE_TTL_MS = 24 * 3_600_000;

/**
 * `POST /api/decisions/:id/events`: the office records what the post and the party did with an issued decision
 * (delivery, waiver, appeal, SKO ruling). The case file is written first, then the process gets its message; both
 * are idempotent, so repeating a request after a lost answer is safe.
 */
export function decisionEventRoutes(deps: WebDeps): Router {
  const router = Router();
  router.post(
    '/api/decisions/:id/events',
    requireSession,
    requireCsrf,
    requireRole('first-contact', 'benefits', 'services-admin', 'managers'),
    async (req, res) => {
      const decisionId = z.string().uuid().parse(req.params.id);
      const event = decisionEventSchema.parse(req.body);
      const userId = req.session!.user.id;
      const message = await recordDecisionEvent(deps.db, decisionId, event, userId);
      await deps.db.query(
        `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'decision-event', 'decision', $2, $3)`,
        [userId, decisionId, JSON.stringify(event)],
      );
      await deps.engine.getZeebeGrpcApiClient().publishMessage({
        name: message.name,
        correlationKey: decisionId,
        variables: message.variables,
        timeToLive: MESSAGE_TTL_MS,
      });
      res.status(202).json({ message: message.name, ...message.variables });
    },
  );
  return router;
}
