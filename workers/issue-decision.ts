import type { Database } from '../src/db/database';
import { storeDecisionDocument, type DecisionRenderer } from '../src/decisions/decision-document';
import { issueDecision } from '../src/decisions/issue-decision';
import { complete, decisionJobWorker, type JobWorkerDefinition } from './job-worker';

/**
 * issue-decision: numbers the approved decision (once), renders its PDF with every art. 107 KPA element and keeps
 * it in the case file (once). A decision without the second pair of eyes is a business outcome → BPMN error.
 */
export function createIssueDecisionWorker(deps: {
  db: Database;
  render: DecisionRenderer;
  now?: () => Date;
}): JobWorkerDefinition {
  return decisionJobWorker({
    taskType: 'issue-decision',
    timeoutMs: 60_000,
    async handle(decisionId, job) {
      const [centre] = await deps.db.query<{ decision_number_pattern: string }>(
        'SELECT decision_number_pattern FROM centres ORDER BY id LIMIT 1',
      );
      const issued = await issueDecision(deps.db, {
        decisionId: decisionId,
        numberPattern: centre?.decision_number_pattern ?? 'MOPS.5111.{n}.{yyyy}',
        now: (deps.now ?? (() => new Date()))(),
      });
      const documentId = await storeDecisionDocument(deps.db, decisionId, deps.render);
      job.log.info(issued.newlyIssued ? 'Decyzja wydana' : 'Decyzja była już wydana (powtórne doręczenie)', {
        decisionNumber: issued.number,
        documentId,
      });
      return complete({ decisionNumber: issued.number, issuedOn: issued.issuedOn });
    },
  });
}
