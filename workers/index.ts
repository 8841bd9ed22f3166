import type { Database } from '../src/db/database';
import type { JobWorkerDefinition } from './job-worker';
import { createComputeDueDateWorker } from './compute-due-date';
import { createRegisterCaseWorker } from './register-case';

/** Every job worker of the process model, built from its dependencies (no module singletons). */
export function createWorkerDefinitions(deps: {
  db: Database;
  caseNumberPattern: string;
}): JobWorkerDefinition[] {
  return [createRegisterCaseWorker(deps), createComputeDueDateWorker()];
}
