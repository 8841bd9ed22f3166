import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunningEngine } from '../../src/engine/local-engine';
import { createPgDatabase } from '../../src/db/pg-database';
import { BPMN_DIR } from '../../src/paths';
import { coverageTable, modelCoverage } from '../../src/projection/coverage';
import { TEST_DATABASE_URL } from './test-config';

/** The process the application runs today; the whole model of bpmn/ has its own suite (test/process). */
const APP_PROCESS_FILES = ['mops-application.bpmn'];

/**
 * Reports how much of the application's process the run exercised, from the engine's records (elements completed,
 * sequence flows taken) in test-artifacts/bpmn-coverage-app.json, then stops the engine if this run started it (a
 * reused one is left running).
 */
export default async function globalTeardown(): Promise<void> {
  const db = createPgDatabase(TEST_DATABASE_URL);
  try {
    const coverage = await modelCoverage(db, BPMN_DIR, APP_PROCESS_FILES);
    await mkdir(path.resolve('test-artifacts'), { recursive: true });
    await writeFile(
      path.resolve('test-artifacts', 'bpmn-coverage-app.json'),
      `${JSON.stringify(coverage, null, 2)}\n`,
    );
    console.log(
      `\nPokrycie procesu aplikacji (test-artifacts/bpmn-coverage-app.json):\n${coverageTable(coverage)}`,
    );
    const missing = coverage.totals.sequenceFlows.missing;
    if (missing.length > 0) console.log(`Przepływy nieprzebyte: ${missing.join(', ')}`);
  } catch (error) {
    console.log(`Pokrycie BPMN nie zostało policzone: ${String(error)}`);
  } finally {
    await db.close();
  }
  const engine = (globalThis as { __testEngine?: RunningEngine }).__testEngine;
  await engine?.stop();
}
