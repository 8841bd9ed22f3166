import { z } from 'zod';
import { onOrAfterWorkingDay } from '../src/domain/calendar';
import { warsawDateTime } from '../src/domain/warsaw-time';
import type { Database } from '../src/db/database';
import { scheduleInstalments } from '../src/payouts/ledger';
import { complete, type JobWorkerDefinition, validatedJobWorker } from './job-worker';

const variables = z.object({ decisionId: z.string().uuid() });

/** Payout day of an instalment: the first working day on or after the 10th of its month, at 8:00 in Warsaw. */
export function payoutAt(month: string): string {
  return warsawDateTime(onOrAfterWorkingDay(`${month}-10`), '08:00');
}

/**
 * schedule-instalments: one instalment per month of the decided period, created once (unique per decision and
 * number); returns the list the multi-instance payout runs over: [{ instalmentNo, month, payoutAt }].
 */
export function createScheduleInstalmentsWorker(deps: { db: Database }): JobWorkerDefinition {
  return validatedJobWorker({
    taskType: 'schedule-instalments',
    fetchVariables: ['decisionId'],
    variables,
    invalid: 'Brak zmiennej decisionId',
    async handle(input) {
      const instalments = await scheduleInstalments(deps.db, input.decisionId);
      return complete({
        instalments: instalments
          .filter((i) => i.status !== 'cancelled')
          .map((i) => ({ instalmentNo: i.instalmentNo, month: i.month, payoutAt: payoutAt(i.month) })),
      });
    },
  });
}
