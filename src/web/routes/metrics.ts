import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type Request } from 'express';
import { AppError } from '../../errors/app-error';
import type { AppMetrics } from '../../metrics/metrics';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * GET /metrics for Prometheus (machine to machine: no session). With METRICS_TOKEN set, every caller sends
 * `Authorization: Bearer <token>`; without it, only a caller on this machine (loopback) is answered — `req.ip`, so a
 * reverse proxy on loopback forwarding an outside request (X-Forwarded-For) does not pass for a local one.
 */
export function metricsRoutes(deps: { metrics: AppMetrics; token: string | undefined }): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (!allowed(req, deps.token)) {
      if (deps.token) res.set('WWW-Authenticate', 'Bearer realm="mops-metrics"');
      throw new AppError(
        deps.token
          ? { code: 'unauthenticated', message: 'Brak lub nieprawidłowy token metryk (METRICS_TOKEN).' }
          : { code: 'forbidden', message: 'Metryki są dostępne tylko z tego komputera (bez METRICS_TOKEN).' },
      );
    }
    res.set('Content-Type', deps.metrics.registry.contentType);
    res.set('Cache-Control', 'no-store');
    res.send(await deps.metrics.registry.metrics());
  });
  return router;
}

function allowed(req: Request, token: string | undefined): boolean {
  if (!token) return LOOPBACK.has(req.ip ?? '');
  const sent = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1];
  if (sent === undefined) return false;
  // compare digests: constant time whatever the lengths
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(sent), digest(token));
}
