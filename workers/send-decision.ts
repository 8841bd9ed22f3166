import { warsawDate } from '../src/domain/calendar-date';
import { deemedDeliveryWatch } from '../src/domain/delivery';
import type { Database } from '../src/db/database';
import { queueDecisionLetter } from '../src/decisions/decision-letter';
import { decisionFacts, recordDispatch } from '../src/decisions/decision-lifecycle';
import { complete, decisionJobWorker, type JobWorkerDefinition } from './job-worker';

/**
 * send-decision: the issued decision goes to the party by registered letter with advice of delivery (outbox, once
 * per decision) and the dispatch day is kept in the case file. Returns `dispatchedOn` and `deliveryDeemedAt`, when
 * the process looks for an art. 44 KPA deemed delivery if no receipt has been recorded by then.
 */
export function createSendDecisionWorker(deps: { db: Database; now?: () => Date }): JobWorkerDefinition {
  return decisionJobWorker({
    taskType: 'send-decision',
    async handle(decisionId, job) {
      const decision = await decisionFacts(deps.db, decisionId);
      if (!decision.number)
        return { kind: 'fail', retryable: false, message: 'Decyzja nie ma numeru — nie została wydana' };
      const number = decision.number;
      // both keyed once per decision: a redelivery queues no second letter and keeps the first dispatch day
      await queueDecisionLetter(deps.db, { ...decision, number });
      const recorded = await recordDispatch(
        deps.db,
        decision.id,
        warsawDate((deps.now ?? (() => new Date()))()),
      );
      job.log.info('Decyzja wysłana za potwierdzeniem odbioru', {
        decisionNumber: number,
        dispatchedOn: recorded,
      });
      return complete({ dispatchedOn: recorded, deliveryDeemedAt: deemedDeliveryWatch(recorded).watchAt });
    },
  });
}
