import { z } from 'zod';
import { registerCase } from '../src/cases/case-registry';
import type { Database } from '../src/db/database';
import { warsawDate } from '../src/domain/calendar-date';
import { complete, type JobWorkerDefinition } from './job-worker';

const variables = z.object({ intakeId: z.string().uuid(), urgent: z.boolean().optional() });

/**
 * register-case: writes the case to the case file and returns caseId, caseNumber and applicationDate (the Warsaw
 * day the intake was taken; idempotent per intake).
 */
export function createRegisterCaseWorker(deps: {
  db: Database;
  caseNumberPattern: string;
  now?: () => Date;
}): JobWorkerDefinition {
  return {
    taskType: 'register-case',
    fetchVariables: ['intakeId', 'urgent'],
    timeoutMs: 30_000,
    async handle(job) {
      const parsed = variables.safeParse(job.variables);
      if (!parsed.success) {
        return {
          kind: 'fail',
          retryable: false,
          message: `Brak lub błędna zmienna intakeId: ${parsed.error.issues[0]?.message ?? ''}`,
        };
      }
      const registered = await registerCase(deps.db, {
        intakeId: parsed.data.intakeId,
        processInstanceKey: job.processInstanceKey,
        pattern: deps.caseNumberPattern,
        urgent: parsed.data.urgent,
        now: (deps.now ?? (() => new Date()))(),
      });
      if (!registered) {
        return {
          kind: 'fail',
          retryable: false,
          message: `Nie ma w aktach przyjęcia ${parsed.data.intakeId}`,
        };
      }
      job.log.info(registered.created ? 'Sprawa założona' : 'Sprawa już istniała (powtórne doręczenie)', {
        caseId: registered.caseId,
        caseNumber: registered.caseNumber,
      });
      // the KPA limits run from the day the application came in (the intake), not from registration
      const [intake] = await deps.db.query<{ created_at: Date }>(
        'SELECT created_at FROM intakes WHERE id = $1',
        [parsed.data.intakeId],
      );
      return complete({
        caseId: registered.caseId,
        caseNumber: registered.caseNumber,
        applicationDate: warsawDate(intake?.created_at ?? (deps.now ?? (() => new Date()))()),
      });
    },
  };
}
