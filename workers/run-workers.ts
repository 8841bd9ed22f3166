import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { EnginePort, ExternalTaskTopic } from '../src/engine/port';
import type { Logger } from '../src/logger';
import type { TaskObserver } from '../src/metrics/metrics';
import { errorContext, runExternalTask } from './handle-external-task';
import type { JobWorkerDefinition } from './job-worker';

export interface RunningWorkers {
  types: string[];
  running(): boolean;
  stop(): Promise<void>;
}

export interface RunWorkersOptions {
  /** Default: `mops-flow-<host>-<pid>-<random>`, new on every start (a dead process's locks are never ours). */
  workerId?: string;
  /** Handlers running at once per poll loop; default 16. */
  maxConcurrent?: number;
  /** How long the engine parks an empty fetchAndLock; default 15 s (short, see the zombie polls below). */
  asyncResponseTimeoutMs?: number;
  /** One poll loop per topic instead of one for all (kept for the latency bench; default false). */
  pollPerTopic?: boolean;
  /** How long stop() waits for running handlers; default 10 s. */
  stopTimeoutMs?: number;
  /** A handler running longer than this stops extending its lock; default 15 min. */
  maxLockExtensionMs?: number;
  /** Told the topic, outcome and duration of every task run (the Prometheus counters and histogram). */
  onTaskDone?: TaskObserver;
}

/**
 * External-task workers over the engine port: one long-polling fetchAndLock loop for all registered topics (each
 * topic locked for its definition's `timeoutMs`, extended while a handler runs), at most `maxConcurrent` handlers
 * at once; each task runs through `runExternalTask` (JobContext in, complete / BPMN error / failure out).
 *
 * Why not `camunda-external-task-client-js`: it is ESM-only and this project and jest run as CommonJS. Why one loop:
 * one parked request per process instead of one per topic (21), the same latency (bench/external-task-latency.ts),
 * one concurrency limit, and a process that dies leaves one zombie poll in the engine, not 21 — a zombie poll gets
 * the next task locked to a dead worker until its lock expires, so locks are short and long polls ≤ 20 s.
 *
 * Measured on 7.24: the engine wakes a parked poll when a task is created, not when a task becomes available again
 * (a failure's retry timeout ran out, retries were set after an incident), so such a task waits up to one
 * `asyncResponseTimeout` for the next poll.
 */
export function runWorkers(
  engine: EnginePort,
  definitions: JobWorkerDefinition[],
  log: Logger,
  options: RunWorkersOptions = {},
): RunningWorkers {
  const workerId = options.workerId ?? `mops-flow-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const maxConcurrent = options.maxConcurrent ?? 16;
  const asyncResponseTimeout = options.asyncResponseTimeoutMs ?? 15_000;
  const abort = new AbortController();
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const taskDeps = {
    engine,
    workerId,
    log,
    maxLockExtensionMs: options.maxLockExtensionMs,
    onTaskDone: options.onTaskDone,
  };

  const pollLoop = async (group: JobWorkerDefinition[]) => {
    const byTopic = new Map(group.map((d) => [d.taskType, d]));
    const topics = group.map(topicOf);
    const slots = createSlots(maxConcurrent);
    let backoffMs = 0;
    while (!stopping) {
      const free = await slots.waitForFree(abort.signal);
      if (stopping) break;
      try {
        const tasks = await engine.fetchAndLock(
          { workerId, maxTasks: free, asyncResponseTimeout, topics },
          abort.signal,
        );
        backoffMs = 0;
        for (const task of tasks) {
          const definition = byTopic.get(task.topicName);
          if (!definition) continue;
          slots.take();
          const run = runExternalTask(taskDeps, definition, task)
            .catch((error: unknown) => {
              log.error('Nieoczekiwany błąd workera', { error: errorContext(error), jobKey: task.id });
            })
            .finally(() => {
              slots.release();
              inFlight.delete(run);
            });
          inFlight.add(run);
        }
      } catch (error) {
        backoffMs = Math.min(30_000, Math.max(500, backoffMs * 2));
        log.warn('Pobieranie zadań zewnętrznych nie powiodło się — ponowię', {
          error: errorContext(error),
          backoffMs,
        });
        await sleep(backoffMs, abort.signal);
      }
    }
  };

  const groups = options.pollPerTopic ? definitions.map((d) => [d]) : [definitions];
  const loops = definitions.length === 0 ? [] : groups.map((group) => pollLoop(group));
  let alive = loops.length > 0;
  void Promise.all(loops).finally(() => {
    alive = false;
  });
  log.info('Workery zadań zewnętrznych uruchomione', {
    workerId,
    types: definitions.map((d) => d.taskType),
    loops: loops.length,
  });

  return {
    types: definitions.map((d) => d.taskType),
    running: () => alive && !stopping,
    async stop() {
      if (stopping) return;
      stopping = true;
      // a parked poll is dropped at once; running handlers finish (bounded), unfinished tasks return after their lock
      abort.abort();
      await Promise.all(loops);
      const left = await settleWithin([...inFlight], options.stopTimeoutMs ?? 10_000);
      if (left > 0) log.warn('Zatrzymanie: nie wszystkie zadania zdążyły się zakończyć', { left });
      log.info('Workery zadań zewnętrznych zatrzymane', { workerId });
    },
  };
}

function topicOf(definition: JobWorkerDefinition): ExternalTaskTopic {
  return {
    topicName: definition.taskType,
    lockDuration: definition.timeoutMs,
    // an empty list fetches every variable (the process harness's canned workers need them all); caseId always
    // comes along where the instance has it, for the job's log lines (handle-external-task.ts)
    variables:
      definition.fetchVariables.length > 0
        ? [...new Set([...definition.fetchVariables, 'caseId'])]
        : undefined,
    includeExtensionProperties: true,
  };
}

/** A counter of free handler slots with a wait for the next free one. */
function createSlots(max: number) {
  let used = 0;
  let wake: (() => void) | undefined;
  return {
    take: () => void used++,
    release() {
      used--;
      wake?.();
    },
    /** Resolves with the number of free slots (≥ 1), or 0 when aborted. */
    async waitForFree(signal: AbortSignal): Promise<number> {
      while (used >= max && !signal.aborted) {
        await new Promise<void>((resolve) => {
          const done = () => {
            signal.removeEventListener('abort', done);
            wake = undefined;
            resolve();
          };
          wake = done;
          signal.addEventListener('abort', done, { once: true });
        });
      }
      return signal.aborted ? 0 : max - used;
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Waits for the promises up to `ms`; returns how many were still pending. */
async function settleWithin(promises: Promise<unknown>[], ms: number): Promise<number> {
  let settled = 0;
  const all = Promise.all(promises.map((p) => p.finally(() => settled++)));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([all, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
  return promises.length - settled;
}
