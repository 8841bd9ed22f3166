/** A tiny HTTP client for tests: keeps the session cookie and sends the CSRF token like the front does. */
export class TestClient {
  private cookie?: string;
  private csrf?: string;

  constructor(private readonly baseUrl: string) {}

  async login(login: string, password: string): Promise<void> {
    const res = await this.request('POST', '/api/session', { login, password });
    if (res.status !== 201)
      throw new Error(`logowanie ${login}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    this.csrf = (res.body as { csrfToken: string }).csrfToken;
  }

  withoutCsrf(): TestClient {
    const copy = new TestClient(this.baseUrl);
    copy.cookie = this.cookie;
    return copy;
  }

  /** Cookie and CSRF headers, for requests the helper does not cover (binary uploads). */
  headers(): Record<string, string> {
    return {
      ...(this.cookie ? { cookie: this.cookie } : {}),
      ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
    };
  }

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf) headers['x-csrf-token'] = this.csrf;
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (an HTML page): keep the text
    }
    return { status: res.status, body: parsed };
  }
}

/** Polls until `probe` returns a value (the projection is eventually consistent with the engine). */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Nie doczekano się: ${what} (${timeoutMs} ms)`);
}
