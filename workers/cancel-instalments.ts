import type { Database } from '../src/db/database';
import { cancelInstalmentsFrom } from '../src/payouts/ledger';
import { complete, decisionJobWorker, type JobWorkerDefinition } from './job-worker';

/**
 * cancel-instalments: the decision was revoked: every instalment not yet on a list or in a batch is cancelled (one
 * already queued stays and is paid or returned; none is paid twice). Repeating it cancels nothing more.
 */
export function createCancelInstalmentsWorker(deps: { db: Database }): JobWorkerDefinition {
  return decisionJobWorker({
    taskType: 'cancel-instalments',
    async handle(decisionId, job) {
      // from the first month: only instalments still 'scheduled' are touched
      const cancelledCount = await cancelInstalmentsFrom(deps.db, decisionId, '0000-01');
      job.log.info('Niewypłacone raty anulowane', { cancelledCount });
      return complete({ cancelledCount });
    },
  });
}
