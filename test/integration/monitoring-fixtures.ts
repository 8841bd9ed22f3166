import { randomUUID } from 'node:crypto';
import type { Runtime } from '../../src/runtime';
import { clientCase } from './case-file-fixtures';
import { eventually } from './http-client';
import type { TestClock } from './test-clock';

const HOUR = 3_600_000;
export const MONITORING_PROCESS = 'it-monitoring';
const SEND_TOPIC = 'it-monitoring-send';

export interface SeededCase {
  processInstanceId: string;
  caseId: string;
  caseNumber: string;
}

export interface MonitoringSeed {
  definitionId: string;
  /** Still at „Ocena wniosku” (a Niebieska Karta case). */
  atAssess: SeededCase;
  /** At „Wysyłka pisma” with an incident (its assessment took 1 h). */
  withIncident: SeededCase;
  /** At „Zatwierdzenie” (assessments of 2 h and 5 h); the first is assigned to `holder`. */
  atApprove: [SeededCase, SeededCase];
  incidentKey: string;
  holder: { login: string; displayName: string };
  /** When the two instances reached „Zatwierdzenie” (ISO, the engine's clock). */
  approveSince: [string, string];
}

/**
 * Four cases of the `it-monitoring` fixture at known steps, through the engine with a moved clock: all start at T0;
 * one assessment is finished at T0 + 1 h (its letter then fails for good: an incident), two at T0 + 2 h and T0 + 5 h
 * (their letters are sent: they wait for approval), one waits at the assessment. So „Ocena wniosku” has 1 case
 * waiting and a median of 2 h (1, 2, 5 h), „Wysyłka pisma” 1 case and 1 incident, „Zatwierdzenie” 2 cases.
 * Instances of the fixture left by an earlier run are deleted first (the durations they finished keep the median:
 * the same three durations every run).
 */
export async function seedMonitoringCases(runtime: Runtime, clock: TestClock): Promise<MonitoringSeed> {
  const { engine, db } = runtime;
  for (const old of await engine.findProcessInstances({ processKey: MONITORING_PROCESS, unfinished: true }))
    await engine.deleteProcessInstance(old.id, 'monitoring test: earlier run');
  const t0 = clock.now().getTime() + 60_000;
  await clock.pin(t0);
  const started: SeededCase[] = [];
  let definitionId = '';
  for (let i = 0; i < 4; i += 1) {
    const run = await engine.startProcess({
      processKey: MONITORING_PROCESS,
      businessKey: `it-mon-${randomUUID()}`,
    });
    definitionId = run.processDefinitionId;
    const kase = await clientCase(db, {
      pesel: randomPesel(),
      processInstanceKey: run.processInstanceId,
      violence: i === 3,
    });
    started.push({ processInstanceId: run.processInstanceId, ...kase });
  }
  const [withIncident, approveA, approveB, atAssess] = started as [
    SeededCase,
    SeededCase,
    SeededCase,
    SeededCase,
  ];
  // each assessment ends 1, 2 and 5 hours after its own start, to the millisecond (the clock is moved there)
  const startedAt = async (kase: SeededCase) =>
    eventually(async () => {
      const [row] = await db.query<{ at: Date }>(
        `SELECT at FROM engine_events WHERE process_instance_id = $1 AND element_id = 'assess' AND type = 'activity-started'`,
        [kase.processInstanceId],
      );
      return row ? new Date(row.at).getTime() : undefined;
    }, 'początek oceny');
  for (const [kase, hours] of [
    [withIncident, 1],
    [approveA, 2],
    [approveB, 5],
  ] as const) {
    const key = await openTask(runtime, kase.processInstanceId, 'assess');
    await clock.pin((await startedAt(kase)) + hours * HOUR);
    await engine.completeTask(key);
  }

  const locked = await eventually(async () => {
    const tasks = await engine.fetchAndLock({
      workerId: 'it-monitoring',
      maxTasks: 10,
      asyncResponseTimeout: 1000,
      topics: [{ topicName: SEND_TOPIC, lockDuration: 60_000 }],
    });
    return tasks.length === 3 ? tasks : undefined;
  }, 'trzy wysyłki pism');
  for (const task of locked) {
    if (task.processInstanceId === withIncident.processInstanceId)
      await engine.handleFailure(task.id, 'it-monitoring', {
        errorMessage: 'Drukarka kancelarii nie odpowiada',
        retries: 0,
        retryTimeout: 0,
      });
    else await engine.completeExternalTask(task.id, 'it-monitoring');
  }
  const holder = { login: 'it-mon-holder', displayName: 'Halina Prowadząca' };
  await db.query(
    `INSERT INTO users (login, display_name, roles, password_hash) VALUES ($1, $2, '{managers}', 'x')
     ON CONFLICT (login) DO NOTHING`,
    [holder.login, holder.displayName],
  );
  await engine.assignTask(await openTask(runtime, approveA.processInstanceId, 'approve'), holder.login);
  await openTask(runtime, approveB.processInstanceId, 'approve');
  await eventually(async () => {
    const [row] = await db.query<{ assignee: string | null }>(
      `SELECT assignee FROM user_tasks WHERE process_instance_key = $1 AND element_id = 'approve' AND state = 'CREATED'`,
      [approveA.processInstanceId],
    );
    return row?.assignee === holder.login ? true : undefined;
  }, 'przypisanie w projekcji');
  const incidentKey = await eventually(async () => {
    const [row] = await db.query<{ incident_key: string }>(
      `SELECT incident_key FROM incidents WHERE process_instance_key = $1 AND state = 'ACTIVE'`,
      [withIncident.processInstanceId],
    );
    return row?.incident_key;
  }, 'incydent w projekcji');
  const since = async (kase: SeededCase) => {
    const [row] = await db.query<{ at: Date }>(
      `SELECT at FROM engine_events WHERE process_instance_id = $1 AND element_id = 'approve' AND type = 'activity-started'`,
      [kase.processInstanceId],
    );
    return new Date(row!.at).toISOString();
  };
  return {
    definitionId,
    atAssess,
    withIncident,
    atApprove: [approveA, approveB],
    incidentKey,
    holder,
    approveSince: [await since(approveA), await since(approveB)],
  };
}

/** The open task of an instance at an element, once the projection has it. */
async function openTask(runtime: Runtime, processInstanceId: string, element: string): Promise<string> {
  return eventually(async () => {
    const [row] = await runtime.db.query<{ user_task_key: string }>(
      `SELECT user_task_key FROM user_tasks WHERE process_instance_key = $1 AND element_id = $2 AND state = 'CREATED'`,
      [processInstanceId, element],
    );
    return row?.user_task_key;
  }, `zadanie ${element}`);
}

/** A valid PESEL of someone born in 1980–1999 (checksum computed), random enough not to meet another test's. */
function randomPesel(): string {
  const digits = [
    8 + Math.floor(Math.random() * 2),
    Math.floor(Math.random() * 10),
    0,
    1 + Math.floor(Math.random() * 9),
    1,
    Math.floor(Math.random() * 9),
    ...Array.from({ length: 4 }, () => Math.floor(Math.random() * 10)),
  ];
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = digits.reduce((acc, d, i) => acc + d * (weights[i] ?? 0), 0);
  return [...digits, (10 - (sum % 10)) % 10].join('');
}
