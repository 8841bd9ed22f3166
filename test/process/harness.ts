import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger } from '../../src/logger';
import { BPMN_DIR } from '../../src/paths';
import { startRuntime, type Runtime } from '../../src/runtime';
import { eventually } from '../integration/http-client';
import { testConfig } from '../integration/test-config';
import { bpmnError, complete, type JobOutcome, type JobWorkerDefinition } from '../../workers/job-worker';
import { runWorkers, type RunningWorkers } from '../../workers/run-workers';

/** The BPMN files of the process model under test: everything in bpmn/. */
export const MODEL_FILES = readdirSync(BPMN_DIR).filter((f) => f.endsWith('.bpmn'));

/** Process ids of the model (one process per file). */
export const MODEL_PROCESSES = MODEL_FILES.map(
  (f) => /<bpmn:process id="([^"]+)"/.exec(readFileSync(path.join(BPMN_DIR, f), 'utf8'))![1]!,
);

/** Every external-task topic the model uses (camunda:topic). */
export const MODEL_JOB_TYPES = [
  ...new Set(
    MODEL_FILES.flatMap((f) =>
      [...readFileSync(path.join(BPMN_DIR, f), 'utf8').matchAll(/camunda:topic="([^"]+)"/g)].map(
        (m) => m[1]!,
      ),
    ),
  ),
].sort();

export interface JobCall {
  type: string;
  bpmnProcessId: string;
  elementId: string;
  processInstanceKey: string;
  variables: Record<string, unknown>;
  headers: Record<string, unknown>;
}

/** What a test job worker answers: variables to complete with, or a BPMN error. */
export type JobAnswer = Record<string, unknown> | { bpmnError: string; message?: string };
export type JobBehaviour = (call: JobCall) => JobAnswer;

/** Narrows a user task lookup when the same element is open in two instances (e.g. two teams' decisions). */
export interface TaskFilter {
  bpmnProcessId?: string;
  group?: string;
}

const DAY = 24 * 3_600_000;

/**
 * The test workers' long poll. Short, because a poll aborted by stop() stays parked in the engine (a zombie) and
 * locks the next tasks to a worker that is gone, for their lock duration. The engine times a parked poll out by its
 * own clock, so the harness never moves the clock back while a poll may be parked (see `stop`).
 */
export const POLL_TIMEOUT_MS = 1000;

/** Waits until a poll aborted now has timed out on the engine (its clock running), so it cannot take a task. */
export function zombiePollsGone(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, POLL_TIMEOUT_MS + 1000));
}

/** Instances (roots and children) started after the scenario's mark: `$mark` is the feed's sequence number. */
const SCENARIO_INSTANCES = (mark: string, column = 'process_instance_key') =>
  `${column} IN (SELECT process_instance_id FROM engine_events WHERE type = 'process-started'
     AND seq > ${mark}::bigint)`;

/** The lifecycle states tests wait for, as feed event types (the names of the Zeebe era kept for the tests). */
const ACTIVITY_EVENTS: Record<string, string> = {
  ELEMENT_ACTIVATED: 'activity-started',
  ELEMENT_COMPLETED: 'activity-ended',
};

/**
 * Runs the model on the real test engine with test workers instead of the real ones: every external-task topic of
 * the model is answered with canned outputs (overridable per test with `on`), user tasks are completed and
 * messages correlated through the engine port, timers fired by moving the engine host's test clock. Tests run one
 * scenario at a time: `begin()` cancels whatever an earlier test left running and marks the feed's sequence
 * number, so lookups only see the current scenario's events.
 */
export class ProcessHarness {
  readonly calls: JobCall[] = [];
  private behaviours = new Map<string, JobBehaviour>();
  private mark = '0';
  /** The engine's "now" as the tests see it: where the scenario pinned the clock (or the machine's time). */
  private pinnedAt: number | undefined;

  private workers: RunningWorkers | undefined;

  private constructor(readonly runtime: Runtime) {}

