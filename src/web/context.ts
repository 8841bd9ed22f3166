import type { Camunda8 } from '@camunda8/sdk';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import type { EngineProbe } from '../engine/readiness';

/** Everything the routes need, passed in by the composition root. */
export interface WebDeps {
  config: Config;
  db: Database;
  engine: Camunda8;
  log: Logger;
  /** The app's clock: "today" of a submitted form, the inbox's overdue filter, the draft's benefit range. */
  now: Clock;
  engineProbe?: EngineProbe;
  exporterToken: string;
  workers: () => { running: boolean; types: string[] };
}
