import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunningEngine } from '../../src/engine/local-engine';
import { createPgDatabase } from '../../src/db/pg-database';
import { BPMN_DIR } from '../../src/paths';
import { processCoverage } from '../../src/projection/coverage';
import { TEST_DATABASE_URL } from './test-config';

/**
 * Reports how much of the deployed model the run exercised, from the engine's records (elements completed,
 * sequence flows taken), then stops the engine if this run started it (a reused one is left running).
 */
export default async function globalTeardown(): Promise<void> {
  const db = createPgDatabase(TEST_DATABASE_URL);
  try {
    const coverage = await processCoverage(db, BPMN_DIR);
    await mkdir(path.resolve('test-artifacts'), { recursive: true });
    await writeFile(path.resolve('test-artifacts', 'bpmn-coverage.json'), JSON.stringify(coverage, null, 2));
    for (const c of coverage) {
      const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(0)}%`);
      console.log(
        `BPMN coverage ${c.bpmnProcessId}: elements ${c.elements.covered}/${c.elements.total} (${pct(c.elements.covered, c.elements.total)}), ` +
          `sequence flows ${c.sequenceFlows.covered}/${c.sequenceFlows.total} (${pct(c.sequenceFlows.covered, c.sequenceFlows.total)})` +
          (c.sequenceFlows.missing.length ? `; flows not taken: ${c.sequenceFlows.missing.join(', ')}` : ''),
      );
    }
  } catch (error) {
    console.log(`BPMN coverage not computed: ${String(error)}`);
  } finally {
    await db.close();
  }
  const engine = (globalThis as { __testEngine?: RunningEngine }).__testEngine;
  await engine?.stop();
}
