import type { Camunda8 } from '@camunda8/sdk';
import type { Logger } from '../src/logger';
import { retryBackoffMs, type JobOutcome, type JobWorkerDefinition } from './job-worker';

export interface RunningWorkers {
  types: string[];
  running(): boolean;
  stop(): Promise<void>;
}

type ZeebeJob = Parameters<
  Parameters<ReturnType<Camunda8['getZeebeGrpcApiClient']>['createWorker']>[0]['taskHandler']
>[0];

/**
 * Registers each definition as a gRPC job worker. The wrapper maps the handler's outcome to complete / error /
 * fail, turns an unexpected exception into a failure with backoff (an incident when retries run out), and logs
 * with jobKey, processInstanceKey and taskType.
 */
export function runWorkers(
  engine: Camunda8,
  definitions: JobWorkerDefinition[],
  log: Logger,
): RunningWorkers {
  const zeebe = engine.getZeebeGrpcApiClient();
  let running = true;
  const workers = definitions.map((definition) =>
    zeebe.createWorker({
      taskType: definition.taskType,
      fetchVariable: definition.fetchVariables as never,
      timeout: definition.timeoutMs,
      maxJobsToActivate: 16,
      taskHandler: async (job: ZeebeJob) => {
        const jobLog = log.child({
          taskType: definition.taskType,
          jobKey: job.key,
          processInstanceKey: job.processInstanceKey,
        });
        let outcome: JobOutcome;
        try {
          outcome = await definition.handle({
            jobKey: job.key,
            processInstanceKey: job.processInstanceKey,
            elementInstanceKey: job.elementInstanceKey,
            bpmnProcessId: job.bpmnProcessId,
            elementId: job.elementId,
            retries: job.retries,
            variables: job.variables,
            customHeaders: job.customHeaders,
            log: jobLog,
          });
        } catch (error) {
          jobLog.error('Błąd techniczny w obsłudze zadania', { error });
          outcome = { kind: 'fail', message: errorMessage(error), retryable: true };
        }
        return acknowledge(job, outcome, jobLog);
      },
    }),
  );
  log.info('Job workery uruchomione', { types: definitions.map((d) => d.taskType) });
  return {
    types: definitions.map((d) => d.taskType),
    running: () => running,
    async stop() {
      running = false;
      // close() lets in-flight handlers finish; unfinished jobs return to the engine after their timeout
      await Promise.all(workers.map((worker) => worker.close(10_000)));
    },
  };
}

function acknowledge(job: ZeebeJob, outcome: JobOutcome, log: Logger) {
  switch (outcome.kind) {
    case 'complete':
      return job.complete(outcome.variables);
    case 'bpmn-error':
      log.info('Wynik biznesowy jako błąd BPMN', { errorCode: outcome.errorCode });
      return job.error({
        errorCode: outcome.errorCode,
        errorMessage: outcome.message,
        variables: (outcome.variables ?? {}) as never,
      });
    case 'fail': {
      const retries = outcome.retryable ? Math.max(0, job.retries - 1) : 0;
      if (retries === 0)
        log.warn('Zadanie bez kolejnych prób — powstanie incydent', { message: outcome.message });
      return job.fail({ errorMessage: outcome.message, retries, retryBackOff: retryBackoffMs(job.retries) });
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
