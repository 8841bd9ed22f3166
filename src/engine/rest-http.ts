import type { Logger } from '../logger';
import { engineErrorFromNetwork, engineErrorFromResponse } from './engine-errors';

export interface RestHttpOptions {
  /** `http://127.0.0.1:8080/engine-rest`, without a trailing slash. */
  restUrl: string;
  user: string;
  password: string;
  log: Logger;
  fetch?: typeof fetch;
  /** Per-request timeout unless the call gives its own; default 30 s. */
  timeoutMs?: number;
}

export interface RestCall {
  /** Values for `{name}` placeholders of the path template, URL-encoded. */
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  form?: FormData;
  /** `json` parses the answer, `text` returns it verbatim, `none` ignores it. */
  answer?: 'json' | 'text' | 'none';
  signal?: AbortSignal;
  timeoutMs?: number;
}

export type RestHttp = <T>(method: string, template: string, call?: RestCall) => Promise<T>;

/**
 * One HTTP call to the engine REST API with HTTP Basic credentials. A non-2xx answer becomes an EngineError
 * classified from the engine's `{type, message}` body, no answer (refused, reset, timeout) an `unavailable` one;
 * an abort by the caller's own signal is rethrown as the AbortError. Credentials are never logged: the operation is
 * named by its path template (`POST /task/{id}/claim`).
 */
export function createRestHttp(options: RestHttpOptions): RestHttp {
  const doFetch = options.fetch ?? globalThis.fetch;
  const base = options.restUrl.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${options.user}:${options.password}`).toString('base64')}`;
  const defaultTimeout = options.timeoutMs ?? 30_000;

  return async <T>(method: string, template: string, call: RestCall = {}): Promise<T> => {
    const operation = `${method} ${template}`;
    const headers: Record<string, string> = { Authorization: authorization, Accept: 'application/json' };
    let body: string | FormData | undefined;
    if (call.form) body = call.form;
    else if (call.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(call.json);
    }
    const timeout = AbortSignal.timeout(call.timeoutMs ?? defaultTimeout);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await doFetch(`${base}${fillPath(template, call.params)}${queryString(call.query)}`, {
        method,
        headers,
        body,
        signal,
      });
    } catch (error) {
      if (call.signal?.aborted) throw error;
      const failure = engineErrorFromNetwork(operation, error);
      options.log.warn('Silnik procesów nie odpowiada', { operation, error: failure.message });
      throw failure;
    }
    const text = await response.text().catch((error: unknown) => {
      if (call.signal?.aborted) throw error;
      throw engineErrorFromNetwork(operation, error);
    });
    if (!response.ok) {
      const failure = engineErrorFromResponse(operation, response.status, text);
      const level =
        failure.code === 'engine-unavailable' || failure.code === 'engine-failure' ? 'warn' : 'debug';
      options.log.log(level, 'Silnik procesów odrzucił żądanie', failure.toJSON());
      throw failure;
    }
    if (call.answer === 'none' || response.status === 204) return undefined as T;
    if (call.answer === 'text') return text as T;
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

function fillPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Brak parametru ${name} ścieżki ${template}`);
    return encodeURIComponent(value);
  });
}

function queryString(query: RestCall['query']): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
