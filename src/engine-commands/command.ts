import type { EngineVariables } from '../engine/port';

/**
 * An engine command that follows a write to the case file. It is stored in the same transaction as that write
 * (table `engine_commands`), under an idempotency key taken from the request or the row, and sent until the engine
 * has it: at once by the request that wrote it, later by the dispatcher when the first try failed.
 */
export type EngineCommand =
  | {
      kind: 'start-process';
      processKey: string;
      /** The business key the instance starts with; also how a repeat finds the instance started before. */
      businessKey: string;
      variables: EngineVariables;
    }
  | { kind: 'complete-task'; taskId: string; variables: EngineVariables }
  | {
      kind: 'correlate-message';
      messageName: string;
      correlationKeys: EngineVariables;
      localCorrelationKeys?: EngineVariables;
      variables: EngineVariables;
      all?: boolean;
      /**
       * When every instance with the correlation key has ended, nothing will ever take the message: by default the
       * command is done (the event stays in the case file); with a reason, it fails with it — visible to managers,
       * for a message whose work a person must then do outside the process (e.g. an art. 98 recovery).
       */
      failWhenEnded?: string;
    };

export type CommandKind = EngineCommand['kind'];

export type CommandStatus = 'pending' | 'done' | 'failed';

export interface StoredCommand {
  id: string;
  idempotencyKey: string;
  command: EngineCommand;
  status: CommandStatus;
  attempts: number;
  lastError: string | null;
  result: Record<string, unknown> | null;
  createdBy: string | null;
}

/** What one attempt ended in: done (with a result), try again later, or failed for good (visible to managers). */
export type AttemptOutcome =
  | { kind: 'done'; result: Record<string, unknown> }
  | { kind: 'retry'; error: string; notWaitingYet?: boolean }
  | { kind: 'failed'; error: string };

/**
 * The variable a correlated message leaves on the process instance: how a repeat after a lost answer finds that
 * the engine already has this very command (and does not deliver it twice).
 */
export function commandMarkerVariable(messageName: string): string {
  const camel = messageName.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return `${camel}CommandId`;
}

/** Back-off between attempts: 1 s, 2 s, 4 s … capped at 5 minutes. */
export function nextAttemptDelayMs(attempts: number): number {
  return Math.min(300_000, 1000 * 2 ** Math.max(0, attempts - 1));
}

/** A message nothing waits for yet is tried for this long before it is shown as failed. */
export const MESSAGE_WAIT_LIMIT_MS = 30 * 24 * 3_600_000;
/** A technical fault (engine down, timeout) is retried this many times before it is shown as failed. */
export const MAX_TECHNICAL_ATTEMPTS = 50;
