import { Router } from 'express';
import { z } from 'zod';
import { applyDecisionEvent, DECISION_EVENT_ROLES, eventFromForm } from '../../decisions/decision-events';
import { assertMayActOnDecision, type AccessPolicy } from '../../cases/case-access';
import { AppError } from '../../errors/app-error';
import type { WebDeps } from '../context';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { pathParam } from '../path-param';

const id = pathParam('id', z.string().uuid('to nie jest identyfikator'));

/**
 * `POST /api/decisions/:id/events` and the case page's form: the office records what the post and the party did
 * with an issued decision (delivery, waiver, appeal, SKO ruling) and the benefits team the centre's own revocation or
 * change of it from a month (art. 154/155 KPA); the case file is written, then the process gets its message.
 */
export function decisionEventRoutes(deps: WebDeps): Router {
  const router = Router();
  const guard = [requireSession, requireCsrf, requireRole(...DECISION_EVENT_ROLES)];
  const policy = (): AccessPolicy => ({ graceDays: deps.config.CASE_ACCESS_GRACE_DAYS, now: deps.now() });
  router.post('/api/decisions/:id/events', ...guard, async (req, res) => {
    const decisionId = id.parse(req.params.id);
    // the decision's case is checked like the case: an unknown and a forbidden decision answer the same 404
    await assertMayActOnDecision(deps.db, req.session!.user, decisionId, policy());
    const message = await applyDecisionEvent(deps, {
      decisionId,
      event: req.body,
      userId: req.session!.user.id,
      roles: req.session!.user.roles,
    });
    res.status(202).json({ message: message.name, queued: message.queued, ...message.variables });
  });
  router.post('/sprawy/:caseId/decyzje/:decisionId/zdarzenia', ...guard, async (req, res) => {
    const caseId = id.parse(req.params.caseId, 'caseId');
    const decisionId = id.parse(req.params.decisionId, 'decisionId');
    const ofCase = await assertMayActOnDecision(deps.db, req.session!.user, decisionId, policy());
    if (ofCase !== caseId)
      throw new AppError({
        code: 'not-found',
        field: 'decisionId',
        message: 'Ta decyzja nie należy do tej sprawy.',
      });
    await applyDecisionEvent(deps, {
      decisionId,
      event: eventFromForm(req.body as Record<string, unknown>),
      userId: req.session!.user.id,
      roles: req.session!.user.roles,
    });
    res.redirect(303, `/sprawy/${caseId}?info=decision-event`);
  });
  return router;
}
