import { z } from 'zod';
import type { Logger } from '../src/logger';

/**
 * What a handler sees of a Camunda 7 external task: its identity and variables, never the engine client. The names
 * are the Zeebe era's, kept so the workers did not change with the engine.
 */
export interface JobContext {
  /** The external task's id: the same across retries and lock-expiry redeliveries of one activity instance; a
   * re-entered activity (a loop, a second pass) gets a new one. */
  jobKey: string;
  /** The process instance id. */
  processInstanceKey: string;
  /** The activity instance id. */
  elementInstanceKey: string;
  /** The process definition key (BPMN process id). */
  bpmnProcessId: string;
  /** The activity id. */
  elementId: string;
  /** Retries left; before the first failure the task's `retries` property (`camunda:property`), else 3. */
  retries: number;
  variables: Record<string, unknown>;
  /** The task's `camunda:properties` (extension properties). */
  customHeaders: Record<string, unknown>;
  log: Logger;
}

/** Every path ends in one of these: complete, a modelled BPMN error, or a failure (retry, then incident). */
export type JobOutcome =
  | { kind: 'complete'; variables: Record<string, unknown> }
  | { kind: 'bpmn-error'; errorCode: string; message: string; variables?: Record<string, unknown> }
  | { kind: 'fail'; message: string; retryable: boolean };

export interface JobWorkerDefinition {
  /** The external task's topic (`camunda:topic`), kebab-case, equal to the file name. */
  taskType: string;
  /** Variables the handler needs; keeps payloads small. An empty list fetches all. */
  fetchVariables: string[];
  /** The lock duration; the lock is extended while the handler runs. */
  timeoutMs: number;
  handle(job: JobContext): Promise<JobOutcome>;
}

export const complete = (variables: Record<string, unknown> = {}): JobOutcome => ({
  kind: 'complete',
  variables,
});
export const bpmnError = (errorCode: string, message: string): JobOutcome => ({
  kind: 'bpmn-error',
  errorCode,
  message,
});

/** Exponential backoff for technical failures: 1 s, 2 s, 4 s … capped at 5 min. */
export function retryBackoffMs(retriesLeft: number, maxRetries = 3): number {
  const attempt = Math.max(0, maxRetries - retriesLeft);
  return Math.min(300_000, 1000 * 2 ** attempt);
}

/**
 * A worker whose variables are checked by a schema before its handler runs: a missing or malformed variable is a
 * modelling error, so it ends as an incident with the readable `invalid` message instead of a retry loop.
 */
export function validatedJobWorker<S extends z.ZodType<Record<string, unknown>>>(definition: {
  taskType: string;
  fetchVariables: string[];
  timeoutMs?: number;
  variables: S;
  invalid: string;
  handle(input: z.infer<S>, job: JobContext): Promise<JobOutcome>;
}): JobWorkerDefinition {
  return {
    taskType: definition.taskType,
    fetchVariables: definition.fetchVariables,
    timeoutMs: definition.timeoutMs ?? 30_000,
    async handle(job) {
      const input = definition.variables.safeParse(job.variables);
      if (!input.success) return { kind: 'fail', retryable: false, message: definition.invalid };
      return definition.handle(input.data, job);
    },
  };
}

const decisionVariables = z.object({ decisionId: z.string().uuid() });

/** A worker of the decision's steps, which need only `decisionId`. */
export function decisionJobWorker(definition: {
  taskType: string;
  timeoutMs?: number;
  handle(decisionId: string, job: JobContext): Promise<JobOutcome>;
}): JobWorkerDefinition {
  return validatedJobWorker({
    taskType: definition.taskType,
    fetchVariables: ['decisionId'],
    timeoutMs: definition.timeoutMs,
    variables: decisionVariables,
    invalid: 'Brak zmiennej decisionId (identyfikator decyzji)',
    handle: (input, job) => definition.handle(input.decisionId, job),
  });
}
