import { randomUUID } from 'node:crypto';
import type { User } from '../../src/auth/users';
import { createEngineCommands, type EngineCommands } from '../../src/engine-commands/commands';
import type { EnginePort } from '../../src/engine/port';
import { registerFirstContact } from '../../src/first-contact/first-contact';
import type { Runtime } from '../../src/runtime';
import { grantedDecision } from './case-file-fixtures';
import { eventually } from './http-client';
import { loginAs, startTestRuntime } from './test-runtime';

type Method = 'startProcess' | 'completeTask' | 'correlateMessage';

/**
 * The engine port with one call of a method failing the way a network fails: `before` the engine sees it (the
 * request is lost), or `after` the engine did it (the answer is lost). Everything else is the real engine.
 */
function flakyEngine(engine: EnginePort) {
  const failures = new Map<Method, 'before' | 'after'>();
  const port = new Proxy(engine, {
    get(target, property: string) {
      const real = target[property as keyof EnginePort] as unknown;
      if (typeof real !== 'function') return real;
      return async (...args: unknown[]) => {
        const failure = failures.get(property as Method);
        failures.delete(property as Method);
        if (failure === 'before') throw new TypeError('fetch failed (test: request lost)');
        const result = await (real as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (failure === 'after') throw new TypeError('fetch failed (test: answer lost)');
        return result;
      };
    },
  });
  return { port, failNext: (method: Method, when: 'before' | 'after') => failures.set(method, when) };
}

/**
 * Engine commands after case-file writes (issue: no dual writes): each is failed once — request lost, answer lost —
 * and repeated, on the real engine and PostgreSQL, and the engine ends with exactly one effect.
 */
describe('engine commands: idempotent and recoverable', () => {
  let runtime: Runtime;
  let flaky: ReturnType<typeof flakyEngine>;
  let commands: EngineCommands;
  let clerk: User;

  beforeAll(async () => {
    const started = await startTestRuntime({ workers: false, fixtures: true });
    runtime = started.runtime;
    flaky = flakyEngine(runtime.engine);
    commands = createEngineCommands({ db: runtime.db, engine: flaky.port, log: started.log });
    await loginAs(runtime, 'it-commands', ['first-contact']);
    const [row] = await runtime.db.query<User>(
      `SELECT id, login, display_name AS "displayName", position, site, roles FROM users WHERE login = 'it-commands'`,
    );
    clerk = row!;
  });

  afterAll(() => runtime.stop());

  /** Keeps the app's own dispatcher off a pending command, so the test alone decides when it is sent again. */
  const hold = (id: string) =>
    runtime.db.query(`UPDATE engine_commands SET next_attempt_at = now() + interval '1 hour' WHERE id = $1`, [
      id,
    ]);
  const commandOf = async (key: string) => {
    const [row] = await runtime.db.query<{ id: string }>(
      'SELECT id FROM engine_commands WHERE idempotency_key = $1',
      [key],
    );
    return row!.id;
  };

  const application = (requestId: string) => ({
    outcome: 'application',
    firstName: 'Jan',
    lastName: 'Próbny',
    need: 'zasiłek okresowy',
    needKind: 'financial',
    requestId,
  });

  it('first contact: the start is lost, then repeated — one intake, one case process', async () => {
    const requestId = randomUUID();
    flaky.failNext('startProcess', 'before');
    const first = await registerFirstContact({ db: runtime.db, commands }, clerk, application(requestId));
    expect(first).toMatchObject({ kind: 'application', queued: true, processInstanceKey: null });
    const repeat = await registerFirstContact({ db: runtime.db, commands }, clerk, application(requestId));
    if (repeat.kind !== 'application' || first.kind !== 'application') throw new Error('not an application');
    expect(repeat.intakeId).toBe(first.intakeId);
    expect(repeat.queued).toBe(false);
    const instances = await runtime.engine.findProcessInstances({
      processKey: 'mops-case',
      businessKey: first.intakeId,
    });
    expect(instances.map((i) => i.id)).toEqual([repeat.processInstanceKey]);
    const intakes = await runtime.db.query('SELECT id FROM intakes WHERE request_id = $1', [requestId]);
    expect(intakes).toHaveLength(1);
  });

  it('first contact: the answer is lost, the dispatcher finds the instance started before', async () => {
    const requestId = randomUUID();
    flaky.failNext('startProcess', 'after');
    const first = await registerFirstContact({ db: runtime.db, commands }, clerk, application(requestId));
    if (first.kind !== 'application') throw new Error('not an application');
    expect(first.queued).toBe(true);
    const id = await commandOf(`start-case:${first.intakeId}`);
    await hold(id);
    await commands.send(id);
    const [command] = await runtime.db.query<{
      status: string;
      result: { processInstanceId: string; repeated: boolean };
    }>(`SELECT status, result FROM engine_commands WHERE idempotency_key = $1`, [
      `start-case:${first.intakeId}`,
    ]);
    expect(command).toMatchObject({ status: 'done', result: { repeated: true } });
    const instances = await runtime.engine.findProcessInstances({
      processKey: 'mops-case',
      businessKey: first.intakeId,
    });
    expect(instances.map((i) => i.id)).toEqual([command!.result.processInstanceId]);
  });

  it('a message whose answer is lost is not delivered twice; one sent too early waits for the process', async () => {
    const decisionId = randomUUID();
    const correlate = (key: string) =>
      runtime.db.transaction((tx) =>
        commands.enqueue(tx, {
          idempotencyKey: key,
          command: {
            kind: 'correlate-message',
            messageName: 'it-delivered',
            correlationKeys: { decisionId },
            variables: { deliveredOn: '2026-12-01' },
          },
        }),
      );
    // too early: nothing waits yet, the command stays pending (not lost, not failed)
    const early = await correlate(`it-delivered:${decisionId}:1`);
    expect((await commands.send(early.command.id)).status).toBe('pending');
    const { processInstanceId } = await runtime.engine.startProcess({
      processKey: 'it-message',
      variables: { decisionId },
    });
    await runtime.db.query(`UPDATE engine_commands SET next_attempt_at = now() WHERE id = $1`, [
      early.command.id,
    ]);
    flaky.failNext('correlateMessage', 'after');
    // this command only (a round of the dispatcher would also take what earlier files left pending, and the
    // injected failure could hit one of those)
    await commands.send(early.command.id);
    // the engine took it, the answer was lost: the repeat finds the marker and sends nothing
    await runtime.db.query(`UPDATE engine_commands SET next_attempt_at = now() WHERE id = $1`, [
      early.command.id,
    ]);
    await commands.send(early.command.id);
    const [stored] = await runtime.db.query<{ status: string; result: { repeated?: boolean } }>(
      'SELECT status, result FROM engine_commands WHERE id = $1',
      [early.command.id],
    );
    expect(stored).toMatchObject({ status: 'done', result: { repeated: true } });
    const waiting = await eventually(async () => {
      const rows = await runtime.db.query<{ element_id: string }>(
        `SELECT element_id FROM engine_events WHERE type = 'activity-started' AND process_instance_id = $1
           AND element_id IN ('first-delivery', 'second-delivery') ORDER BY seq`,
        [processInstanceId],
      );
      return rows.length === 2 ? rows : undefined;
    }, 'drugie oczekiwanie na komunikat');
    expect(waiting.map((r) => r.element_id)).toEqual(['first-delivery', 'second-delivery']);
    const variables = await runtime.engine.processVariables(processInstanceId);
    expect(variables.itDeliveredCommandId).toBe(early.command.id);
    // the same event again (same key) adds no command and so no second delivery
    const again = await correlate(`it-delivered:${decisionId}:1`);
    expect(again.inserted).toBe(false);
    await runtime.engine.deleteProcessInstance(processInstanceId);
  });

  it('a completion whose answer is lost is recognised as done, the next step opens once', async () => {
    const { processInstanceId } = await runtime.engine.startProcess({
      processKey: 'feed-burst',
      variables: {},
    });
    const taskId = await eventually(async () => {
      const [row] = await runtime.db.query<{ user_task_key: string }>(
        `SELECT user_task_key FROM user_tasks WHERE process_instance_key = $1 AND element_id = 'review'`,
        [processInstanceId],
      );
      return row?.user_task_key;
    }, 'zadanie review');
    const { command } = await runtime.db.transaction((tx) =>
      commands.enqueue(tx, {
        idempotencyKey: `complete-task:${taskId}`,
        command: { kind: 'complete-task', taskId, variables: { reviewed: true } },
      }),
    );
    flaky.failNext('completeTask', 'after');
    expect((await commands.send(command.id)).status).toBe('pending');
    await hold(command.id);
    await commands.send(command.id);
    const [stored] = await runtime.db.query<{ status: string; result: { repeated?: boolean } }>(
      'SELECT status, result FROM engine_commands WHERE id = $1',
      [command.id],
    );
    expect(stored).toMatchObject({ status: 'done', result: { taskId, repeated: true } });
    const approve = await eventually(async () => {
      const rows = await runtime.db.query(
        `SELECT user_task_key FROM user_tasks WHERE process_instance_key = $1 AND element_id = 'approve'`,
        [processInstanceId],
      );
      return rows.length > 0 ? rows : undefined;
    }, 'zadanie approve');
    expect(approve).toHaveLength(1);
    await runtime.engine.deleteProcessInstance(processInstanceId);
  });

  it('a message nothing will take any more, whose work a person must do, fails and is listed with the incidents', async () => {
    const { decisionId } = await grantedDecision(runtime.db, {
      amountGrosze: 10_000,
      from: '2026-01-01',
      to: '2026-01-31',
      method: 'cash',
    });
    const { processInstanceId } = await runtime.engine.startProcess({
      processKey: 'it-message',
      variables: { decisionId },
    });
    await runtime.engine.deleteProcessInstance(processInstanceId, 'test: proces zakończony');
    const reason = 'Proces świadczenia już się zakończył: zwrot rozstrzyga zespół świadczeń poza procesem.';
    const commands = runtime.commands;
    const { command } = await runtime.db.transaction((tx) =>
      commands.enqueue(tx, {
        idempotencyKey: `it-recovery:${decisionId}`,
        command: {
          kind: 'correlate-message',
          messageName: 'it-delivered',
          correlationKeys: { decisionId },
          variables: {},
          all: true,
          failWhenEnded: reason,
        },
      }),
    );
    expect(await commands.send(command.id)).toMatchObject({ status: 'failed', lastError: reason });
    const manager = await loginAs(runtime, 'it-cmd-manager', ['managers']);
    const listed = (
      (await manager.request('GET', '/api/incidents')).body as {
        failedCommands: { id: string; subject: string; caseNumber: string; lastError: string }[];
      }
    ).failedCommands.find((c) => c.id === command.id);
    const [kase] = await runtime.db.query<{ case_number: string }>(
      'SELECT c.case_number FROM decisions d JOIN cases c ON c.id = d.case_id WHERE d.id = $1',
      [decisionId],
    );
    expect(listed).toMatchObject({
      subject: 'it-delivered',
      caseNumber: kase!.case_number,
      lastError: reason,
    });
  });
});