  static async start(): Promise<ProcessHarness> {
    const config = testConfig({ WORKERS_ENABLED: 'false' });
    const log = createLogger(config);
    const runtime = await startRuntime(config, log, () => undefined);
    const harness = new ProcessHarness(runtime);
    harness.workers = runWorkers(
      runtime.engine,
      harness.testWorkers(),
      log.child({ component: 'test-workers' }),
      { asyncResponseTimeoutMs: POLL_TIMEOUT_MS },
    );
    return harness;
  }

  get engine() {
    return this.runtime.engine;
  }

  private get clock() {
    if (!this.runtime.clock) throw new Error('Testy procesu potrzebują zegara testowego silnika');
    return this.runtime.clock;
  }

  now(): number {
    return this.pinnedAt ?? Date.now();
  }

  /** An ISO instant `days` after the engine's now. */
  inDays(days: number): string {
    return new Date(this.now() + days * DAY).toISOString();
  }

  today(): string {
    return new Date(this.now()).toISOString().slice(0, 10);
  }

  /**
   * Stops the file's workers, then puts the engine clock back to the machine's time — only once their last
   * (aborted) poll has timed out on the engine: a poll parked at a moved-ahead engine time would otherwise stay
   * parked after the clock went back, outlive this file and lock the next file's first tasks.
   */
  async stop(): Promise<void> {
    try {
      await this.workers?.stop();
      await zombiePollsGone();
      await this.resetClock();
    } finally {
      // the app stops whatever went wrong above: left listening, it would answer the next file's requests
      await this.runtime.stop();
    }
  }

