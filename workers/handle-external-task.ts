import { isEngineError } from '../src/engine/engine-errors';
import type { EnginePort, LockedExternalTask } from '../src/engine/port';
import type { Logger } from '../src/logger';
import type { TaskObserver } from '../src/metrics/metrics';
import { retryBackoffMs, type JobContext, type JobOutcome, type JobWorkerDefinition } from './job-worker';

/** Retries a task has when the engine says null (before its first failure) and the model names none. */
export const DEFAULT_RETRIES = 3;

/** Retries left: the engine's count, or before the first failure the task's `retries` property (default 3). */
export function retriesLeft(task: LockedExternalTask): number {
  if (task.retries !== null) return task.retries;
  const raw = task.extensionProperties.retries;
  const modelled = raw ? Number(raw) : Number.NaN;
  return Number.isInteger(modelled) && modelled >= 0 ? modelled : DEFAULT_RETRIES;
}

export interface TaskRunDeps {
  engine: EnginePort;
  workerId: string;
  log: Logger;
  /** A handler still running after this long loses its lock (it is no longer extended); default 15 min. */
  maxLockExtensionMs?: number;
  /** Told the outcome and the duration (handler + report to the engine) of every task run. */
  onTaskDone?: TaskObserver;
}

/**
 * Runs one locked external task through its worker definition and reports the outcome: complete, a BPMN error, or
 * a failure (retries decremented, back-off as the retry timeout; no retries left, or `retryable: false`, makes an
 * incident). An exception is a retryable failure. While the handler runs, the lock is extended every half lock
 * duration. A lost lock (the task expired and another worker has it, or it is gone) is logged, never thrown.
 */
export async function runExternalTask(
  deps: TaskRunDeps,
  definition: JobWorkerDefinition,
  task: LockedExternalTask,
): Promise<void> {
  const started = process.hrtime.bigint();
  const log = deps.log.child({
    taskType: definition.taskType,
    jobKey: task.id,
    processInstanceKey: task.processInstanceId,
    ...caseContext(task),
  });
  const lock = keepLocked(deps, task.id, definition.timeoutMs, log);
  let outcome: JobOutcome;
  let details: string | undefined;
  try {
    outcome = await definition.handle(jobContext(task, log));
  } catch (error) {
    log.error('Błąd techniczny w obsłudze zadania', { error: errorContext(error) });
    outcome = { kind: 'fail', message: errorMessage(error), retryable: true };
    details = error instanceof Error ? error.stack : undefined;
  } finally {
    lock.stop();
  }
  try {
    await acknowledge(deps, task, outcome, details, log);
  } catch (error) {
    if (isEngineError(error, 'lock-lost') || isEngineError(error, 'not-found')) {
      log.warn(
        'Wynik pominięty: blokada zadania wygasła i wykonuje je inny worker albo zadanie już się zakończyło',
        {
          outcome: outcome.kind,
          error,
        },
      );
    } else {
      log.error('Nie udało się zgłosić wyniku zadania do silnika; zadanie wróci po wygaśnięciu blokady', {
        outcome: outcome.kind,
        error,
      });
    }
  }
  deps.onTaskDone?.(definition.taskType, outcome.kind, Number(process.hrtime.bigint() - started) / 1e9);
}

/** The case of a job for its log lines: `caseId` when the task carries it, and the instance's business key. */
function caseContext(task: LockedExternalTask): Record<string, string> {
  const caseId = task.variables.caseId;
  return {
    ...(typeof caseId === 'string' ? { caseId } : {}),
    ...(task.businessKey ? { businessKey: task.businessKey } : {}),
  };
}

/** The engine's task as a handler sees it; the field names of the Zeebe era are kept, so workers need no change. */
export function jobContext(task: LockedExternalTask, log: Logger): JobContext {
  return {
    jobKey: task.id,
    processInstanceKey: task.processInstanceId,
    elementInstanceKey: task.activityInstanceId,
    bpmnProcessId: task.processDefinitionKey,
    elementId: task.activityId,
    retries: retriesLeft(task),
    variables: task.variables,
    customHeaders: task.extensionProperties,
    log,
  };
}

async function acknowledge(
  deps: TaskRunDeps,
  task: LockedExternalTask,
  outcome: JobOutcome,
  details: string | undefined,
  log: Logger,
): Promise<void> {
  switch (outcome.kind) {
    case 'complete':
      return deps.engine.completeExternalTask(task.id, deps.workerId, outcome.variables);
    case 'bpmn-error':
      log.info('Wynik biznesowy jako błąd BPMN', { errorCode: outcome.errorCode });
      return deps.engine.handleBpmnError(
        task.id,
        deps.workerId,
        outcome.errorCode,
        outcome.message,
        outcome.variables,
      );
    case 'fail': {
      const current = retriesLeft(task);
      const retries = outcome.retryable ? Math.max(0, current - 1) : 0;
      if (retries === 0)
        log.warn('Zadanie bez kolejnych prób — powstanie incydent', { message: outcome.message });
      return deps.engine.handleFailure(task.id, deps.workerId, {
        errorMessage: outcome.message,
        errorDetails: details,
        retries,
        retryTimeout: retries === 0 ? 0 : retryBackoffMs(current),
      });
    }
  }
}

/** Extends the lock every half lock duration until stopped, the lock is lost, or the handler ran too long. */
function keepLocked(deps: TaskRunDeps, taskId: string, lockDuration: number, log: Logger): { stop(): void } {
  const startedAt = Date.now();
  const limit = deps.maxLockExtensionMs ?? 15 * 60_000;
  const timer = setInterval(
    () => {
      if (Date.now() - startedAt > limit) {
        log.error('Obsługa zadania trwa zbyt długo — przestaję przedłużać blokadę', { limitMs: limit });
        clearInterval(timer);
        return;
      }
      deps.engine.extendLock(taskId, deps.workerId, lockDuration).then(
        () => log.debug('Blokada zadania przedłużona', { lockDuration }),
        (error: unknown) => {
          if (isEngineError(error, 'lock-lost') || isEngineError(error, 'not-found')) {
            log.warn('Blokada zadania utracona podczas obsługi', { error });
            clearInterval(timer);
          } else log.warn('Nie udało się przedłużyć blokady zadania', { error });
        },
      );
    },
    Math.max(500, Math.floor(lockDuration / 2)),
  );
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An error as JSON log context (winston prints a nested Error as `{}`); EngineErrors describe themselves. */
export function errorContext(error: unknown): unknown {
  if (error instanceof Error && !('toJSON' in error)) return { message: error.message, stack: error.stack };
  return error;
}
