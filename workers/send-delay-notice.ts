import { z } from 'zod';
import { warsawDate } from '../src/domain/calendar-date';
import { onOrAfterWorkingDay } from '../src/domain/calendar';
import { warningBefore } from '../src/domain/deadline-rule';
import { warsawDateTime } from '../src/domain/warsaw-time';
import type { Database } from '../src/db/database';
import type { LetterRenderer } from '../src/decisions/appeal-forwarding';
import { sendDelayNotice } from '../src/decisions/delay-notice';
import { complete, type JobWorkerDefinition, validatedJobWorker } from './job-worker';

const variables = z.object({
  caseId: z.string().uuid(),
  newDueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'data RRRR-MM-DD'),
});

/**
 * send-delay-notice: the art. 36 KPA notice with the reason (from the clerk's form in the case file) and the new
 * date, as a letter in the case file and the outbox — once per case and date. Returns the new `kpaDue` and the
 * `kpaWarningAt` five working days before it.
 */
export function createSendDelayNoticeWorker(deps: {
  db: Database;
  render: LetterRenderer;
  now?: () => Date;
}): JobWorkerDefinition {
  return validatedJobWorker({
    taskType: 'send-delay-notice',
    fetchVariables: ['caseId', 'newDueDate'],
    timeoutMs: 60_000,
    variables,
    invalid: 'Brak zmiennych caseId / newDueDate (nowy termin)',
    async handle(input, job) {
      const today = warsawDate((deps.now ?? (() => new Date()))());
      const newDueOn = input.newDueDate.slice(0, 10);
      if (newDueOn <= today)
        return {
          kind: 'fail',
          retryable: false,
          message: `Nowy termin ${newDueOn} musi być późniejszy niż dziś`,
        };
      const sent = await sendDelayNotice(deps.db, {
        caseId: input.caseId,
        newDueOn,
        on: today,
        render: deps.render,
      });
      job.log.info(sent.created ? 'Zawiadomienie o zwłoce wysłane' : 'Zawiadomienie było już wysłane', {
        newDueOn,
      });
      // the new date (moved to a working day, art. 57 § 4), with the same 5-working-day warning as the first one
      const dueDay = onOrAfterWorkingDay(newDueOn);
      return complete({
        kpaDue: warsawDateTime(dueDay, '15:30'),
        kpaWarningAt: warningBefore(dueDay, 5, today).warningAt,
      });
    },
  });
}
