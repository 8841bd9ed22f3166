import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '@jest/types';
import type { RunningEngineHost } from '../../src/engine/engine-host';
import { createPgDatabase } from '../../src/db/pg-database';
import { BPMN_DIR } from '../../src/paths';
import { TEST_DATABASE_URL } from '../integration/test-config';
import { coverageTable, modelCoverage } from '../../src/projection/coverage';
import { MODEL_FILES } from './harness';

/**
 * After the process tests: the model's coverage from the engine's records — a table per process and the totals
 * on the console, test-artifacts/bpmn-coverage.json — and a failed run when a sequence flow of the model was never
 * taken. The check is strict when the whole process suite ran (no file or test-name filter, or
 * MOPS_BPMN_COVERAGE=strict); a filtered run only reports. Then the engine is stopped if this run started it.
 */
export default async function globalTeardown(globalConfig: Config.GlobalConfig): Promise<void> {
  const db = createPgDatabase(TEST_DATABASE_URL);
  let failure: string | undefined;
  try {
    const coverage = await modelCoverage(db, BPMN_DIR, MODEL_FILES);
    await mkdir(path.resolve('test-artifacts'), { recursive: true });
    await writeFile(
      path.resolve('test-artifacts', 'bpmn-coverage.json'),
      `${JSON.stringify(coverage, null, 2)}\n`,
    );
    console.log(
      `\nPokrycie modelu BPMN (z rekordów silnika, test-artifacts/bpmn-coverage.json):\n${coverageTable(coverage)}`,
    );
    const missing = coverage.totals.sequenceFlows.missing;
    const filtered = Boolean(globalConfig.testPathPattern) || Boolean(globalConfig.testNamePattern);
    if (missing.length > 0) {
      const message = `Przepływy modelu, których żaden test nie przeszedł (${missing.length})`;
      console.log(`${message}: ${missing.join(', ')}`);
      if (!filtered || process.env.MOPS_BPMN_COVERAGE === 'strict') failure = message;
      else console.log('(przebieg z filtrem plików lub nazw testów — tylko raport)');
    }
  } finally {
    await db.close();
    const engine = (globalThis as { __testEngine?: RunningEngineHost }).__testEngine;
    await engine?.stop();
  }
  if (failure) throw new Error(failure);
}
