import { z } from 'zod';
import type { Database } from '../src/db/database';
import { computeUndueBenefit } from '../src/decisions/benefit-recovery';
import { complete, type JobWorkerDefinition, validatedJobWorker } from './job-worker';

const variables = z.object({
  decisionId: z.string().uuid(),
  // from which month the revocation or change holds (the centre's own, art. 154/155 KPA); none: an SKO quash of
  // the whole decision
  recoveryFromMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .nullish(),
});

/**
 * compute-undue-benefit: the benefit paid under a decision no longer in force, for the months the quash or revision
 * covers (art. 98 u.p.s.), from the payout ledger — the sum of paid instalments. Idempotent: the recovery is one row
 * per decision; a recovery already decided gives 0, so no second task opens.
 */
export function createComputeUndueBenefitWorker(deps: { db: Database }): JobWorkerDefinition {
  return validatedJobWorker({
    taskType: 'compute-undue-benefit',
    fetchVariables: ['decisionId', 'recoveryFromMonth'],
    variables,
    invalid: 'Brak zmiennej decisionId albo błędny recoveryFromMonth (RRRR-MM)',
    async handle(input, job) {
      const found = await computeUndueBenefit(deps.db, {
        decisionId: input.decisionId,
        fromMonth: input.recoveryFromMonth ?? null,
        processInstanceKey: job.processInstanceKey,
      });
      job.log.info('Świadczenie nienależnie pobrane', {
        undueGrosze: found.undueGrosze,
        alreadyDecided: found.alreadyDecided,
      });
      return complete({ undueGrosze: found.undueGrosze, recoveryAlreadyDecided: found.alreadyDecided });
    },
  });
}
