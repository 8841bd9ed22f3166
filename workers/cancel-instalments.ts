import { z } from 'zod';
import type { Database } from '../src/db/database';
import { cancelInstalmentsFrom } from '../src/payouts/ledger';
import { complete, type JobWorkerDefinition, validatedJobWorker } from './job-worker';

const variables = z.object({
  decisionId: z.string().uuid(),
  // set by the `decision-changed` message when the centre revoked its decision from a month (art. 154/155 KPA)
  changeFromMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .nullish(),
});

/**
 * cancel-instalments: the decision was revoked: every instalment not yet on a list or in a batch is cancelled (one
 * already queued stays and is paid or returned; none is paid twice) — from the month the revocation holds
 * (`changeFromMonth` of the message), or from the first month when the whole decision was quashed (an SKO ruling).
 * Repeating it cancels nothing more.
 */
export function createCancelInstalmentsWorker(deps: { db: Database }): JobWorkerDefinition {
  return validatedJobWorker({
    taskType: 'cancel-instalments',
    fetchVariables: ['decisionId', 'changeFromMonth'],
    variables,
    invalid: 'Brak zmiennej decisionId albo błędny changeFromMonth (RRRR-MM)',
    async handle(input, job) {
      // only instalments still 'scheduled' are touched
      const fromMonth = input.changeFromMonth ?? '0000-01';
      const cancelledCount = await cancelInstalmentsFrom(deps.db, input.decisionId, fromMonth);
      job.log.info('Niewypłacone raty anulowane', { cancelledCount, fromMonth });
      return complete({ cancelledCount });
    },
  });
}