  /**
   * Starts a scenario: nothing of earlier tests is left running, canned answers are back to the defaults, and the
   * engine clock is pinned to a whole second, so the canned due dates (n days after the engine's now) are known to
   * the test by value. The clock only moves forward within a file (a scenario starts where the last one moved it):
   * the engine times parked polls out by its clock, and one parked before a move back would stay parked for the
   * whole distance, then take a task for a client that gave up on it.
   */
  async begin(): Promise<void> {
    this.behaviours.clear();
    this.calls.length = 0;
    // delete the roots of what runs: a model instance may be the child of another suite's process (a call
    // activity), and the engine deletes a call's children with their root
    // a delete can lose a race with a worker completing a task in the same instance (optimistic locking, answered
    // as a persistence error): what is still running is deleted again on every look until nothing is
    await eventually(async () => {
      const active = await this.runtime.db.query<{ root: string }>(
        `SELECT DISTINCT coalesce(root_process_instance_key, process_instance_key) AS root FROM process_instances
          WHERE state = 'ACTIVE' AND bpmn_process_id = ANY($1)`,
        [MODEL_PROCESSES],
      );
      // the engine's own answer too: an earlier file's instances may not have reached this runtime's projection
      // yet (the feed delivers them once an app listens), and their jobs would go to this file's canned workers
      const running = await this.engine.findProcessInstances({
        processKeys: [...MODEL_PROCESSES],
        unfinished: true,
      });
      const roots = new Set([
        ...active.map((a) => a.root),
        ...running.map((r) => r.rootProcessInstanceId ?? r.id),
      ]);
      if (roots.size === 0) return true;
      for (const root of roots) {
        await this.engine.deleteProcessInstance(root, 'test: nowy scenariusz').catch(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      return undefined;
    }, 'zakończenie wszystkich instancji');
    // the model's own events only: another suite may have logged made-up events with other seqs
    const [row] = await this.runtime.db.query<{ seq: string | null }>(
      'SELECT max(seq)::text AS seq FROM engine_events WHERE process_definition_key = ANY($1)',
      [MODEL_PROCESSES],
    );
    this.mark = row?.seq ?? '0';
    const engineNow = (await this.clock.now()).getTime();
    await this.pin(new Date(Math.ceil(engineNow / 1000) * 1000));
  }

  /** Moves the engine clock to the instant (it keeps running from there); the tests' "now" is that instant. */
  async pin(at: Date): Promise<void> {
    this.pinnedAt = at.getTime();
    await this.clock.set(at);
  }

  /** Fails fast when an instance of this scenario has an incident (a modelling error, a wrong variable). */
  private async noIncidents(): Promise<void> {
    const [incident] = await this.runtime.db.query<{ element_id: string; error_message: string }>(
      `SELECT element_id, error_message FROM incidents WHERE state = 'ACTIVE' AND ${SCENARIO_INSTANCES('$1')}`,
      [this.mark],
    );
    if (incident) throw new Error(`Incydent w ${incident.element_id}: ${incident.error_message}`);
  }

  /** Overrides the canned answer of a job type for the current scenario. */
  on(type: string, behaviour: JobBehaviour): void {
    if (!MODEL_JOB_TYPES.includes(type)) throw new Error(`unknown job type ${type}`);
    this.behaviours.set(type, behaviour);
  }

  /** Answers the next `n` jobs of a type with the given answers, then the default again. */
  sequence(type: string, answers: JobAnswer[]): void {
    const queue = [...answers];
    this.on(type, (call) => queue.shift() ?? this.defaultAnswer(call));
  }

  async startProcess(bpmnProcessId: string, variables: Record<string, unknown> = {}): Promise<string> {
    const created = await this.engine.startProcess({ processKey: bpmnProcessId, variables });
    return created.processInstanceId;
  }

  /** The open user task of this scenario at the element (exactly one), waiting for it to appear. */
  async task(
    elementId: string,
    filter: TaskFilter = {},
  ): Promise<{ userTaskKey: string; dueDate: string | null; candidateGroups: string[] }> {
    return eventually(async () => {
      await this.noIncidents();
      const rows = await this.runtime.db.query<{
        user_task_key: string;
        due_date: string | null;
        candidate_groups: string[];
      }>(
        `SELECT user_task_key, due_date, candidate_groups FROM user_tasks
          WHERE state = 'CREATED' AND element_id = $1 AND ($2::text IS NULL OR bpmn_process_id = $2)
            AND ($4::text IS NULL OR $4 = ANY(candidate_groups)) AND ${SCENARIO_INSTANCES('$3')}`,
        [elementId, filter.bpmnProcessId ?? null, this.mark, filter.group ?? null],
      );
      if (rows.length > 1) throw new Error(`${rows.length} open tasks ${elementId}`);
      const [row] = rows;
      return row
        ? {
            userTaskKey: row.user_task_key,
            // the instant in UTC ISO form (the engine reports it with its own offset), to compare by value
            dueDate: row.due_date === null ? null : new Date(row.due_date).toISOString(),
            candidateGroups: row.candidate_groups,
          }
        : undefined;
    }, `zadanie ${elementId}`);
  }

  /** Completes the open user task at the element with the variables a person's form would give. */
  async complete(
    elementId: string,
    variables: Record<string, unknown> = {},
    filter: TaskFilter = {},
  ): Promise<void> {
    const { userTaskKey } = await this.task(elementId, filter);
    await this.engine.completeTask(userTaskKey, variables);
    await eventually(async () => {
      const [row] = await this.runtime.db.query<{ state: string }>(
        'SELECT state FROM user_tasks WHERE user_task_key = $1',
        [userTaskKey],
      );
      return row?.state === 'COMPLETED' ? true : undefined;
    }, `zakończenie zadania ${elementId}`);
  }

  /** Waits until an element reached the given lifecycle state in this scenario (e.g. a catch event is waiting). */
  async reached(elementId: string, intent = 'ELEMENT_ACTIVATED', times = 1): Promise<void> {
    await eventually(async () => {
      await this.noIncidents();
      return (await this.count(elementId, intent)) >= times ? true : undefined;
    }, `${elementId} ${intent} ×${times}`);
  }

  /** How often an element was started / completed (not cancelled) or a flow taken in this scenario. */
  async count(elementId: string, intent = 'ELEMENT_COMPLETED'): Promise<number> {
    const type = intent === 'SEQUENCE_FLOW_TAKEN' ? 'flow-taken' : ACTIVITY_EVENTS[intent];
    if (!type) throw new Error(`unknown intent ${intent}`);
    const [row] = await this.runtime.db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM engine_events WHERE type = $2 AND element_id = $1
         AND ($2 <> 'activity-ended' OR NOT coalesce(canceled, false))
         AND seq > $3::bigint AND ${SCENARIO_INSTANCES('$3', 'process_instance_id')}`,
      [elementId, type, this.mark],
    );
    return Number(row?.n ?? 0);
  }

  /**
   * Correlates a message of the decision (correlation key: the decision id; local keys: what the waiting execution
   * itself holds, e.g. the instalment of `transfer-settled`). Camunda 7 keeps no message that nothing
   * waits for, so, like the app's command outbox, this tries again until the process waits for it.
   */
  async publish(
    name: string,
    decisionId: string,
    variables: Record<string, unknown> = {},
    localCorrelationKeys?: Record<string, unknown>,
  ): Promise<void> {
    await eventually(async () => {
      await this.noIncidents();
      try {
        await this.engine.correlateMessage({
          messageName: name,
          correlationKeys: { decisionId },
          localCorrelationKeys,
          variables,
        });
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === 'message-not-correlated') return undefined;
        throw error;
      }
    }, `komunikat ${name}`);
  }

  /**
   * Starts a process by its message start event: a message with the new instance's business key and no correlation
   * keys (nothing waits for it; Camunda 7 starts an instance), as the README's message table says.
   */
  async startByMessage(name: string, businessKey: string): Promise<string> {
    const result = await this.engine.correlateMessage({ messageName: name, businessKey });
    const [started] = result.processInstanceIds;
    if (result.correlated !== 1 || !started) throw new Error(`${name}: ${result.correlated} correlations`);
    return started;
  }

  /** Moves the engine clock to `days` after the current engine time: timers due by then fire. */
  async advance(days: number): Promise<void> {
    await this.pin(new Date(this.now() + days * DAY));
  }

  async resetClock(): Promise<void> {
    this.pinnedAt = undefined;
    await this.clock.reset();
  }

  /** Waits until the instance has ended (completed or terminated) and returns how. */
  async ended(processInstanceKey: string): Promise<string> {
    return eventually(async () => {
      await this.noIncidents();
      const [row] = await this.runtime.db.query<{ state: string }>(
        'SELECT state FROM process_instances WHERE process_instance_key = $1',
        [processInstanceKey],
      );
      return row && row.state !== 'ACTIVE' ? row.state : undefined;
    }, `koniec instancji ${processInstanceKey}`);
  }

  /** Waits until no instance of the model is running (every record of the scenario has reached the projection). */
  async settled(): Promise<void> {
    await eventually(async () => {
      const [row] = await this.runtime.db.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM process_instances WHERE state = 'ACTIVE' AND bpmn_process_id = ANY($1)`,
        [MODEL_PROCESSES],
      );
      return row?.n === '0' ? true : undefined;
    }, 'zakończenie wszystkich instancji');
  }

  /**
   * Which end event(s) an instance of the process reached in this scenario. End events never wait, so their start
   * is their reaching (an error end event ends "cancelled": it cancels its own scope).
   */
  async endEvents(bpmnProcessId: string): Promise<string[]> {
    const rows = await this.runtime.db.query<{ element_id: string }>(
      `SELECT element_id FROM engine_events WHERE type = 'activity-started'
         AND element_type IN ('noneEndEvent', 'errorEndEvent', 'terminateEndEvent', 'escalationEndEvent',
           'messageEndEvent', 'signalEndEvent')
         AND process_definition_key = $1 AND seq > $2::bigint
         AND ${SCENARIO_INSTANCES('$2', 'process_instance_id')} ORDER BY seq`,
      [bpmnProcessId, this.mark],
    );
    return rows.map((r) => r.element_id);
  }

  /**
   * A decision through mops-decision as people would take it: the draft (a grant unless `draft` says otherwise),
   * the approval, the advice of delivery; a refusal is appealable too, so the party waives the appeal at once.
   */
  async decide(decisionId: string, draft: Record<string, unknown> = {}): Promise<void> {
    await this.complete('prepare-decision', {
      decisionId,
      decisionOutcome: 'grant',
      payoutMethod: 'transfer',
      ...draft,
    });
    await this.complete('approve-decision', { decisionApproved: true });
    await this.reached('delivery-gateway');
    await this.publish('decision-delivered', decisionId, { deliveredOn: this.today() });
    if (draft.decisionOutcome === 'refuse') await this.publish('appeal-waived', decisionId);
  }

  /** The canned answer of each job type: ids and facts only, like the real workers. */
  defaultAnswer(call: JobCall): JobAnswer {
    const v = call.variables;
    const h = call.headers;
    switch (call.type) {
      case 'compute-due-date': {
        // a stand-in for the working-day calendar: n days (months × 30) after the engine's now
        const amount = Number(
          v.urgent === true && h.deadlineUrgentAmount ? h.deadlineUrgentAmount : h.deadlineAmount,
        );
        const days = h.deadlineKind === 'kpa-months' ? amount * 30 : amount;
        const name = String(h.resultVariable ?? 'dueDate');
        const due = this.inDays(days);
        const answer: Record<string, unknown> = { [name]: due, [`${name}Day`]: due.slice(0, 10) };
        if (h.warningVariable)
          answer[String(h.warningVariable)] = this.inDays(days - Number(h.warningWorkingDays ?? 0));
        return answer;
      }
      case 'register-case':
        return { caseId: randomUUID(), caseNumber: 'MOPS.ŚW.5011.1.2025', applicationDate: this.today() };
      case 'check-duplicate-client':
        return { clientId: null, openCaseId: null };
      case 'attach-to-case':
        return { caseId: v.openCaseId, caseNumber: 'MOPS.ŚW.5011.7.2025' };
      case 'issue-certificate':
        return { certificateNumber: 'MOPS.ZAS.1.2025' };
      case 'compute-income':
        return {
          householdSize: 1,
          householdIncomeGrosze: 50_000,
          applicantIncomeGrosze: 50_000,
          relativeIncomeGrosze: 0,
          relativeHouseholdSize: 1,
        };
      case 'issue-decision':
        return { decisionNumber: 'MOPS.ŚW.5111.1.2025', issuedOn: this.today() };
      case 'send-decision':
        return { dispatchedOn: this.today(), deliveryDeemedAt: this.inDays(21) };
      case 'record-deemed-delivery':
        return { deliveredOn: this.today() };
      case 'send-delay-notice':
        return { kpaDue: this.inDays(30), kpaWarningAt: this.inDays(25) };
      case 'forward-appeal':
        return { forwardedOn: this.today() };
      case 'mark-decision-enforceable':
        return { enforceableOn: this.today() };
      case 'schedule-instalments':
        return {
          instalments: [{ instalmentNo: 1, month: this.today().slice(0, 7), payoutAt: this.inDays(1) }],
        };
      case 'pay-instalment':
        // a transfer waits for the bank's settlement (payout.test.ts); by default the instalment was cancelled
        return { instalmentStatus: 'cancelled', payoutMethod: 'none', collectBy: null };
      case 'cancel-instalments':
        return { cancelledCount: 1 };
      case 'compute-undue-benefit':
        // nothing was paid under the quashed decision unless a scenario says so
        return { undueGrosze: 0, recoveryAlreadyDecided: false };
      default:
        return {};
    }
  }

  /** A worker per topic of the model answering with the scenario's canned answers (through the real worker loop). */
  private testWorkers(): JobWorkerDefinition[] {
    return MODEL_JOB_TYPES.map((taskType) => ({
      taskType,
      fetchVariables: [],
      timeoutMs: 10_000,
      handle: (job): Promise<JobOutcome> => {
        const call: JobCall = {
          type: taskType,
          bpmnProcessId: job.bpmnProcessId,
          elementId: job.elementId,
          processInstanceKey: job.processInstanceKey,
          variables: job.variables,
          headers: job.customHeaders,
        };
        this.calls.push(call);
        const answer = (this.behaviours.get(taskType) ?? ((c: JobCall) => this.defaultAnswer(c)))(call);
        if ('bpmnError' in answer && typeof answer.bpmnError === 'string') {
          return Promise.resolve(bpmnError(answer.bpmnError, String(answer.message ?? answer.bpmnError)));
        }
        return Promise.resolve(complete(answer));
      },
    }));
  }
}

/**
 * One harness per test file on the real test engine, each test starting from a clean scenario; the returned
 * function gives the harness inside the tests.
 */
export function useProcessHarness(): () => ProcessHarness {
  let harness: ProcessHarness | undefined;
  beforeAll(async () => {
    harness = await ProcessHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });
  beforeEach(async () => {
    await harness!.begin();
  });
  return () => harness!;
}
