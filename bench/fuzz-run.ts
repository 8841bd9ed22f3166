import fc from 'fast-check';
import { type FuzzRequest, type Operation, requestsFor } from './fuzz-requests';

/**
 * Sends the generated bad requests and checks each answer: never a 5xx (unless the document promises it, as
 * /health's 503), every 4xx in the error shape `{ error: { code, message, field? } }` with `field` named on a 400,
 * and nothing half-written — for a refused request that could write (not GET), the row counts of the case-file
 * tables and engine_commands are the same after it as before.
 */

/** The tables a refused request must leave alone: the case file, the centre's settings, commands to the engine. */
export const WATCHED_TABLES = [
  'account_changes',
  'appeals',
  'applications',
  'assistance_plans',
  'benefit_recoveries',
  'case_number_counters',
  'cases',
  'centres',
  'certificates',
  'clients',
  'decision_number_counters',
  'decision_revisions',
  'decisions',
  'delay_notices',
  'districts',
  'district_streets',
  'documents',
  'engine_commands',
  'first_contact_visits',
  'household_members',
  'income_statements',
  'intakes',
  'interviews',
  'notes',
  'outbox_messages',
  'payout_batch_files',
  'payout_batch_lines',
  'payout_batches',
  'payout_instalments',
  'payout_returns',
  'sites',
  'task_submissions',
  'users',
];

export type Query = (sql: string) => Promise<{ rows: Record<string, unknown>[] }>;

export interface Failure {
  kind: '5xx' | 'no-field' | 'error-shape' | 'half-written';
  status: number;
  note: string;
  url: string;
  detail: string;
}

export interface OperationResult {
  route: string;
  method: string;
  requests: number;
  statuses: Record<string, number>;
  failures: Failure[];
}

export interface Client {
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  headers(): Record<string, string>;
}

export interface FuzzOptions {
  baseUrl: string;
  /** A session with every role the routes need (and its CSRF token). */
  client: Client;
  /** No session: for the session routes themselves (a login attempt must not end the fuzzing session). */
  anonymous: Client;
  query: Query;
  operations: Operation[];
  perOperation: number;
  seed: number;
  /** Called after each operation (progress). */
  onOperation?: (result: OperationResult) => void;
}

export async function runFuzz(options: FuzzOptions): Promise<OperationResult[]> {
  const tables = await existingTables(options.query);
  const results: OperationResult[] = [];
  for (const [index, op] of options.operations.entries()) {
    const requests = fc.sample(requestsFor(op), {
      seed: options.seed + index,
      numRuns: options.perOperation,
    });
    const client = op.path === '/api/session' ? options.anonymous : options.client;
    const result: OperationResult = {
      route: op.path,
      method: op.method,
      requests: 0,
      statuses: {},
      failures: [],
    };
    for (const request of requests) {
      const writes = request.method !== 'GET';
      const before = writes ? await rowCounts(options.query, tables) : undefined;
      const { status, body } = await send(options.baseUrl, client, request);
      result.requests += 1;
      result.statuses[status] = (result.statuses[status] ?? 0) + 1;
      const fail = (kind: Failure['kind'], detail: string) =>
        result.failures.push({ kind, status, note: request.note, url: request.url.slice(0, 200), detail });
      if (status >= 500 && !op.documented.includes(status)) fail('5xx', excerpt(body));
      if (status >= 400 && status < 500) {
        const error = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } } | undefined)
          ?.error;
        if (typeof error?.code !== 'string' || typeof error.message !== 'string')
          fail('error-shape', excerpt(body));
        else if (status === 400 && (typeof error.field !== 'string' || error.field === ''))
          fail('no-field', excerpt(body));
      }
      if (before && status >= 400) {
        const after = await rowCounts(options.query, tables);
        const changed = tables.filter((t) => after[t] !== before[t]);
        if (changed.length > 0)
          fail(
            'half-written',
            changed.map((t) => `${t}: ${String(before[t])} → ${String(after[t])}`).join(', '),
          );
      }
    }
    results.push(result);
    options.onOperation?.(result);
  }
  return results;
}

async function send(
  baseUrl: string,
  client: Client,
  request: FuzzRequest,
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { accept: 'application/json', ...client.headers() };
  let payload: string | undefined;
  if (request.body) {
    headers['content-type'] = 'application/json';
    payload = 'raw' in request.body ? request.body.raw : JSON.stringify(request.body.json);
  }
  const res = await fetch(`${baseUrl}${request.url}`, {
    method: request.method,
    headers,
    body: payload,
    redirect: 'manual',
  });
  const text = await res.text();
  try {
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  } catch {
    return { status: res.status, body: text };
  }
}

function excerpt(body: unknown): string {
  return (typeof body === 'string' ? body : (JSON.stringify(body) ?? '')).slice(0, 300);
}

async function existingTables(query: Query): Promise<string[]> {
  const { rows } = await query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN (${WATCHED_TABLES.map((t) => `'${t}'`).join(', ')}) ORDER BY table_name`,
  );
  return rows.map((r) => String(r.table_name));
}

async function rowCounts(query: Query, tables: string[]): Promise<Record<string, number>> {
  const { rows } = await query(
    `SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}")::int AS "${t}"`).join(', ')}`,
  );
  return rows[0] as Record<string, number>;
}

/** Totals and a Markdown table (route, method, requests, statuses seen, failures). */
export function summarize(results: OperationResult[]): {
  requests: number;
  failures: number;
  markdown: string;
} {
  const lines = [
    '| Trasa | Metoda | Żądań | Statusy | Błędy |',
    '| --- | --- | ---: | --- | ---: |',
    ...results.map(
      (r) =>
        `| \`${r.route}\` | ${r.method} | ${r.requests} | ${Object.entries(r.statuses)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')} | ${r.failures.length} |`,
    ),
  ];
  return {
    requests: results.reduce((sum, r) => sum + r.requests, 0),
    failures: results.reduce((sum, r) => sum + r.failures.length, 0),
    markdown: lines.join('\n'),
  };
}
