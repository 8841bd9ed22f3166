import type { EnginePort } from '../engine/port';
import { commandMarkerVariable, type AttemptOutcome, type StoredCommand } from './command';

/**
 * One attempt at a stored command, idempotent on the engine's side: a repeat after a lost answer finds what the
 * first attempt did (the instance with this business key, the task completed, the message's marker variable) and
 * does not do it again.
 */
export async function attemptCommand(engine: EnginePort, stored: StoredCommand): Promise<AttemptOutcome> {
  try {
    return await attempt(engine, stored);
  } catch (error) {
    return classify(error);
  }
}

async function attempt(engine: EnginePort, stored: StoredCommand): Promise<AttemptOutcome> {
  const command = stored.command;
  const repeat = stored.attempts > 1;
  switch (command.kind) {
    case 'start-process': {
      if (repeat) {
        const [found] = await engine.findProcessInstances({
          processKey: command.processKey,
          businessKey: command.businessKey,
        });
        if (found) return { kind: 'done', result: { processInstanceId: found.id, repeated: true } };
      }
      const started = await engine.startProcess(command);
      return { kind: 'done', result: { processInstanceId: started.processInstanceId } };
    }
    case 'complete-task': {
      try {
        await engine.completeTask(command.taskId, command.variables);
        return { kind: 'done', result: { taskId: command.taskId } };
      } catch (error) {
        if (!isMissing(error)) throw error;
        const task = await engine.historicTask(command.taskId);
        if (task?.deleteReason === 'completed')
          return { kind: 'done', result: { taskId: command.taskId, repeated: true } };
        return {
          kind: 'failed',
          error: task
            ? `Zadanie ${command.taskId} zostało anulowane przez proces (${task.deleteReason ?? 'bez powodu'}) — zapisane dane zostały w aktach.`
            : `Silnik nie zna zadania ${command.taskId}.`,
        };
      }
    }
    case 'correlate-message': {
      const marker = commandMarkerVariable(command.messageName);
      if (repeat) {
        const [found] = await engine.findProcessInstances({
          variableEquals: { name: marker, value: stored.id },
        });
        if (found) return { kind: 'done', result: { processInstanceIds: [found.id], repeated: true } };
      }
      try {
        const correlated = await engine.correlateMessage({
          messageName: command.messageName,
          correlationKeys: command.correlationKeys,
          localCorrelationKeys: command.localCorrelationKeys,
          variables: { ...command.variables, [marker]: stored.id },
          all: command.all,
        });
        return { kind: 'done', result: { processInstanceIds: correlated.processInstanceIds } };
      } catch (error) {
        if ((error as { code?: string }).code !== 'message-not-correlated') throw error;
        // nothing waits: later (the process has not reached the step yet), or never (its instances have ended)
        if (await allEnded(engine, command.correlationKeys))
          return command.failWhenEnded
            ? { kind: 'failed', error: command.failWhenEnded }
            : { kind: 'done', result: { processInstanceIds: [], skipped: 'process-ended' } };
        throw error;
      }
    }
  }
}

/** True when instances with the first correlation key exist and none of them runs any more. */
async function allEnded(engine: EnginePort, keys: Record<string, unknown>): Promise<boolean> {
  const [name, value] = Object.entries(keys)[0] ?? [];
  if (!name || typeof value !== 'string') return false;
  const instances = await engine.findProcessInstances({ variableEquals: { name, value } });
  return instances.length > 0 && instances.every((i) => i.state !== 'ACTIVE' && i.state !== 'SUSPENDED');
}

/** Technical faults are retried; a message nothing waits for waits; anything else the engine refused is final. */
function classify(error: unknown): AttemptOutcome {
  const message = error instanceof Error ? error.message : String(error);
  const { code, status } = error as { code?: string; status?: number };
  if (code === 'message-not-correlated')
    return {
      kind: 'retry',
      error: `Proces jeszcze nie czeka na ten komunikat: ${message}`,
      notWaitingYet: true,
    };
  if (
    status === undefined ||
    status >= 500 ||
    status === 408 ||
    status === 429 ||
    code === 'engine-unavailable'
  )
    return { kind: 'retry', error: message };
  return { kind: 'failed', error: message };
}

function isMissing(error: unknown): boolean {
  const { status, message } = error as { status?: number; message?: string };
  return status === 404 || (status === 500 && /cannot find task|not found/i.test(message ?? ''));
}
