import type { Database, Queryable } from './database';

/**
 * The open transaction `tx` as a Database: code that opens its own transaction (`db.transaction(...)`) runs inside
 * `tx` instead, so several such steps and a stored engine command commit together or not at all.
 */
export function inTransaction(db: Database, tx: Queryable): Database {
  return {
    kind: db.kind,
    query: (sql, params) => tx.query(sql, params),
    exec: (sql) => tx.exec(sql),
    transaction: (work) => work(tx),
    ping: () => tx.query('SELECT 1').then(() => undefined),
    close: () => Promise.reject(new Error('Transakcji nie zamyka się jak bazy')),
  };
}
