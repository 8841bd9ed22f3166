import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database';

/** Embedded PostgreSQL (PGlite, WebAssembly) stored in a directory: no database server needed. */
export async function createPgliteDatabase(dataDir: string): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  // calendar dates stay 'YYYY-MM-DD' strings, the same as with pg (type 1082 = date)
  const db = await PGlite.create(dataDir, { parsers: { 1082: (value: string) => value } });
  const on = (client: PGlite | Transaction): Queryable => ({
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      const result = await client.query<T>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await client.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...on(db),
    transaction: (work) => db.transaction((tx) => work(on(tx))),
    async ping() {
      await db.query('SELECT 1');
    },
    async close() {
      await db.close();
    },
  };
}
