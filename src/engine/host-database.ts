import path from 'node:path';
import pg from 'pg';
import type { HostDatasource } from './host-config';

/** The schema of the engine's tables when it shares the app's PostgreSQL server. */
export const ENGINE_SCHEMA = 'camunda';

/**
 * The engine's datasource: schema `camunda` of the DATABASE_URL database, or an H2 file in the engine data dir.
 * Pure, so it is unit-tested.
 */
export function hostDatasource(databaseUrl: string | undefined, engineDataDir: string): HostDatasource {
  if (!databaseUrl) {
    return {
      url: `jdbc:h2:file:${path.join(engineDataDir, 'h2', 'engine')};AUTO_SERVER=FALSE`,
      username: 'sa',
      password: '',
      driverClassName: 'org.h2.Driver',
    };
  }
  const source = new URL(databaseUrl);
  const query = new URLSearchParams();
  for (const [key, value] of source.searchParams) {
    if (key !== 'user' && key !== 'password' && key !== 'currentSchema') query.set(key, value);
  }
  query.set('currentSchema', ENGINE_SCHEMA);
  const host = source.hostname || '127.0.0.1';
  return {
    url: `jdbc:postgresql://${host}:${source.port || '5432'}${source.pathname || '/postgres'}?${query.toString()}`,
    username: decodeURIComponent(source.username || source.searchParams.get('user') || ''),
    password: decodeURIComponent(source.password || source.searchParams.get('password') || ''),
    driverClassName: 'org.postgresql.Driver',
  };
}

/** Creates schema `camunda` (the host creates its tables in it); with `fresh`, drops it and everything in it first. */
export async function prepareEngineSchema(
  databaseUrl: string,
  options: { fresh?: boolean } = {},
): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    if (options.fresh) await client.query(`DROP SCHEMA IF EXISTS ${ENGINE_SCHEMA} CASCADE`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${ENGINE_SCHEMA}`);
  } finally {
    await client.end();
  }
}
