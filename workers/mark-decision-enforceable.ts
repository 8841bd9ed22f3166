import { warsawDate } from '../src/domain/calendar-date';
import type { Database } from '../src/db/database';
import { recordEnforceable } from '../src/decisions/decision-lifecycle';
import { complete, decisionJobWorker, type JobWorkerDefinition } from './job-worker';

/**
 * mark-decision-enforceable: the appeal window closed without an appeal, the party waived it, the SKO upheld or
 * changed the decision, or it was enforceable at once (art. 108 / 130 § 4 KPA): the day is written to the case
 * file once and returned as `enforceableOn`; payouts may start.
 */
export function createMarkDecisionEnforceableWorker(deps: {
  db: Database;
  now?: () => Date;
}): JobWorkerDefinition {
  return decisionJobWorker({
    taskType: 'mark-decision-enforceable',
    async handle(decisionId, job) {
      const today = warsawDate((deps.now ?? (() => new Date()))());
      const enforceableOn = await recordEnforceable(deps.db, decisionId, today);
      job.log.info('Decyzja wykonalna', { enforceableOn });
      return complete({ enforceableOn });
    },
  });
}
