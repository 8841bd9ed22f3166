import { Router } from 'express';
import { z } from 'zod';
import { listBatches, renderBatchFile } from '../../payouts/batch-files';
import type { WebDeps } from '../context';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { signedIn } from '../views/page-context';
import { payoutsPage } from '../views/payouts-page';

const id = z.string().uuid();
const format = z.enum(['pdf', 'elixir', 'csv']);

/** Payout lists and transfer files for the cashier, payout realisation and managers; every download is audited. */
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
  router.get(['/wyplaty/:id/:format', '/api/payout-batches/:id/:format'], async (req, res) => {
    const batchId = id.parse(req.params.id);
    const file = await renderBatchFile(deps.db, batchId, format.parse(req.params.format));
    await deps.db.query(
      `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'payout-file-read', 'payout-batch', $2, $3)`,
      [req.session!.user.id, batchId, JSON.stringify({ format: req.params.format })],
    );
    res.type(file.mediaType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.send(file.content);
  });
  return router;
}
