import type { Request, RequestHandler } from 'express';
import type { AppMetrics } from '../../metrics/metrics';

/**
 * Observes each request's latency under its Express route pattern (`/sprawy/:id`, never the raw path with ids, which
 * would explode the label set): the mount path + the matched route's path; static files by their mount; anything
 * unmatched as `unmatched`.
 */
export function httpMetrics(metrics: AppMetrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpDone(req.method, routeLabel(req), res.statusCode, seconds);
    });
    next();
  };
}

export function routeLabel(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  if (route?.path !== undefined) {
    const path = Array.isArray(route.path) ? route.path.map(String).join('|') : String(route.path);
    return `${req.baseUrl}${path}`;
  }
  if (req.baseUrl === '/static' || req.baseUrl.startsWith('/vendor/')) return req.baseUrl;
  return 'unmatched';
}
