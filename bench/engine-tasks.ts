import { performance } from 'node:perf_hooks';

/**
 * The engine's side of the inbox benchmark: N open user tasks in a Camunda 7 engine (one instance of a one-task
 * process each, spread over the same groups, due dates, priorities and assignments as the projection's seed), and
 * the engine's own task query timed over them. Tasks are created once and reused by later runs.
 */
export interface EngineBench {
  /** `http://127.0.0.1:8080/engine-rest` */
  url: string;
  user: string;
  password: string;
}

export const BENCH_PROCESS = 'mops-bench-inbox';

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="bench-inbox" targetNamespace="http://mops-flow/bench">
  <bpmn:process id="${BENCH_PROCESS}" name="Benchmark skrzynki zadań" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="to-task" sourceRef="start" targetRef="bench-task" />
    <bpmn:userTask id="bench-task" name="Zadanie benchmarku" camunda:candidateGroups="\${group}"
        camunda:assignee="\${assignee}" camunda:dueDate="\${due}" camunda:priority="\${priority}" />
    <bpmn:sequenceFlow id="to-end" sourceRef="bench-task" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** The i-th task's attributes, the same rule as the projection's seed (bench/inbox.ts). */
export function benchTask(i: number, groups: string[], now: Date) {
  return {
    group: groups[i % groups.length]!,
    assignee: i % 10 === 0 ? 'bench-officer' : null,
    due: new Date(now.getTime() + ((i % 60) - 10) * 86_400_000),
    priority: 25 * (i % 4),
  };
}

export async function ensureEngineTasks(
  engine: EngineBench,
  total: number,
  groups: string[],
  concurrency = 16,
): Promise<void> {
  await deploy(engine);
  const existing = (
    (await call(engine, 'GET', `/task/count?processDefinitionKey=${BENCH_PROCESS}`)) as { count: number }
  ).count;
  if (existing >= total) {
    console.log(`engine: reusing ${existing} open tasks of ${BENCH_PROCESS}`);
    return;
  }
  const missing = total - existing;
  console.log(
    `engine: ${existing} open tasks of ${BENCH_PROCESS}, creating ${missing} (REST, ${concurrency} at a time)`,
  );
  const started = performance.now();
  const now = new Date();
  let next = existing;
  let done = 0;
  const worker = async () => {
    while (next < total) {
      const i = (next += 1);
      const task = benchTask(i, groups, now);
      await call(engine, 'POST', `/process-definition/key/${BENCH_PROCESS}/start`, {
        variables: {
          group: { value: task.group, type: 'String' },
          assignee:
            task.assignee === null ? { value: null, type: 'Null' } : { value: task.assignee, type: 'String' },
          due: { value: task.due.toISOString().replace('Z', '+0000'), type: 'Date' },
          priority: { value: task.priority, type: 'Integer' },
        },
      });
      done += 1;
      if (done % 1000 === 0 || done === missing) {
        const seconds = (performance.now() - started) / 1000;
        console.log(`  ${done}/${missing} in ${seconds.toFixed(0)} s (${(done / seconds).toFixed(0)}/s)`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Times one engine query `runs` times after a warm-up; milliseconds, sorted. */
export async function timeEngineQuery(
  engine: EngineBench,
  pathAndQuery: string,
  runs: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs + 10; i += 1) {
    const t0 = performance.now();
    await call(engine, 'GET', pathAndQuery);
    if (i >= 10) times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

export async function engineCount(engine: EngineBench, query: string): Promise<number> {
  return ((await call(engine, 'GET', `/task/count?${query}`)) as { count: number }).count;
}

async function deploy(engine: EngineBench): Promise<void> {
  const form = new FormData();
  form.append('deployment-name', BENCH_PROCESS);
  form.append('enable-duplicate-filtering', 'true');
  form.append('deployment-source', 'mops-flow bench');
  form.append(
    `${BENCH_PROCESS}.bpmn`,
    new Blob([BPMN], { type: 'application/xml' }),
    `${BENCH_PROCESS}.bpmn`,
  );
  const res = await fetch(`${engine.url}/deployment/create`, {
    method: 'POST',
    headers: { authorization: basic(engine) },
    body: form,
  });
  if (!res.ok) throw new Error(`deploy ${BENCH_PROCESS}: HTTP ${res.status} ${await res.text()}`);
}

async function call(engine: EngineBench, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${engine.url}${path}`, {
    method,
    headers: {
      authorization: basic(engine),
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

function basic(engine: EngineBench): string {
  return `Basic ${Buffer.from(`${engine.user}:${engine.password}`).toString('base64')}`;
}
