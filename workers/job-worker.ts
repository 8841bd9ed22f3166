import { z } from 'zod';
import type { Logger } from '../src/logger';

/** What a job handler sees: the job's identity and variables, never the SDK. */
export interface JobContext {
  jobKey: string;
  processInstanceKey: string;
  elementInstanceKey: string;
  bpmnProcessId: string;
  elementId: string;
  retries: number;
  variables: Record<string, unknown>;
  customHeaders: Record<string, unknown>;
  log: Logger;
}

/** Every path ends in one of these: complete, a modelled BPMN error, or a failure (retry, then incident). */
export type JobOutcome =
  | { kind: 'complete'; variables: Record<string, unknown> }
  | { kind: 'bpmn-error'; errorCode: string; message: string; variables?: Record<string, unknown> }
  | { kind: 'fail'; message: string; retryable: boolean };

export interface JobWorkerDefinition {
  /** Job type, kebab-case, equal to the file name. */
  taskType: string;
  /** Variables the handler needs (fetchVariables); keeps payloads small. */
  fetchVariables: string[];
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
