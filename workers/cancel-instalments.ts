import { z } from 'zod';
import type { Database } from '../src/db/database';
import { cancelInstalmentsFrom } from '../src/payouts/ledger';
import { complete, type JobWorkerDefinition } from './job-worker';

const variables = z.object({ decisionId: z.string().uuid() });

/**
 * cancel-instalments: the decision was revoked: every instalment not yet on a list or in a batch is cancelled (one
 * already queued stays and is paid or returned; none is paid twice). Repeating it cancels nothing more.
 */
export function createCancelInstalmentsWorker(deps: { db: Database }): JobWorkerDefinition {
  return {
    taskType: 'cancel-instalments',
    fetchVariables: ['decisionId'],
    timeoutMs: 30_000,
    async handle(job) {
      const input = variables.safeParse(job.variables);
      if (!input.success) return { kind: 'fail', retryable: false, message: 'Brak zmiennej decisionId' };
      // from the first month: only instalments still 'scheduled' are touched
      const cancelledCount = await cancelInstalmentsFrom(deps.db, input.data.decisionId, '0000-01');
      job.log.info('Niewypłacone raty anulowane', { cancelledCount });
      return complete({ cancelledCount });
    },
  };
}
