import { attemptCommand } from '../../src/engine-commands/attempt';
import {
  commandMarkerVariable,
  nextAttemptDelayMs,
  type StoredCommand,
} from '../../src/engine-commands/command';
import type { EnginePort } from '../../src/engine/port';

/** A stub of the two or three port calls an attempt makes; everything else fails the test if touched. */
function stubEngine(overrides: Partial<EnginePort>): EnginePort {
  return new Proxy(overrides as EnginePort, {
    get(target, property: string) {
      if (property in target) return target[property as keyof EnginePort];
      throw new Error(`unexpected engine call ${property}`);
    },
  });
}

const stored = (command: StoredCommand['command'], attempts = 1): StoredCommand => ({
  id: '0b6f5f7e-1111-4a2b-9c3d-4e5f60718293',
  idempotencyKey: 'k',
  command,
  status: 'pending',
  attempts,
  lastError: null,
  result: null,
  createdBy: null,
});

const notWaiting = Object.assign(new Error('No process definition or execution matches'), {
  code: 'message-not-correlated',
  status: 400,
});

describe('engine command attempts', () => {
  it('names the marker variable after the message', () => {
    expect(commandMarkerVariable('decision-delivered')).toBe('decisionDeliveredCommandId');
    expect(commandMarkerVariable('appeal-filed')).toBe('appealFiledCommandId');
  });

  it('backs off 1 s, 2 s, 4 s and never more than 5 minutes', () => {
    expect([1, 2, 3].map(nextAttemptDelayMs)).toEqual([1000, 2000, 4000]);
    expect(nextAttemptDelayMs(40)).toBe(300_000);
  });

  it('a repeated start finds the instance started before and does not start another', async () => {
    const started: string[] = [];
    const engine = stubEngine({
      findProcessInstances: (query) =>
        Promise.resolve(
          query.businessKey === 'intake-1'
            ? [{ id: 'pi-1', businessKey: 'intake-1', processDefinitionKey: 'mops-case', state: 'ACTIVE' }]
            : [],
        ),
      startProcess: (input) => {
        started.push(input.processKey);
        return Promise.resolve({ processInstanceId: 'pi-2', processDefinitionId: 'd' });
      },
    });
    const command = {
      kind: 'start-process' as const,
      processKey: 'mops-case',
      businessKey: 'intake-1',
      variables: {},
    };
    expect(await attemptCommand(engine, stored(command, 2))).toEqual({
      kind: 'done',
      result: { processInstanceId: 'pi-1', repeated: true },
    });
    expect(started).toEqual([]);
  });

  it('a message nothing waits for yet is retried, marked so', async () => {
    const engine = stubEngine({
      correlateMessage: () => Promise.reject(notWaiting),
      findProcessInstances: () =>
        Promise.resolve([
          { id: 'pi-1', businessKey: null, processDefinitionKey: 'mops-decision', state: 'ACTIVE' },
        ]),
    });
    const outcome = await attemptCommand(
      engine,
      stored({
        kind: 'correlate-message',
        messageName: 'decision-delivered',
        correlationKeys: { decisionId: 'd-1' },
        variables: {},
      }),
    );
    expect(outcome).toMatchObject({ kind: 'retry', notWaitingYet: true });
  });

  it('a message whose processes have all ended is done, with nothing delivered', async () => {
    const engine = stubEngine({
      correlateMessage: () => Promise.reject(notWaiting),
      findProcessInstances: () =>
        Promise.resolve([
          { id: 'pi-1', businessKey: null, processDefinitionKey: 'mops-decision', state: 'COMPLETED' },
        ]),
    });
    const outcome = await attemptCommand(
      engine,
      stored({
        kind: 'correlate-message',
        messageName: 'appeal-waived',
        correlationKeys: { decisionId: 'd-1' },
        variables: {},
      }),
    );
    expect(outcome).toEqual({ kind: 'done', result: { processInstanceIds: [], skipped: 'process-ended' } });
  });

  it('a message whose work a person must then do fails with its reason when its processes have ended', async () => {
    const engine = stubEngine({
      correlateMessage: () => Promise.reject(notWaiting),
      findProcessInstances: () =>
        Promise.resolve([
          { id: 'pi-1', businessKey: null, processDefinitionKey: 'mops-benefits', state: 'COMPLETED' },
        ]),
    });
    const outcome = await attemptCommand(
      engine,
      stored({
        kind: 'correlate-message',
        messageName: 'benefit-recovery-requested',
        correlationKeys: { decisionId: 'd-1' },
        variables: {},
        failWhenEnded: 'Zwrot rozstrzyga zespół świadczeń poza procesem.',
      }),
    );
    expect(outcome).toEqual({ kind: 'failed', error: 'Zwrot rozstrzyga zespół świadczeń poza procesem.' });
  });

  it('a correlated message carries the command id, and its repeat is recognised by it', async () => {
    const sent: Record<string, unknown>[] = [];
    const engine = stubEngine({
      correlateMessage: (input) => {
        sent.push(input.variables ?? {});
        return Promise.resolve({ correlated: 1, processInstanceIds: ['pi-9'] });
      },
      findProcessInstances: (query) =>
        Promise.resolve(
          query.variableEquals?.value === stored({} as never).id
            ? [{ id: 'pi-9', businessKey: null, processDefinitionKey: 'mops-decision', state: 'ACTIVE' }]
            : [],
        ),
    });
    const command = {
      kind: 'correlate-message' as const,
      messageName: 'decision-delivered',
      correlationKeys: { decisionId: 'd-1' },
      variables: { deliveredOn: '2026-12-01' },
    };
    await attemptCommand(engine, stored(command));
    expect(sent).toEqual([{ deliveredOn: '2026-12-01', decisionDeliveredCommandId: stored(command).id }]);
    expect(await attemptCommand(engine, stored(command, 2))).toEqual({
      kind: 'done',
      result: { processInstanceIds: ['pi-9'], repeated: true },
    });
    expect(sent).toHaveLength(1);
  });

  it('completing a task that is gone: done when it was completed, failed when the process cancelled it', async () => {
    const gone = Object.assign(new Error('Cannot find task'), { status: 404 });
    const command = { kind: 'complete-task' as const, taskId: 't-1', variables: {} };
    const completed = stubEngine({
      completeTask: () => Promise.reject(gone),
      historicTask: () =>
        Promise.resolve({ id: 't-1', assignee: 'a', endTime: 'x', deleteReason: 'completed' }),
    });
    expect(await attemptCommand(completed, stored(command, 2))).toEqual({
      kind: 'done',
      result: { taskId: 't-1', repeated: true },
    });
    const cancelled = stubEngine({
      completeTask: () => Promise.reject(gone),
      historicTask: () =>
        Promise.resolve({ id: 't-1', assignee: null, endTime: 'x', deleteReason: 'deleted' }),
    });
    expect(await attemptCommand(cancelled, stored(command, 2))).toMatchObject({ kind: 'failed' });
  });

  it('an engine that does not answer is retried; a refused command fails for good', async () => {
    const down = stubEngine({ startProcess: () => Promise.reject(new TypeError('fetch failed')) });
    const refused = stubEngine({
      startProcess: () => Promise.reject(Object.assign(new Error('Unknown property'), { status: 400 })),
    });
    const command = { kind: 'start-process' as const, processKey: 'x', businessKey: 'b', variables: {} };
    expect(await attemptCommand(down, stored(command))).toMatchObject({
      kind: 'retry',
      error: 'fetch failed',
    });
    expect(await attemptCommand(refused, stored(command))).toMatchObject({ kind: 'failed' });
  });
});
