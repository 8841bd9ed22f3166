import { timingSafeEqual } from 'node:crypto';
import express, { Router } from 'express';
import { AppError } from '../../errors/app-error';
import { applyRecords } from '../../projection/apply-records';
import { engineBatchSchema, parseLossless } from '../../projection/record';
import type { WebDeps } from '../context';

/** POST /internal/engine-records: batches from our engine exporter (shared token; no session, no CSRF). */
export function engineRecordRoutes(deps: WebDeps): Router {
  const router = Router();
  router.post(
    '/internal/engine-records',
    express.text({ type: 'application/json', limit: '20mb' }),
    async (req, res) => {
      if (!tokenMatches(req.get('x-mops-exporter-token'), deps.exporterToken)) {
        throw new AppError({ code: 'forbidden', message: 'Nieprawidłowy token eksportera.' });
      }
      const batch = engineBatchSchema.parse(parseLossless(String(req.body)));
      const applied = await applyRecords(deps.db, batch);
      req.log.debug('Rekordy silnika przyjęte', { received: batch.records.length, applied });
      res.status(204).end();
    },
  );
  return router;
}

function tokenMatches(sent: string | undefined, expected: string): boolean {
  if (!sent) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
