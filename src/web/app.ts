import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import './request-types';
import { localizedError } from '../i18n';
import type { WebDeps } from './context';
import { errorHandler } from './error-handler';
import { openApiDocument } from './openapi';
import { localeMiddleware } from './middleware/locale';
import { requestContext } from './middleware/request-context';
import { requireSession } from './middleware/guards';
import { sessionMiddleware } from './middleware/session';
import { applicationRoutes } from './routes/applications';
import { authRoutes } from './routes/auth';
import { engineEventRoutes } from './routes/engine-events';
import { healthRoutes } from './routes/health';
import { localeRoutes } from './routes/locale';
import { pageRoutes } from './routes/pages';
import { taskRoutes } from './routes/tasks';
import { caseRoutes } from './routes/cases';
import { breakGlassRoutes } from './routes/break-glass';
import { adminRoutes } from './routes/admin';
import { calculationRoutes } from './routes/calculations';
import { incidentRoutes } from './routes/incidents';
import { decisionEventRoutes } from './routes/decision-events';
import { payoutRoutes } from './routes/payouts';
import { accountChangeRoutes } from './routes/account-changes';
import { monitoringDeadlineRoutes } from './routes/monitoring-deadlines';
import { monitoringRoutes } from './routes/monitoring';
import { modelRoutes } from './routes/models';
import { monitoringReformRoutes } from './routes/monitoring-reform';
import { reportRoutes } from './routes/reports';
import { metricsRoutes } from './routes/metrics';
import { httpMetrics } from './middleware/http-metrics';
import { ROOT_DIR } from '../paths';
import { modelPreviewRoutes } from './routes/model-preview';
import { processMigrationRoutes } from './routes/process-migration';
import { rejectNul } from './middleware/no-nul';

/** Builds the Express front; no listening here (main.ts and tests decide the port). */
export function createApp(deps: WebDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestContext(deps.log));
  if (deps.metrics) app.use(httpMetrics(deps.metrics));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
        },
      },
    }),
  );
  app.use(healthRoutes(deps));
  app.use(engineEventRoutes(deps));
  if (deps.metrics) app.use(metricsRoutes({ metrics: deps.metrics, token: deps.config.METRICS_TOKEN }));
  app.use('/static', express.static(path.join(__dirname, 'static'), { maxAge: '1h' }));
  app.use(
    '/vendor/bpmn-js',
    express.static(path.join(ROOT_DIR, 'node_modules', 'bpmn-js', 'dist'), { maxAge: '1d' }),
  );
  app.use(
    '/vendor/form-js',
    express.static(path.join(ROOT_DIR, 'node_modules', '@bpmn-io', 'form-js', 'dist'), { maxAge: '1d' }),
  );
  // pages and API answers (not static files) are in the locale of the request
  app.use(localeMiddleware);
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  app.use(rejectNul);
  app.use(sessionMiddleware(deps.db, deps.config.SESSION_IDLE_MINUTES));
  app.use(authRoutes(deps));
  app.use(localeRoutes(deps));
  // the API description, for signed-in people and integrators
  app.get(['/api/docs', '/api/docs/openapi.json'], requireSession, (_req, res) => {
    res.json(openApiDocument());
  });
  app.use(applicationRoutes(deps));
  app.use(taskRoutes(deps));
  app.use(caseRoutes(deps));
  app.use(breakGlassRoutes(deps));
  app.use(adminRoutes(deps));
  app.use(calculationRoutes(deps));
  app.use(incidentRoutes(deps));
  app.use(payoutRoutes(deps));
  app.use(accountChangeRoutes(deps));
  app.use(modelRoutes(deps));
  app.use(decisionEventRoutes(deps));
  app.use(monitoringDeadlineRoutes(deps));
  app.use(modelPreviewRoutes(deps), processMigrationRoutes(deps));
  app.use(monitoringRoutes(deps));
  app.use(monitoringReformRoutes(deps));
  app.use(reportRoutes(deps));
  app.use(pageRoutes(deps));
  app.use((req, _res, next) =>
    next(localizedError({ code: 'not-found' }, 'error.pageNotFound', { path: req.path })),
  );
  app.use(errorHandler);
  return app;
}
