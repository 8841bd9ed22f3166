import { Router } from 'express';
import { probeEngine } from '../../engine/readiness';
import type { WebDeps } from '../context';

/** GET /health: engine, database and workers; 200 when all are up, 503 otherwise. No personal data. */
export function healthRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const [engine, database] = await Promise.all([
      deps.engineProbe
        ? probeEngine(deps.engineProbe).then((h) => ({
            healthy: h.ready,
            version: h.version,
            detail: h.detail,
          }))
        : externalEngineHealth(deps),
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

async function externalEngineHealth(deps: WebDeps) {
  try {
    const topology = await deps.engine.getZeebeGrpcApiClient().topology();
    return {
      healthy: topology.brokers.length > 0,
      version: topology.gatewayVersion,
      detail: 'klaster zewnętrzny',
    };
  } catch (error) {
    return { healthy: false, detail: String(error) };
  }
}
