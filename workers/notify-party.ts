import type { Database } from '../src/db/database';
import { queueDecisionLetter } from '../src/decisions/decision-letter';
import { decisionFacts } from '../src/decisions/decision-lifecycle';
import { complete, decisionJobWorker, type JobWorkerDefinition } from './job-worker';

/**
 * notify-party: queues the letter delivering the decision to the party (outbox; sent by the configured channel).
 * Keyed by `decision-issued:<decisionId>`, so a redelivered job never sends a second letter.
 */
export function createNotifyPartyWorker(deps: { db: Database }): JobWorkerDefinition {
  return decisionJobWorker({
    taskType: 'notify-party',
    async handle(decisionId, job) {
      const decision = await decisionFacts(deps.db, decisionId);
      if (!decision.number)
        return { kind: 'fail', retryable: true, message: 'Decyzja nie ma jeszcze numeru' };
      const queued = await queueDecisionLetter(deps.db, { ...decision, number: decision.number });
      job.log.info(
        queued ? 'Pismo z decyzją w kolejce do wysyłki' : 'Pismo było już w kolejce (powtórne doręczenie)',
      );
      return complete({});
    },
  });
}
