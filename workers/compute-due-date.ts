import { z } from 'zod';
import { warsawDate } from '../src/domain/calendar-date';
import { applyDeadlineRule, parseDeadlineRule } from '../src/domain/deadline-rule';
import { AppError } from '../src/errors/app-error';
import { complete, type JobWorkerDefinition } from './job-worker';

const variables = z.object({
  urgent: z.boolean().optional(),
  deadlineFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

/**
 * compute-due-date: a working-day or KPA deadline for a timer or a user task's due date. The rule is in the task
 * headers (deadlineKind, deadlineAmount, deadlineUrgentAmount, deadlineTime, resultVariable); the result is an
 * ISO instant with the Warsaw offset in `resultVariable` (default `dueDate`) and the day in `<resultVariable>Day`;
 * with `warningWorkingDays`, also the warning instant in `warningVariable` (default `<resultVariable>Warning`).
 * Pure computation: delivering the job twice gives the same answer (the start is the job's variables or today).
 */
export function createComputeDueDateWorker(deps: { now?: () => Date } = {}): JobWorkerDefinition {
  return {
    taskType: 'compute-due-date',
    fetchVariables: ['urgent', 'deadlineFrom'],
    timeoutMs: 10_000,
    handle(job) {
      const input = variables.safeParse(job.variables);
      if (!input.success) {
        return Promise.resolve({
          kind: 'fail',
          retryable: false,
          message: `Błędne zmienne terminu: ${input.error.issues[0]?.message ?? ''}`,
        });
      }
      try {
        const rule = parseDeadlineRule(job.customHeaders);
        const from = input.data.deadlineFrom ?? warsawDate((deps.now ?? (() => new Date()))());
        const due = applyDeadlineRule(rule, from, input.data.urgent ?? false);
        const name = String(job.customHeaders.resultVariable ?? 'dueDate');
        const result: Record<string, unknown> = { [name]: due.dueAt, [`${name}Day`]: due.dueDay };
        if (due.warningAt !== undefined)
          result[String(job.customHeaders.warningVariable ?? `${name}Warning`)] = due.warningAt;
        return Promise.resolve(complete(result));
      } catch (error) {
        // a wrong rule in the diagram is a modelling error: an incident the process owner can read and fix
        const message = error instanceof AppError ? `${error.field ?? ''}: ${error.message}` : String(error);
        return Promise.resolve({
          kind: 'fail',
          retryable: false,
          message: `Błędna reguła terminu w diagramie — ${message}`,
        });
      }
    },
  };
}
