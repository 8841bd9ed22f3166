import { z } from 'zod';
import { attachIntakeToCase } from '../src/cases/attach-intake';
import type { Database } from '../src/db/database';
import { AppError } from '../src/errors/app-error';
import { complete, type JobWorkerDefinition } from './job-worker';

const variables = z.object({ intakeId: z.string().uuid(), openCaseId: z.string().uuid() });

/**
 * attach-to-case: the new application or report of a person with an open case joins that case (review-duplicate
 * chose "attach") — recorded once in the case file (the intake points to the case, one note on the case) →
 * `caseId`, `caseNumber` of that case. A closed case, or a case of someone else, cannot be fixed by retrying:
 * an incident with the reason.
 */
export function createAttachToCaseWorker(deps: { db: Database; now?: () => Date }): JobWorkerDefinition {
  return {
    taskType: 'attach-to-case',
    fetchVariables: ['intakeId', 'openCaseId'],
    timeoutMs: 30_000,
    async handle(job) {
      const input = variables.safeParse(job.variables);
      if (!input.success)
        return { kind: 'fail', retryable: false, message: 'Brak lub błędne zmienne intakeId / openCaseId' };
      try {
        const attached = await attachIntakeToCase(deps.db, {
          intakeId: input.data.intakeId,
          caseId: input.data.openCaseId,
          now: (deps.now ?? (() => new Date()))(),
        });
        job.log.info(
          attached.newlyAttached
            ? 'Zgłoszenie dołączone do sprawy'
            : 'Zgłoszenie było już dołączone (powtórne doręczenie)',
          { caseId: attached.caseId, caseNumber: attached.caseNumber },
        );
        return complete({ caseId: attached.caseId, caseNumber: attached.caseNumber });
      } catch (error) {
        if (error instanceof AppError && (error.code === 'not-found' || error.code === 'conflict'))
          return { kind: 'fail', retryable: false, message: error.message };
        throw error;
      }
    },
  };
}
