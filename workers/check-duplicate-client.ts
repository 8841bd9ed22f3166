import { z } from 'zod';
import { findClient, intakePerson, openCaseOf } from '../src/cases/client-identity';
import type { Database } from '../src/db/database';
import { complete, type JobWorkerDefinition } from './job-worker';

const variables = z.object({ intakeId: z.string().uuid() });

/**
 * check-duplicate-client: is the person of the intake already a client (PESEL, else identity document number;
 * never by name), and do they have an open case? → `clientId`, `openCaseId` (null when none). Reads only, so a
 * redelivery gives the same answer; the gateway sends an open case to a person to decide (review-duplicate).
 */
export function createCheckDuplicateClientWorker(deps: { db: Database }): JobWorkerDefinition {
  return {
    taskType: 'check-duplicate-client',
    fetchVariables: ['intakeId'],
    timeoutMs: 30_000,
    async handle(job) {
      const input = variables.safeParse(job.variables);
      if (!input.success)
        return {
          kind: 'fail',
          retryable: false,
          message: 'Brak lub błędna zmienna intakeId (przyjęcie zgłoszenia)',
        };
      const person = await intakePerson(deps.db, input.data.intakeId);
      if (!person)
        return {
          kind: 'fail',
          retryable: false,
          message: `Nie ma w aktach przyjęcia ${input.data.intakeId}`,
        };
      const client = await findClient(deps.db, person.key);
      const openCase = client ? await openCaseOf(deps.db, client.clientId, input.data.intakeId) : undefined;
      job.log.info(client ? 'Osoba jest już w ewidencji' : 'Nowa osoba', {
        recognisedBy: client ? person.key?.by : undefined,
        openCaseId: openCase?.caseId,
      });
      return complete({ clientId: client?.clientId ?? null, openCaseId: openCase?.caseId ?? null });
    },
  };
}
