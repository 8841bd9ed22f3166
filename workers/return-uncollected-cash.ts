import { z } from 'zod';
import type { Database } from '../src/db/database';
import { AppError } from '../src/errors/app-error';
import { returnUncollectedCash } from '../src/payouts/ledger';
import { complete, type JobWorkerDefinition } from './job-worker';

const variables = z.object({
  decisionId: z.string().uuid(),
  instalment: z.object({ instalmentNo: z.number().int().min(1) }),
  collectBy: z.string().nullish(),
});

/**
 * return-uncollected-cash: the client did not collect the cash by `collectBy` → the instalment is taken off its cash
 * list and marked for a later list (the model then goes back to pay-instalment), exactly once: keyed by this job's
 * key under the instalment's row lock (ledger.ts). An instalment the cashier paid in the meantime is left paid —
 * pay-instalment then reports it `paid` and nothing is paid again. Completes with no variables.
 */
export function createReturnUncollectedCashWorker(deps: { db: Database }): JobWorkerDefinition {
  return {
    taskType: 'return-uncollected-cash',
    fetchVariables: ['decisionId', 'instalment', 'collectBy'],
    timeoutMs: 30_000,
    async handle(job) {
      const input = variables.safeParse(job.variables);
      if (!input.success)
        return { kind: 'fail', retryable: false, message: 'Brak zmiennych decisionId / instalment' };
      try {
        const returned = await returnUncollectedCash(deps.db, {
          decisionId: input.data.decisionId,
          instalmentNo: input.data.instalment.instalmentNo,
          returnKey: job.jobKey,
          collectBy: validInstant(input.data.collectBy),
        });
        job.log.info(
          returned.newlyReturned
            ? 'Nieodebrana rata zdjęta z listy wypłat (na kolejną listę)'
            : returned.fromBatchId
              ? 'Rata była już zdjęta z listy (powtórne doręczenie)'
              : `Rata nie czekała na liście wypłat (status: ${returned.status}) — bez zmian`,
          {
            instalmentNo: input.data.instalment.instalmentNo,
            fromBatchId: returned.fromBatchId,
            nextListAfter: returned.nextListAfter,
          },
        );
        return complete();
      } catch (error) {
        if (error instanceof AppError && (error.code === 'not-found' || error.code === 'conflict'))
          return { kind: 'fail', retryable: false, message: error.message };
        throw error;
      }
    },
  };
}

/** `collectBy` is kept with the return for the record; a value that is not an instant is recorded as unknown. */
function validInstant(value: string | null | undefined): string | null {
  return value && !Number.isNaN(Date.parse(value)) ? value : null;
}
