import { z } from 'zod';
import { warsawDate } from '../src/domain/calendar-date';
import type { Database } from '../src/db/database';
import { recordRuling } from '../src/decisions/decision-lifecycle';
import { complete, type JobWorkerDefinition } from './job-worker';

const variables = z.object({
  decisionId: z.string().uuid(),
  appealRuling: z.enum(['upheld', 'changed', 'revoked', 'remanded']),
  rulingReceivedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/)
    .optional(),
});

/**
 * apply-appeal-ruling: the SKO changed the decision (art. 138 § 1 pkt 2 KPA): the ruling is in the case file (the
 * clerk's entry, or written here when the message came from elsewhere) and the decision is marked amended. Once.
 */
export function createApplyAppealRulingWorker(deps: { db: Database; now?: () => Date }): JobWorkerDefinition {
  return {
    taskType: 'apply-appeal-ruling',
    fetchVariables: ['decisionId', 'appealRuling', 'rulingReceivedOn'],
    timeoutMs: 30_000,
    async handle(job) {
      const input = variables.safeParse(job.variables);
      if (!input.success)
        return { kind: 'fail', retryable: false, message: 'Brak zmiennych decisionId / appealRuling' };
      await recordRuling(deps.db, {
        decisionId: input.data.decisionId,
        ruling: input.data.appealRuling,
        receivedOn:
          input.data.rulingReceivedOn?.slice(0, 10) ?? warsawDate((deps.now ?? (() => new Date()))()),
      });
      job.log.info('Rozstrzygnięcie SKO w aktach', { ruling: input.data.appealRuling });
      return complete({});
    },
  };
}
