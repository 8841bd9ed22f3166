import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Queryable } from '../db/database';
import type { Clock } from '../domain/clock';

/** How an external task ended (JobOutcome.kind): completed, a modelled BPMN error, or a technical failure. */
export type TaskOutcome = 'complete' | 'bpmn-error' | 'fail';

/** What the worker loop reports after each external task (run-workers.ts → handle-external-task.ts). */
export type TaskObserver = (topic: string, outcome: TaskOutcome, seconds: number) => void;

export interface AppMetrics {
  registry: Registry;
  taskDone: TaskObserver;
  httpDone(method: string, route: string, statusCode: number, seconds: number): void;
}

/**
 * The operators' metrics in Prometheus text format, one registry per runtime (no module singleton):
 * - `mops_external_tasks_handled_total{topic,outcome}`, `mops_external_tasks_failed_total{topic}` and
 *   `mops_external_task_duration_seconds{topic,outcome}` (handler + report to the engine), from the worker loop;
 * - `mops_user_tasks_open{role}`: open human tasks per candidate group, from the projection (`user_tasks`);
 * - `mops_engine_feed_newest_event_age_seconds`: now − the time of the newest engine event applied to the
 *   projection (grows when the feed stalls; also when the engine is idle, so alert on it together with activity),
 *   and `mops_engine_feed_delivery_delay_seconds`: how late that newest event arrived (received − happened);
 * - `mops_engine_commands_pending` and `mops_engine_commands_oldest_pending_age_seconds`: the command outbox;
 * - `mops_http_request_duration_seconds{method,route,status_code}`: latency by the Express route pattern;
 * - the Node.js process defaults (`mops_process_*`, `mops_nodejs_*`).
 * The gauges read PostgreSQL when scraped (cheap indexed queries), so they never go stale between scrapes.
 */
export function createMetrics(deps: { db: Queryable; now: Clock }): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'mops_' });
  const handled = new Counter({
    name: 'mops_external_tasks_handled_total',
    help: 'External tasks handled by the workers, by topic and outcome (complete, bpmn-error, fail).',
    labelNames: ['topic', 'outcome'] as const,
    registers: [registry],
  });
  const failed = new Counter({
    name: 'mops_external_tasks_failed_total',
    help: 'External tasks whose handler failed (retry or incident), by topic.',
    labelNames: ['topic'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'mops_external_task_duration_seconds',
    help: 'Time from fetching an external task to reporting its outcome to the engine, by topic and outcome.',
    labelNames: ['topic', 'outcome'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const http = new Histogram({
    name: 'mops_http_request_duration_seconds',
    help: 'HTTP request latency by method, Express route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'mops_user_tasks_open',
    help: 'Open human tasks per candidate group (role), from the projection; a task offered to several roles counts under each.',
    labelNames: ['role'] as const,
    registers: [registry],
    async collect() {
      const rows = await deps.db.query<{ role: string; open: string | number }>(
        `SELECT COALESCE(g.role, 'none') AS role, count(*) AS open
           FROM user_tasks t LEFT JOIN LATERAL unnest(t.candidate_groups) AS g(role) ON true
          WHERE t.state = 'CREATED' GROUP BY 1`,
      );
      this.reset();
      for (const row of rows) this.set({ role: row.role }, Number(row.open));
    },
  });
  const newest = async () => {
    const [row] = await deps.db.query<{ at: Date; received_at: Date }>(
      'SELECT at, received_at FROM engine_events ORDER BY seq DESC LIMIT 1',
    );
    return row;
  };
  new Gauge({
    name: 'mops_engine_feed_newest_event_age_seconds',
    help: 'Age of the newest engine event applied to the projection (now minus its time); absent before the first event.',
    registers: [registry],
    async collect() {
      const row = await newest();
      this.reset();
      if (row) this.set(Math.max(0, (deps.now().getTime() - new Date(row.at).getTime()) / 1000));
    },
  });
  new Gauge({
    name: 'mops_engine_feed_delivery_delay_seconds',
    help: 'How late the newest engine event reached the projection (received minus happened).',
    registers: [registry],
    async collect() {
      const row = await newest();
      this.reset();
      if (row)
        this.set(Math.max(0, (new Date(row.received_at).getTime() - new Date(row.at).getTime()) / 1000));
    },
  });
  const commands = async () => {
    const [row] = await deps.db.query<{ pending: string | number; oldest: Date | null }>(
      `SELECT count(*) AS pending, min(created_at) AS oldest FROM engine_commands WHERE status = 'pending'`,
    );
    return row;
  };
  new Gauge({
    name: 'mops_engine_commands_pending',
    help: 'Engine commands waiting in the outbox (written with a case-file change, not yet taken by the engine).',
    registers: [registry],
    async collect() {
      this.set(Number((await commands())?.pending ?? 0));
    },
  });
  new Gauge({
    name: 'mops_engine_commands_oldest_pending_age_seconds',
    help: 'Age of the oldest pending engine command (0 when none).',
    registers: [registry],
    async collect() {
      const oldest = (await commands())?.oldest;
      this.set(oldest ? Math.max(0, (deps.now().getTime() - new Date(oldest).getTime()) / 1000) : 0);
    },
  });
  return {
    registry,
    taskDone(topic, outcome, seconds) {
      handled.inc({ topic, outcome });
      if (outcome === 'fail') failed.inc({ topic });
      durations.observe({ topic, outcome }, seconds);
    },
    httpDone(method, route, statusCode, seconds) {
      http.observe({ method, route, status_code: String(statusCode) }, seconds);
    },
  };
}
