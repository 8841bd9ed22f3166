/** Where and as whom the engine REST API is called. */
export interface EngineEndpoint {
  /** e.g. `http://127.0.0.1:8080/engine-rest` */
  restUrl: string;
  user: string;
  password: string;
}

export type HostState = 'ready' | 'unauthorized' | 'down' | 'other';

export interface HostHealth {
  state: HostState;
  /** `GET /version`, when ready. */
  version?: string;
  detail: string;
}

/** Readiness with credentials: `GET /engine/` answers 200 with the default engine listed. */
export async function probeHost(endpoint: EngineEndpoint, timeoutMs = 2000): Promise<HostHealth> {
  const headers = { authorization: basicAuth(endpoint.user, endpoint.password), accept: 'application/json' };
  try {
    const engines = await fetch(`${endpoint.restUrl}/engine`, {
      headers,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (engines.status === 401 || engines.status === 403) {
      return { state: 'unauthorized', detail: `HTTP ${engines.status} dla użytkownika ${endpoint.user}` };
    }
    if (!engines.ok) return { state: 'other', detail: `HTTP ${engines.status} z ${endpoint.restUrl}/engine` };
    const list: unknown = await engines.json();
    if (!Array.isArray(list) || list.length === 0)
      return { state: 'other', detail: 'brak silnika na liście' };
    const version = await fetch(`${endpoint.restUrl}/version`, {
      headers,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = version.ok ? ((await version.json()) as { version?: string }) : {};
    return { state: 'ready', version: body.version, detail: `Camunda ${body.version ?? '?'}` };
  } catch (error) {
    return { state: 'down', detail: error instanceof Error ? describe(error) : String(error) };
  }
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

function describe(error: Error): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? error.message;
}
