import { warsawDate } from '../src/domain/calendar-date';
import type { Database } from '../src/db/database';
import { forwardAppeal, type LetterRenderer } from '../src/decisions/appeal-forwarding';
import { AppError } from '../src/errors/app-error';
import { complete, decisionJobWorker, type JobWorkerDefinition } from './job-worker';

/**
 * forward-appeal: the open appeal goes to the SKO with the case file (art. 133 KPA): the forwarding letter with the
 * organ's position is kept in the case file and the appeal is marked forwarded — once. An appeal missing from the
 * case file (the message came without the clerk recording it) is an incident a person must look at.
 */
export function createForwardAppealWorker(deps: {
  db: Database;
  render: LetterRenderer;
  now?: () => Date;
}): JobWorkerDefinition {
  return decisionJobWorker({
    taskType: 'forward-appeal',
    timeoutMs: 60_000,
    async handle(decisionId, job) {
      try {
        const forwarded = await forwardAppeal(deps.db, {
          decisionId: decisionId,
          on: warsawDate((deps.now ?? (() => new Date()))()),
          render: deps.render,
        });
        if (forwarded.late) job.log.warn('Odwołanie przekazane po terminie 7 dni (art. 133 KPA)', forwarded);
        else job.log.info('Odwołanie przekazane do SKO', forwarded);
        return complete({ forwardedOn: forwarded.forwardedOn });
      } catch (error) {
        if (error instanceof AppError && error.code === 'conflict')
          return {
            kind: 'fail',
            retryable: false,
            message: `${error.message} Zarejestruj odwołanie w aktach sprawy.`,
          };
        throw error;
      }
    },
  });
}
