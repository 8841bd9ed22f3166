import { z } from 'zod';
import { warsawDate } from '../src/domain/calendar-date';
import type { Database } from '../src/db/database';
import { recordEnforceable } from '../src/decisions/decision-lifecycle';
import { complete, type JobWorkerDefinition } from './job-worker';

const variables = z.object({ decisionId: z.string().uuid() });

/**
 * mark-decision-enforceable: the appeal window closed without an appeal, the party waived it, the SKO upheld or
 * changed the decision, or it was enforceable at once (art. 108 / 130 § 4 KPA): the day is written to the case
 * file once and returned as `enforceableOn`; payouts may start.
 */
export function createMarkDecisionEnforceableWorker(deps: {
  db: Database;
  now?: () => Date;
}): JobWorkerDefinition {
  return {
    taskType: 'mark-decision-enforceable',
    fetchVariables: ['decisionId'],
    timeoutMs: 30_000,
    async handle(job) {
      const input = variables.safeParse(job.variables);
      if (!input.success) return { kind: 'fail', retryable: false, message: 'Brak zmiennej decisionId' };
      const today = warsawDate((deps.now ?? (() => new Date()))());
      const enforceableOn = await recordEnforceable(deps.db, input.data.decisionId, today);
      job.log.info('Decyzja wykonalna', { enforceableOn });
      return complete({ enforceableOn });
    },
  };
}
