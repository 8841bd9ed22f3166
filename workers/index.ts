import type { Database } from '../src/db/database';
import type { Clock } from '../src/domain/clock';
import { renderDecisionPdf } from '../src/documents/decision-pdf';
import { renderLetterPdf } from '../src/documents/letter-pdf';
import { createApplyAppealRulingWorker } from './apply-appeal-ruling';
import { createAttachToCaseWorker } from './attach-to-case';
import { createCancelInstalmentsWorker } from './cancel-instalments';
import { createCheckDuplicateClientWorker } from './check-duplicate-client';
import { createCheckFourEyesWorker } from './check-four-eyes';
import { createCloseCaseWorker } from './close-case';
import { createComputeBenefitWorker } from './compute-benefit';
import { createComputeDueDateWorker } from './compute-due-date';
import { createComputeIncomeWorker } from './compute-income';
import { createComputeUndueBenefitWorker } from './compute-undue-benefit';
import { createForwardAppealWorker } from './forward-appeal';
import { createIssueCertificateWorker } from './issue-certificate';
import { createIssueDecisionWorker } from './issue-decision';
import type { JobWorkerDefinition } from './job-worker';
import { createMarkDecisionEnforceableWorker } from './mark-decision-enforceable';
import { createNotifyPartyWorker } from './notify-party';
import { createPayInstalmentWorker } from './pay-instalment';
import { createRecordDeemedDeliveryWorker } from './record-deemed-delivery';
import { createRegisterCaseWorker } from './register-case';
import { createReturnUncollectedCashWorker } from './return-uncollected-cash';
import { createScheduleInstalmentsWorker } from './schedule-instalments';
import { createSendDecisionWorker } from './send-decision';
import { createSendDelayNoticeWorker } from './send-delay-notice';

/**
 * Every job worker of the process model, built from its dependencies (no module singletons); `now` is the app's
 * clock for every worker that needs "today" (the system clock unless the composition root passes another).
 */
export function createWorkerDefinitions(deps: {
  db: Database;
  caseNumberPattern: string;
  now?: Clock;
}): JobWorkerDefinition[] {
  const letters = { db: deps.db, render: renderLetterPdf, now: deps.now };
  return [
    createRegisterCaseWorker(deps),
    createComputeDueDateWorker(deps),
    createComputeBenefitWorker(deps),
    createIssueDecisionWorker({ db: deps.db, render: renderDecisionPdf, now: deps.now }),
    createNotifyPartyWorker(deps),
    createScheduleInstalmentsWorker(deps),
    createPayInstalmentWorker(deps),
    createCloseCaseWorker(deps),
    // the decision after it is issued (mops-decision) and the payout's revocation path (mops-payout)
    createCheckFourEyesWorker(deps),
    createSendDecisionWorker(deps),
    createRecordDeemedDeliveryWorker(deps),
    createMarkDecisionEnforceableWorker(deps),
    createForwardAppealWorker(letters),
    createApplyAppealRulingWorker(deps),
    createSendDelayNoticeWorker(letters),
    createCancelInstalmentsWorker(deps),
    // recovery of an undue benefit (mops-benefit-recovery, art. 98 u.p.s.)
    createComputeUndueBenefitWorker(deps),
    // first contact (mops-case), income for the teams' tables, cash not collected in time (mops-payout)
    createCheckDuplicateClientWorker(deps),
    createAttachToCaseWorker(deps),
    createIssueCertificateWorker(deps),
    createComputeIncomeWorker(deps),
    createReturnUncollectedCashWorker(deps),
  ];
}
