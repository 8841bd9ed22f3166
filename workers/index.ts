import type { Database } from '../src/db/database';
import { renderDecisionPdf } from '../src/documents/decision-pdf';
import { createCloseCaseWorker } from './close-case';
import { createComputeBenefitWorker } from './compute-benefit';
import { createComputeDueDateWorker } from './compute-due-date';
import { createIssueDecisionWorker } from './issue-decision';
import type { JobWorkerDefinition } from './job-worker';
import { createNotifyPartyWorker } from './notify-party';
import { createPayInstalmentWorker } from './pay-instalment';
import { createRegisterCaseWorker } from './register-case';
import { createScheduleInstalmentsWorker } from './schedule-instalments';

/** Every job worker of the process model, built from its dependencies (no module singletons). */
export function createWorkerDefinitions(deps: {
  db: Database;
  caseNumberPattern: string;
}): JobWorkerDefinition[] {
  return [
    createRegisterCaseWorker(deps),
    createComputeDueDateWorker(),
    createComputeBenefitWorker(deps),
    createIssueDecisionWorker({ db: deps.db, render: renderDecisionPdf }),
    createNotifyPartyWorker(deps),
    createScheduleInstalmentsWorker(deps),
    createPayInstalmentWorker(deps),
    createCloseCaseWorker(deps),
  ];
}
