import { Router } from 'express';
import { z } from 'zod';
import { listBatches, renderBatchFile } from '../../payouts/batch-files';
import { batchLines } from '../../payouts/batch-lines';
import { exportBatch, markBatchSent, settleLine } from '../../payouts/transfer-batches';
import { AppError } from '../../errors/app-error';
import type { WebDeps } from '../context';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { signedIn } from '../views/page-context';
import { batchPage, payoutsPage } from '../views/payouts-page';
import { pathParam } from '../path-param';

const id = pathParam('id', z.string().uuid('to nie jest identyfikator'));
const format = pathParam(
  'format',
  z.enum(['pdf', 'elixir', 'csv'], { message: 'format: pdf, elixir albo csv' }),
);
const settlement = z.object({
  result: z.enum(['confirmed', 'rejected'], {
    message: 'wynik: confirmed (potwierdzony) albo rejected (odrzucony)',
  }),
  reason: z.string().trim().max(500, 'powód: najwyżej 500 znaków').optional(),
});
/** Who runs a transfer batch through the bank: the realisation team and managers (the cashier has cash lists). */
const TRANSFER_ROLES = ['services-admin', 'managers'] as const;

/**
 * Payout lists and transfer batches for the cashier, payout realisation and managers: the lists with their files
 * (every download audited, a transfer file served as frozen at export with its SHA-256), and a transfer batch's
 * lifecycle — export, sent to the bank, each line confirmed or rejected from the bank's statement.
 */
export function payoutRoutes(deps: WebDeps): Router {
  const router = Router();
  router.use(
    ['/wyplaty', '/api/payout-batches'],
    requireSession,
    requireCsrf,
    requireRole('cashiers', 'services-admin', 'managers'),
  );
  router.get('/api/payout-batches', async (_req, res) => {
    res.json({ items: await listBatches(deps.db) });
  });
  router.get('/wyplaty', async (req, res) => {
    res.type('html').send(payoutsPage(signedIn(req), await listBatches(deps.db)));
  });
  router.get(['/api/payout-batches/:id/lines'], async (req, res) => {
    res.json({ items: await batchLines(deps.db, id.parse(req.params.id)) });
  });
  router.get('/wyplaty/:id', async (req, res) => {
    const batchId = id.parse(req.params.id);
    const batch = (await listBatches(deps.db)).find((b) => b.id === batchId);
    if (!batch) throw new AppError({ code: 'not-found', message: 'Nie ma takiej listy wypłat.' });
    res
      .type('html')
      .send(
        batchPage(signedIn(req), batch, await batchLines(deps.db, batchId), String(req.query.info ?? '')),
      );
  });
  router.get(['/wyplaty/:id/:format', '/api/payout-batches/:id/:format'], async (req, res) => {
    const batchId = id.parse(req.params.id);
    const file = await renderBatchFile(deps.db, batchId, format.parse(req.params.format));
    await deps.db.query(
      `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'payout-file-read', 'payout-batch', $2, $3)`,
      [req.session!.user.id, batchId, JSON.stringify({ format: req.params.format, sha256: file.sha256 })],
    );
    res.type(file.mediaType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    if (file.sha256)
      res.setHeader('Content-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
    res.send(file.content);
  });

  const exportHandler = async (batchId: string, userId: string) => exportBatch(deps.db, batchId, userId);
  router.post('/api/payout-batches/:id/export', requireRole(...TRANSFER_ROLES), async (req, res) => {
    res.json(await exportHandler(id.parse(req.params.id), req.session!.user.id));
  });
  router.post('/wyplaty/:id/eksport', requireRole(...TRANSFER_ROLES), async (req, res) => {
    const batchId = id.parse(req.params.id);
    await exportHandler(batchId, req.session!.user.id);
    res.redirect(303, `/wyplaty/${batchId}?info=exported`);
  });
  router.post('/api/payout-batches/:id/sent', requireRole(...TRANSFER_ROLES), async (req, res) => {
    res.json({ status: await markBatchSent(deps.db, id.parse(req.params.id), req.session!.user.id) });
  });
  router.post('/wyplaty/:id/wyslana', requireRole(...TRANSFER_ROLES), async (req, res) => {
    const batchId = id.parse(req.params.id);
    await markBatchSent(deps.db, batchId, req.session!.user.id);
    res.redirect(303, `/wyplaty/${batchId}?info=sent`);
  });
  const settle = async (params: Record<string, string>, body: unknown, userId: string) => {
    const input = settlement.parse(body ?? {});
    return settleLine(deps, {
      batchId: id.parse(params.id),
      instalmentId: id.parse(params.instalmentId),
      result: input.result,
      reason: input.reason,
      userId,
    });
  };
  router.post(
    '/api/payout-batches/:id/lines/:instalmentId/settlement',
    requireRole(...TRANSFER_ROLES),
    async (req, res) => {
      res.json(await settle(req.params as Record<string, string>, req.body, req.session!.user.id));
    },
  );
  router.post('/wyplaty/:id/pozycje/:instalmentId', requireRole(...TRANSFER_ROLES), async (req, res) => {
    await settle(req.params as Record<string, string>, req.body, req.session!.user.id);
    res.redirect(303, `/wyplaty/${String(req.params.id)}?info=settled`);
  });
  return router;
}
