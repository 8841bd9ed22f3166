import { deemedDeliveryWatch } from '../src/domain/delivery';
import type { Database } from '../src/db/database';
import { decisionFacts, recordDelivery } from '../src/decisions/decision-lifecycle';
import { complete, decisionJobWorker, type JobWorkerDefinition } from './job-worker';

/**
 * record-deemed-delivery: no advice of delivery came back in time, so the decision is taken as delivered on the
 * last of the 14 holding days (art. 44 § 4 KPA, presumed from the dispatch day). A delivery already recorded stays.
 * Returns `deliveredOn`, from which the process counts the 14-day appeal period.
 */
export function createRecordDeemedDeliveryWorker(deps: { db: Database }): JobWorkerDefinition {
  return decisionJobWorker({
    taskType: 'record-deemed-delivery',
    async handle(decisionId, job) {
      const decision = await decisionFacts(deps.db, decisionId);
      if (!decision.dispatchedOn)
        return { kind: 'fail', retryable: false, message: 'W aktach nie ma daty wysłania decyzji' };
      const presumed = deemedDeliveryWatch(decision.dispatchedOn).presumedDeliveredOn;
      const deliveredOn = await recordDelivery(deps.db, decision.id, presumed, true);
      job.log.info('Doręczenie zastępcze zapisane w aktach', { deliveredOn });
      return complete({ deliveredOn });
    },
  });
}
