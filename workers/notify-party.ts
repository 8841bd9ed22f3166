import { z } from 'zod';
import type { Database } from '../src/db/database';
import { enqueueMessage } from '../src/notifications/outbox';
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
      const [row] = await deps.db.query<{
        case_id: string;
        number: string | null;
        first_name: string;
        last_name: string;
        street: string | null;
        building: string | null;
        city: string | null;
      }>(
        `SELECT d.case_id, d.number, cl.first_name, cl.last_name, cl.street, cl.building, cl.city
           FROM decisions d JOIN cases c ON c.id = d.case_id JOIN clients cl ON cl.id = c.client_id WHERE d.id = $1`,
        [input.data.decisionId],
      );
      if (!row?.number) return { kind: 'fail', retryable: true, message: 'Decyzja nie ma jeszcze numeru' };
      const address = [row.street, row.building, row.city].filter(Boolean).join(' ');
      const queued = await enqueueMessage(deps.db, {
        caseId: row.case_id,
        channel: 'letter',
        recipient: `${row.first_name} ${row.last_name}${address ? `, ${address}` : ''}`,
        subject: `Decyzja ${row.number}`,
        body: `W załączeniu doręczamy decyzję ${row.number}. Pouczenie o odwołaniu znajduje się w treści decyzji.`,
        idempotencyKey: `decision-issued:${input.data.decisionId}`,
      });
      job.log.info(
        queued ? 'Pismo z decyzją w kolejce do wysyłki' : 'Pismo było już w kolejce (powtórne doręczenie)',
      );
      return complete({});
    },
  };
}
