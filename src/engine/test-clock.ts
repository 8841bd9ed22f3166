/**
 * The engine host's test clock (`/mops/clock`, present only when the host runs with `mops.test-clock.enabled`):
 * timers due by the new time fire at once, so timer tests move time instead of waiting. Never used in production.
 */
export interface EngineTestClock {
  /** Moves the engine's clock to the instant (timers due by then fire). */
  set(at: Date): Promise<Date>;
  /** Back to the machine's clock. */
  reset(): Promise<Date>;
  now(): Promise<Date>;
}

export function createEngineTestClock(input: {
  /** The engine's REST URL, e.g. http://127.0.0.1:8180/engine-rest; the clock lives beside it on the same host. */
  restUrl: string;
  user: string;
  password: string;
}): EngineTestClock {
  const hostUrl = input.restUrl.replace(/\/engine-rest\/?$/, '');
  const authorization = `Basic ${Buffer.from(`${input.user}:${input.password}`).toString('base64')}`;
  const call = async (method: 'GET' | 'PUT' | 'DELETE', body?: unknown): Promise<Date> => {
    const response = await fetch(`${hostUrl}/mops/clock`, {
      method,
      headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) {
      throw new Error(
        response.status === 404
          ? 'Zegar testowy silnika jest wyłączony (ENGINE_CLOCK_CONTROLLED=false).'
          : `Zegar testowy silnika: HTTP ${response.status}`,
      );
    }
    const { now } = (await response.json()) as { now: string };
    return new Date(now);
  };
  return {
    set: (at) => call('PUT', { at: at.toISOString() }),
    reset: () => call('DELETE'),
    now: () => call('GET'),
  };
}
