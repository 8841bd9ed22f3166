import pg from 'pg';
import type { Database, Queryable, Row } from './database';

// calendar dates stay 'YYYY-MM-DD' strings (no local-time Date), the same as with PGlite below
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

/** PostgreSQL through a pg pool (DATABASE_URL). */
export function createPgDatabase(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString, max: 10, application_name: 'mops-flow' });
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...on(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}
