import type { Database } from '../src/db/database';
import { decisionFacts } from '../src/decisions/decision-lifecycle';
import { bpmnError, complete, decisionJobWorker, type JobWorkerDefinition } from './job-worker';

/**
 * check-four-eyes: the person who approved the decision is not the one who prepared the draft. It compares the
 * case file (prepared_by / approved_by) and, where the front has not filled those, who held the two tasks in the
 * engine. The same person is the modelled BPMN error `four-eyes-violation` (back to approval by someone else);
 * not knowing who did either is retried — the task projection may lag the engine by a moment.
 */
export function createCheckFourEyesWorker(deps: { db: Database }): JobWorkerDefinition {
  return decisionJobWorker({
    taskType: 'check-four-eyes',
    async handle(decisionId, job) {
      const decision = await decisionFacts(deps.db, decisionId);
      let preparer = decision.preparedBy;
      let approver = decision.approvedBy;
      if (!preparer || !approver) {
        const holders = await deps.db.query<{ element_id: string; assignee: string | null }>(
          `SELECT DISTINCT ON (element_id) element_id, assignee FROM user_tasks
            WHERE process_instance_key = $1 AND element_id IN ('prepare-decision', 'approve-decision')
            ORDER BY element_id, last_position DESC`,
          [job.processInstanceKey],
        );
        preparer = holders.find((h) => h.element_id === 'prepare-decision')?.assignee ?? null;
        approver = holders.find((h) => h.element_id === 'approve-decision')?.assignee ?? null;
      }
      if (!preparer || !approver)
        return {
          kind: 'fail',
          retryable: true,
          message: 'Nie wiadomo, kto przygotował lub zatwierdził decyzję (zadania bez przypisanej osoby)',
        };
      if (preparer === approver)
        return bpmnError('four-eyes-violation', 'Decyzję zatwierdziła osoba, która przygotowała jej projekt');
      await deps.db.query(
        'UPDATE decisions SET approval_checked_at = COALESCE(approval_checked_at, now()) WHERE id = $1',
        [decision.id],
      );
      return complete({});
    },
  });
}
