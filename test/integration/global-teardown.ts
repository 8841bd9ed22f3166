import type { RunningEngine } from '../../src/engine/local-engine';

/** Stops the engine if this run started it (a reused one is left running). */
export default async function globalTeardown(): Promise<void> {
  const engine = (globalThis as { __testEngine?: RunningEngine }).__testEngine;
  await engine?.stop();
}
