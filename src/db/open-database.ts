import path from 'node:path';
import type { Config } from '../config';
import type { Database } from './database';
import { createPgDatabase } from './pg-database';
import { createPgliteDatabase } from './pglite-database';

/** pg when DATABASE_URL is set, embedded PGlite in DATA_DIR/pglite otherwise. */
export function openDatabase(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>): Promise<Database> {
  if (config.DATABASE_URL) return Promise.resolve(createPgDatabase(config.DATABASE_URL));
  return createPgliteDatabase(path.join(config.DATA_DIR, 'pglite'));
}
