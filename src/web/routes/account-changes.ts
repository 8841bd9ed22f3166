import { Router } from 'express';
import { z } from 'zod';
import type { AccessPolicy } from '../../cases/case-access';
import { assertMayReadCase } from '../../cases/case-file';
import { AppError } from '../../errors/app-error';
import { decideAccountChange, findChanges, requestAccountChange } from '../../payouts/account-changes';
import type { WebDeps } from '../context';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { ACCOUNT_CHANGE_APPROVERS, ACCOUNT_CHANGE_REQUESTERS } from '../views/account-section';
import { pathParam } from '../path-param';

const id = pathParam('id', z.string().uuid('to nie jest identyfikator'));
const decisionBody = z.object({
  approve: z.union([z.boolean(), z.enum(['yes', 'no']).transform((v) => v === 'yes')], {
    message: 'approve: zatwierdź (yes) albo odmów (no)',
  }),
  note: z.string().max(1000, 'uwaga: najwyżej 1000 znaków').optional(),
});

/**
 * Four-eyes change of a client's payout account: filed by the benefits or realisation team on a case they work on,
 * approved or refused by another person of the realisation team or a manager. API and the case page's forms.
 */
export function accountChangeRoutes(deps: WebDeps): Router {
  const router = Router();
  const policy = (): AccessPolicy => ({ graceDays: deps.config.CASE_ACCESS_GRACE_DAYS, now: deps.now() });
  router.use(
    ['/api/account-changes', '/api/cases/:id/account-changes', '/sprawy/:id/zmiana-rachunku'],
    requireSession,
    requireCsrf,
  );

  const request = async (caseId: string, body: Record<string, unknown>, userId: string) =>
    requestAccountChange(deps.db, { caseId, newAccount: body.newAccount, reason: body.reason, userId });
  const decide = async (changeId: string, body: unknown, caseId?: string) => {
    const input = decisionBody.parse(body ?? {});
    const [change] = await findChanges(deps.db, { id: changeId });
    if (!change || (caseId && change.caseId !== caseId))
      throw new AppError({ code: 'not-found', message: 'Nie ma takiego wniosku o zmianę rachunku.' });
    return { change, input };
  };

  router.get(
    '/api/cases/:id/account-changes',
    requireRole(...ACCOUNT_CHANGE_REQUESTERS, ...ACCOUNT_CHANGE_APPROVERS),
    async (req, res) => {
      const caseId = id.parse(req.params.id);
      await assertMayReadCase(deps.db, req.session!.user, caseId, policy());
      res.json({ items: await findChanges(deps.db, { caseId }) });
    },
  );
  router.post(
    '/api/cases/:id/account-changes',
    requireRole(...ACCOUNT_CHANGE_REQUESTERS),
    async (req, res) => {
      const caseId = id.parse(req.params.id);
      await assertMayReadCase(deps.db, req.session!.user, caseId, policy());
      res
        .status(201)
        .json(await request(caseId, (req.body ?? {}) as Record<string, unknown>, req.session!.user.id));
    },
  );
  router.post('/sprawy/:id/zmiana-rachunku', requireRole(...ACCOUNT_CHANGE_REQUESTERS), async (req, res) => {
    const caseId = id.parse(req.params.id);
    await assertMayReadCase(deps.db, req.session!.user, caseId, policy());
    await request(caseId, (req.body ?? {}) as Record<string, unknown>, req.session!.user.id);
    res.redirect(303, `/sprawy/${caseId}?info=account-change-requested`);
  });
  router.post(
    '/api/account-changes/:changeId/decision',
    requireRole(...ACCOUNT_CHANGE_APPROVERS),
    async (req, res) => {
      const { change, input } = await decide(id.parse(req.params.changeId, 'changeId'), req.body);
      await assertMayReadCase(deps.db, req.session!.user, change.caseId, policy());
      res.json(
        await decideAccountChange(deps.db, {
          changeId: change.id,
          approve: input.approve,
          note: input.note,
          userId: req.session!.user.id,
        }),
      );
    },
  );
  router.post(
    '/sprawy/:id/zmiana-rachunku/:changeId/decyzja',
    requireRole(...ACCOUNT_CHANGE_APPROVERS),
    async (req, res) => {
      const caseId = id.parse(req.params.id);
      await assertMayReadCase(deps.db, req.session!.user, caseId, policy());
      const { change, input } = await decide(id.parse(req.params.changeId, 'changeId'), req.body, caseId);
      await decideAccountChange(deps.db, {
        changeId: change.id,
        approve: input.approve,
        note: input.note,
        userId: req.session!.user.id,
      });
      res.redirect(303, `/sprawy/${caseId}?info=account-change-decided`);
    },
  );
  return router;
}
