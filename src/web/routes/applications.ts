import { Router } from 'express';
import { z } from 'zod';
import { engineError } from '../../engine/engine-errors';
import { CASE_PROCESS_ID, listDistricts, registerFirstContact } from '../../first-contact/first-contact';
import type { WebDeps } from '../context';
import { localizeError, LocalizedError } from '../../i18n';
import { signedIn } from '../views/page-context';
import { firstContactPage } from '../views/task-pages';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';

export const startBody = z.object({
  channel: z.enum(['in-person', 'phone', 'mail', 'epuap']).default('in-person'),
});

/** Starting an application = starting the process; the first-contact task then collects the data. */
export async function startApplication(deps: WebDeps, channel: string): Promise<string> {
  try {
    const created = await deps.engine.startProcess({ processKey: CASE_PROCESS_ID, variables: { channel } });
    return created.processInstanceId;
  } catch (error) {
    const failed = engineError(error, 'Nie udało się rozpocząć wniosku');
    // Polish as the engine module words it; other locales get our lead-in and the translated reason
    throw new LocalizedError({ code: failed.code, cause: error }, (i18n) =>
      i18n.locale === 'pl'
        ? failed.message
        : `${i18n.t('error.startApplication')}: ${localizeError(failed, i18n).message}`,
    );
  }
}

export function applicationRoutes(deps: WebDeps): Router {
  const router = Router();
  router.post(
    '/api/first-contact',
    requireSession,
    requireCsrf,
    requireRole('first-contact'),
    async (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const idempotencyKey = req.get('Idempotency-Key');
      const result = await registerFirstContact(
        deps,
        req.session!.user,
        idempotencyKey && body.requestId === undefined ? { ...body, requestId: idempotencyKey } : body,
      );
      req.log.info('Pierwszy kontakt zapisany', { kind: result.kind, userId: req.session!.user.id });
      res.status(201).json(result);
    },
  );

  router.get('/pierwszy-kontakt', requireSession, requireRole('first-contact'), async (req, res) => {
    const districts = await listDistricts(deps.db);
    res.type('html').send(firstContactPage(signedIn(req), { values: {}, districts }));
  });

  router.post(
    '/pierwszy-kontakt',
    requireSession,
    requireCsrf,
    requireRole('first-contact'),
    async (req, res) => {
      const values = Object.fromEntries(
        Object.entries(req.body as Record<string, unknown>)
          .filter(([key]) => key !== '_csrf')
          .map(([key, value]) => [key, String(value)]),
      );
      const districts = await listDistricts(deps.db);
      try {
        const result = await registerFirstContact(deps, req.session!.user, values);
        const notice =
          result.kind === 'visit'
            ? req.i18n.t('firstContact.visitSaved')
            : result.queued
              ? req.i18n.t('firstContact.applicationQueued')
              : (req.i18n.lookup(`firstContact.accepted.${result.outcome}`) ??
                req.i18n.t('firstContact.applicationAccepted'));
        res.type('html').send(firstContactPage(signedIn(req), { values: {}, notice, districts }));
      } catch (error) {
        const answer = localizeError(error, req.i18n);
        if (answer.code !== 'validation') throw error;
        res
          .status(400)
          .type('html')
          .send(
            firstContactPage(signedIn(req), {
              values,
              districts,
              error: { field: answer.field, message: answer.message },
            }),
          );
      }
    },
  );
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
