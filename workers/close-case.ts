import { z } from 'zod';
import type { Database } from '../src/db/database';
import { complete, type JobWorkerDefinition, validatedJobWorker } from './job-worker';

const variables = z.object({ caseId: z.string().uuid() });

/** close-case: marks the case closed in the case file with the outcome from the task header; idempotent. */
export function createCloseCaseWorker(deps: { db: Database }): JobWorkerDefinition {
  return validatedJobWorker({
    taskType: 'close-case',
    fetchVariables: ['caseId'],
    variables,
    invalid: 'Brak zmiennej caseId',
    async handle(input, job) {
      await deps.db.query(
        `UPDATE cases SET status = 'closed', closed_at = coalesce(closed_at, now()) WHERE id = $1`,
        [input.caseId],
      );
      await deps.db.query(
        `INSERT INTO audit_log (action, entity, entity_id, details) SELECT 'case-closed', 'case', $1, $2
          WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE action = 'case-closed' AND entity = 'case' AND entity_id = $1)`,
        [input.caseId, JSON.stringify({ outcome: String(job.customHeaders.outcome ?? '') })],
      );
      return complete({});
    },
  });
}
