import { Router } from 'express';
import type { WebDeps } from '../context';

/** GET /health: engine, database and workers; 200 when all are up, 503 otherwise. No personal data. */
export function healthRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const [engine, database] = await Promise.all([
      deps.engine.health().then((h) => ({ healthy: h.ready, version: h.version, detail: h.detail })),
      deps.db.ping().then(
        () => ({ healthy: true, kind: deps.db.kind }),
        (error: unknown) => ({ healthy: false, kind: deps.db.kind, detail: String(error) }),
      ),
    ]);
    const workers = deps.workers();
    const workersHealthy = !deps.config.WORKERS_ENABLED || workers.running;
    const healthy = engine.healthy && database.healthy && workersHealthy;
    res.status(healthy ? 200 : 503).json({
      status: healthy ? 'ok' : 'degraded',
      engine,
      database,
      workers: { healthy: workersHealthy, enabled: deps.config.WORKERS_ENABLED, types: workers.types },
    });
  });
  return router;
}
