import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Umzug, type UmzugStorage } from 'umzug';
import type { Logger } from '../logger';
import type { Database } from './database';

const MIGRATIONS_DIR = path.join(__dirname, 'migrations');
const LOCK_ID = 7_102_026;

/** Applies every pending SQL migration (src/db/migrations/NNN-name.sql) in order, each in its own transaction. */
export async function migrate(db: Database, log: Logger): Promise<string[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const files = (await readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith('.sql')).sort();
  const umzug = new Umzug({
    migrations: files.map((name) => ({
      name,
      up: async () => {
        const sql = await readFile(path.join(MIGRATIONS_DIR, name), 'utf8');
        await db.transaction(async (tx) => {
          // several app replicas may start at once: one applies, the others find it done
          if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
          const done = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
          if (done.length > 0) return;
          await tx.exec(sql);
          await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
        });
      },
    })),
    storage: tableStorage(db),
    logger: undefined,
  });
  const applied = await umzug.up();
  if (applied.length > 0) log.info('Migracje bazy zastosowane', { migrations: applied.map((m) => m.name) });
  return applied.map((m) => m.name);
}

function tableStorage(db: Database): UmzugStorage {
  return {
    // the row is written inside the migration's own transaction (see `up`)
    logMigration: () => Promise.resolve(),
    unlogMigration: async ({ name }) => {
      await db.query('DELETE FROM schema_migrations WHERE name = $1', [name]);
    },
    executed: async () =>
      (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map(
        (row) => row.name,
      ),
  };
}
