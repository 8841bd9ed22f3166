import type { Config } from '../config';
import type { Database } from '../db/database';
import type { EngineCommands } from '../engine-commands/commands';
import type { EnginePort } from '../engine/port';
import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import type { AppMetrics } from '../metrics/metrics';

/** Everything the routes need, passed in by the composition root. */
export interface WebDeps {
  config: Config;
  db: Database;
  engine: EnginePort;
  /** Engine commands that follow a case-file write: stored with it, sent at once and retried (outbox). */
  commands: EngineCommands;
  log: Logger;
  /** The shared secret the engine host sends with its event feed (`Authorization: Bearer …`). */
  feedToken: string;
  /** The app's clock: "today" of a submitted form, the inbox's overdue filter, the draft's benefit range. */
  now: Clock;
  workers: () => { running: boolean; types: string[] };
  /** Prometheus metrics (GET /metrics, HTTP latency); absent in apps built without them. */
  metrics?: AppMetrics;
}
