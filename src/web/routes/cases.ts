import express, { Router } from 'express';
import { z } from 'zod';
import { addAttachment, MAX_ATTACHMENT_BYTES, readDocument } from '../../cases/attachments';
import type { AccessPolicy } from '../../cases/case-access';
import { assertMayReadCase, readCaseFile, type CaseFile } from '../../cases/case-file';
import { AppError } from '../../errors/app-error';
import { listBreakGlassReads } from '../../cases/break-glass';
import { lookupClientByPesel } from '../../cases/client-lookup';
import { diagramXml } from '../../cases/process-diagrams';
import { BPMN_DIR } from '../../paths';
import type { WebDeps } from '../context';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { accountSectionFor } from '../views/account-section-for';
import { caseUnavailablePage } from '../views/break-glass-pages';
import { casePage } from '../views/case-page';
import { breakGlassBody, breakGlassFilterQuery, toBreakGlassFilter } from './break-glass';
import { signedIn } from '../views/page-context';
import { pathParam } from '../path-param';

const id = pathParam('id', z.string().uuid('to nie jest identyfikator'));
export const noteBody = z.object({ body: z.string().trim().min(1, 'notatka nie może być pusta').max(5000) });

/** The case file: JSON and page (every read audit-logged), the process diagram, documents, notes, attachments. */
export function caseRoutes(deps: WebDeps): Router {
  const router = Router();
  const policy = (): AccessPolicy => ({ graceDays: deps.config.CASE_ACCESS_GRACE_DAYS, now: deps.now() });
  router.use(
    ['/api/cases', '/api/documents', '/api/processes', '/sprawy', '/dokumenty', '/api/audit', '/kierownik'],
    requireSession,
    requireCsrf,
  );

  router.get(
    '/api/clients/lookup',
    requireRole('first-contact', 'benefits', 'managers'),
    async (req, res) => {
      const pesel = z
        .string()
        .trim()
        .parse(req.query.pesel ?? '');
      res.json(await lookupClientByPesel(deps.db, req.session!.user, pesel));
    },
  );

  router.get('/api/cases/:id', async (req, res) => {
    res.json(
      await readCaseFile(deps.db, req.session!.user, id.parse(req.params.id), 'api', { policy: policy() }),
    );
  });

  // break-glass: a case outside the need-to-know rules, only with a reason; audited as such, listed for managers
  router.post('/api/cases/:id/break-glass', async (req, res) => {
    const caseId = id.parse(req.params.id);
    const { reason } = breakGlassBody.parse(req.body ?? {});
    res.json(await readCaseFile(deps.db, req.session!.user, caseId, 'api', { breakGlassReason: reason }));
  });

  router.get('/api/audit/break-glass', requireRole('managers'), async (req, res) => {
    const filter = toBreakGlassFilter(breakGlassFilterQuery.parse(req.query));
    res.json(await listBreakGlassReads(deps.db, filter));
  });

  // a case one may not read answers like an unknown one: the same neutral page, with the break-glass form
  router.get('/sprawy/:id', async (req, res) => {
    const caseId = id.parse(req.params.id);
    let file: CaseFile;
    try {
      file = await readCaseFile(deps.db, req.session!.user, caseId, 'page', { policy: policy() });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'not-found')) throw error;
      res
        .status(404)
        .type('html')
        .send(caseUnavailablePage(signedIn(req), caseId));
      return;
    }
    const notice =
      typeof req.query.info === 'string' ? req.i18n.lookup(`case.info.${req.query.info}`) : undefined;
    res
      .type('html')
      .send(
        casePage(signedIn(req), file, notice, { sections: await accountSectionFor(deps.db, req, file.id) }),
      );
  });

  router.get('/api/processes/:processId/diagram', async (req, res) => {
    res.type('application/xml').send(await diagramXml(BPMN_DIR, String(req.params.processId)));
  });

  router.post('/api/cases/:id/notes', async (req, res) => {
    const caseId = id.parse(req.params.id);
    const body = noteBody.parse(req.body ?? {});
    const user = req.session!.user;
    await assertMayReadCase(deps.db, user, caseId, policy());
    await deps.db.query('INSERT INTO notes (case_id, author_id, body) VALUES ($1, $2, $3)', [
      caseId,
      user.id,
      body.body,
    ]);
    await deps.db.query(
      `INSERT INTO audit_log (user_id, action, entity, entity_id) VALUES ($1, 'note-added', 'case', $2)`,
      [user.id, caseId],
    );
    res.status(201).end();
  });

  router.post(
    '/api/cases/:id/attachments',
    express.raw({ type: () => true, limit: MAX_ATTACHMENT_BYTES + 1 }),
    async (req, res) => {
      const documentId = await addAttachment(deps.db, req.session!.user, policy(), {
        caseId: id.parse(req.params.id),
        fileName: decodeURIComponent(req.get('x-file-name') ?? 'skan'),
        content: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      });
      res.status(201).json({ documentId });
    },
  );

  router.get(['/api/documents/:id', '/dokumenty/:id'], async (req, res) => {
    const doc = await readDocument(deps.db, req.session!.user, id.parse(req.params.id), policy());
    res.type(doc.mediaType);
    res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`);
    res.send(doc.content);
  });
  return router;
}
