import type { RunningEngine } from '../../src/engine/local-engine';

/**
 * Stops the engine if this run started it (a reused one is left running). The model's coverage is reported by the
 * process suite's teardown (test/process), from the same engine records.
 */
export default async function globalTeardown(): Promise<void> {
  const engine = (globalThis as { __testEngine?: RunningEngine }).__testEngine;
  await engine?.stop();
}
