import type { RunningEngineHost } from '../../src/engine/engine-host';

/**
 * Stops the engine host if this run started it (a reused one is left running). The model's coverage is reported by
 * the process suite's teardown (test/process), from the same engine events.
 */
export default async function globalTeardown(): Promise<void> {
  const engine = (globalThis as { __testEngine?: RunningEngineHost }).__testEngine;
  await engine?.stop();
}
