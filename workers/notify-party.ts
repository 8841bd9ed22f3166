import { z } from 'zod';
import type { Database } from '../src/db/database';
import { queueDecisionLetter } from '../src/decisions/decision-letter';
import { decisionFacts } from '../src/decisions/decision-lifecycle';
import { complete, type JobWorkerDefinition } from './job-worker';

const variables = z.object({ decisionId: z.string().uuid() });

/**
 * notify-party: queues the letter delivering the decision to the party (outbox; sent by the configured channel).
 * Keyed by `decision-issued:<decisionId>`, so a redelivered job never sends a second letter.
 */
export function createNotifyPartyWorker(deps: { db: Database }): JobWorkerDefinition {
  return {
    taskType: 'notify-party',
    fetchVariables: ['decisionId'],
    timeoutMs: 30_000,
    async handle(job) {
      const input = variables.safeParse(job.variables);
      if (!input.success) return { kind: 'fail', retryable: false, message: 'Brak zmiennej decisionId' };
      const decision = await decisionFacts(deps.db, input.data.decisionId);
      if (!decision.number)
        return { kind: 'fail', retryable: true, message: 'Decyzja nie ma jeszcze numeru' };
      const queued = await queueDecisionLetter(deps.db, { ...decision, number: decision.number });
      job.log.info(
        queued ? 'Pismo z decyzją w kolejce do wysyłki' : 'Pismo było już w kolejce (powtórne doręczenie)',
      );
      return complete({});
    },
  };
}
