import { z } from 'zod';
import { findClient, intakePerson, openCaseOf } from '../src/cases/client-identity';
import type { Database } from '../src/db/database';
import { complete, type JobWorkerDefinition, validatedJobWorker } from './job-worker';

const variables = z.object({ intakeId: z.string().uuid() });

/**
 * check-duplicate-client: is the person of the intake already a client (PESEL, else identity document number;
 * never by name), and do they have an open case? → `clientId`, `openCaseId` (null when none). Reads only, so a
 * redelivery gives the same answer; the gateway sends an open case to a person to decide (review-duplicate).
 */
export function createCheckDuplicateClientWorker(deps: { db: Database }): JobWorkerDefinition {
  return validatedJobWorker({
    taskType: 'check-duplicate-client',
    fetchVariables: ['intakeId'],
    variables,
    invalid: 'Brak lub błędna zmienna intakeId (przyjęcie zgłoszenia)',
    async handle(input, job) {
      const person = await intakePerson(deps.db, input.intakeId);
      if (!person)
        return {
          kind: 'fail',
          retryable: false,
          message: `Nie ma w aktach przyjęcia ${input.intakeId}`,
        };
      const client = await findClient(deps.db, person.key);
      const openCase = client ? await openCaseOf(deps.db, client.clientId, input.intakeId) : undefined;
      job.log.info(client ? 'Osoba jest już w ewidencji' : 'Nowa osoba', {
        recognisedBy: client ? person.key?.by : undefined,
        openCaseId: openCase?.caseId,
      });
      return complete({ clientId: client?.clientId ?? null, openCaseId: openCase?.caseId ?? null });
    },
  });
}
