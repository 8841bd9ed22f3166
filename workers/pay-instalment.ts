import { z } from 'zod';
import { warsawDate } from '../src/domain/calendar-date';
import type { Database } from '../src/db/database';
import { cashCollectionDeadline } from '../src/domain/cash-collection';
import { checkNrb } from '../src/domain/nrb';
import { queueInstalment } from '../src/payouts/ledger';
import { bpmnError, complete, type JobWorkerDefinition } from './job-worker';

const variables = z.object({
  decisionId: z.string().uuid(),
  instalment: z.object({ instalmentNo: z.number().int().min(1), payoutAt: z.string().optional() }),
});

/**
 * pay-instalment: puts the instalment on the day's cash payout list or bank transfer batch — exactly once (row lock
 * and a single batch per instalment; a redelivery returns the same batch). A cancelled instalment (revoked or
 * changed decision) is reported as such and nothing is paid. A transfer without a valid account is the modelled
 * BPMN error `payout-rejected` (the correction task), never a transfer to nowhere.
 */
export function createPayInstalmentWorker(deps: { db: Database; now?: () => Date }): JobWorkerDefinition {
  return {
    taskType: 'pay-instalment',
    fetchVariables: ['decisionId', 'instalment'],
    timeoutMs: 30_000,
    async handle(job) {
      // the day of the list the instalment is on (a redelivery on a later day finds the original list)
      const batchDate = async (batchId: string | null): Promise<string> => {
        const [batch] = await deps.db.query<{ payout_date: string }>(
          'SELECT payout_date FROM payout_batches WHERE id = $1',
          [batchId],
        );
        return batch?.payout_date ?? payoutDate;
      };
      const input = variables.safeParse(job.variables);
      if (!input.success)
        return { kind: 'fail', retryable: false, message: 'Brak zmiennych decisionId / instalment' };
      // the list of the instalment's payout day (never earlier than today: a late timer pays on today's list)
      const today = warsawDate((deps.now ?? (() => new Date()))());
      const due = input.data.instalment.payoutAt ? new Date(input.data.instalment.payoutAt) : undefined;
      const dueDay = due && !Number.isNaN(due.getTime()) ? warsawDate(due) : today;
      const payoutDate = dueDay > today ? dueDay : today;
      // a transfer needs a valid account: without one the payout is rejected to the correction task (modelled)
      // (the account frozen at the decision's approval; only a four-eyes account change moves it)
      const [pending] = await deps.db.query<{ method: string; bank_account: string | null }>(
        `SELECT i.method, d.payout_account AS bank_account FROM payout_instalments i
           JOIN decisions d ON d.id = i.decision_id
          WHERE i.decision_id = $1 AND i.instalment_no = $2 AND i.status = 'scheduled'`,
        [input.data.decisionId, input.data.instalment.instalmentNo],
      );
      if (pending?.method === 'transfer' && !checkNrb(pending.bank_account ?? '').valid)
        return bpmnError(
          'payout-rejected',
          `Rata nr ${input.data.instalment.instalmentNo}: decyzja nie ma poprawnego zatwierdzonego rachunku — popraw dane wypłaty`,
        );
      const queued = await queueInstalment(deps.db, {
        decisionId: input.data.decisionId,
        instalmentNo: input.data.instalment.instalmentNo,
        payoutDate,
      });
      job.log.info(
        queued.newlyQueued ? 'Rata dodana do wypłaty' : 'Rata była już w wypłacie (powtórne doręczenie)',
        {
          instalmentNo: input.data.instalment.instalmentNo,
          batchId: queued.batchId,
          status: queued.status,
        },
      );
      return complete({
        instalmentStatus: queued.status,
        payoutMethod:
          queued.kind === 'cash-list' ? 'cash' : queued.kind === 'bank-transfer' ? 'transfer' : 'none',
        // cash waits at the cashier until then; afterwards it goes back to the next list (return-uncollected-cash)
        collectBy:
          queued.kind === 'cash-list' ? cashCollectionDeadline(await batchDate(queued.batchId)) : null,
      });
    },
  };
}
