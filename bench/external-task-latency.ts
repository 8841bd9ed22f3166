import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EnginePort } from '../src/engine/port';
import { withEngine } from '../src/engine/with-engine';
import { createLogger } from '../src/logger';
import { complete, type JobWorkerDefinition } from '../workers/job-worker';
import { runWorkers } from '../workers/run-workers';

/**
 * External-task latency: from the moment a process start is sent (its first step is an external task) to the
 * moment the handler starts, through the real worker loop (`runWorkers`) and REST adapter. Prints p50/p95/p99/max;
 * asserts nothing (the figures go into the closing note). Two loop designs side by side, each with 22 topics
 * registered like the application's 21 workers plus the measured one: one fetchAndLock for all topics, and one per
 * topic. Then a burst of starts (16 at a time) for throughput. The engine is the configured one, as for
 * `npm run deploy`: `ENGINE_REST_URL` (+ `ENGINE_USER`, `ENGINE_PASSWORD`), the local host if it runs, or the local
 * host started for the run (H2 by default, PostgreSQL with `DATABASE_URL`).
 *   npm run bench:latency        (BENCH_RUNS, default 300; BENCH_BURST, default 500)
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const BURST = Number(process.env.BENCH_BURST ?? 500);
const TOPIC = 'rest-latency-step';
/** Long-poll timeout of the bench's workers: short, so one phase's aborted polls are gone before the next. */
const POLL_MS = 3000;
const FIXTURE = path.join(__dirname, '../test/integration/fixtures/rest-latency.bpmn');

const log = createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'production', LOG_FORMAT: 'json' });

/** Handler start times by the run number the instance carries. */
const handled = new Map<number, number>();
const waiters = new Map<number, () => void>();

const measured: JobWorkerDefinition = {
  taskType: TOPIC,
  fetchVariables: ['run'],
  timeoutMs: 10_000,
  handle(job) {
    const run = Number(job.variables.run);
    handled.set(run, performance.now());
    waiters.get(run)?.();
    return Promise.resolve(complete());
  },
};
/** Topics nothing is started for: the other workers a real process registers. */
const idle: JobWorkerDefinition[] = Array.from({ length: 21 }, (_, i) => ({
  ...measured,
  taskType: `bench-idle-topic-${i + 1}`,
}));

async function main(engine: EnginePort): Promise<void> {
  console.log(`engine: ${engine.restUrl}`);
  await engine.deploy([{ name: 'rest-latency.bpmn', content: readFileSync(FIXTURE, 'utf8') }], {
    deploymentName: 'bench-external-task-latency',
  });
  let run = 0;
  for (const pollPerTopic of [false, true]) {
    const workers = runWorkers(engine, [measured, ...idle], log, {
      pollPerTopic,
      asyncResponseTimeoutMs: POLL_MS,
    });
    await sleep(500);
    const fromSend: number[] = [];
    const fromAnswer: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      run += 1;
      const done = new Promise<void>((resolve) => waiters.set(run, resolve));
      const sent = performance.now();
      await engine.startProcess({ processKey: 'rest-latency', variables: { run } });
      const answered = performance.now();
      await done;
      const start = handled.get(run)!;
      fromSend.push(start - sent);
      fromAnswer.push(start - answered);
    }
    await workers.stop();
    // the engine keeps an aborted poll parked until its timeout and would lock the next phase's tasks to it
    await sleep(POLL_MS + 500);
    const name = pollPerTopic ? 'one loop per topic (22 polls)' : 'one loop for all 22 topics';
    print(`${name}, ${RUNS} starts one at a time — start sent → handler`, fromSend);
    print(`${name} — start answered → handler (negative: the task reached the worker first)`, fromAnswer);
  }

  const workers = runWorkers(engine, [measured, ...idle], log, { asyncResponseTimeoutMs: POLL_MS });
  await sleep(500);
  const first = run + 1;
  const sentAt = new Map<number, number>();
  const began = performance.now();
  const queue = Array.from({ length: BURST }, (_, i) => first + i);
  const all = Promise.all(queue.map((n) => new Promise<void>((resolve) => waiters.set(n, resolve))));
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
        sentAt.set(n, performance.now());
        await engine.startProcess({ processKey: 'rest-latency', variables: { run: n } });
      }
    }),
  );
  await all;
  const seconds = (performance.now() - began) / 1000;
  await workers.stop();
  print(
    `burst: ${BURST} starts, 16 at a time, one loop (${(BURST / seconds).toFixed(0)} instances/s) — start sent → handler`,
    [...sentAt].map(([n, at]) => handled.get(n)! - at),
  );
}

function print(label: string, values: number[]): void {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  console.log(
    `${label}\n  p50 ${at(0.5)} ms · p95 ${at(0.95)} ms · p99 ${at(0.99)} ms · max ${at(1)} ms (n=${sorted.length})`,
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

withEngine(main).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
