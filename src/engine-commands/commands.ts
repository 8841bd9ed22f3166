import type { Database, Queryable } from '../db/database';
import type { EnginePort } from '../engine/port';
import type { Logger } from '../logger';
import { attemptCommand } from './attempt';
import type { EngineCommand, StoredCommand } from './command';
import { enqueueCommand, findCommand, leaseCommands, settleCommand } from './command-store';

export interface EngineCommands {
  /** Stores the command in the caller's transaction (the same one that writes the case file). */
  enqueue(
    tx: Queryable,
    input: {
      idempotencyKey: string;
      command: EngineCommand;
      caseId?: string | null;
      createdBy?: string | null;
    },
  ): Promise<{ command: StoredCommand; inserted: boolean }>;
  /**
   * Sends a stored command now (after its transaction committed) and returns it as it stands: done with a result,
   * still pending (the dispatcher tries again), or failed. Never throws for an engine fault.
   */
  send(id: string): Promise<StoredCommand>;
  /** One dispatcher round: sends the commands that are due. Returns how many were tried. */
  sendDue(limit?: number): Promise<number>;
}

/** How long `send` waits for another sender holding the command's lease (then it answers "still pending"). */
const SEND_WAIT_MAX_MS = 5000;
const SEND_WAIT_STEP_MS = 100;

export function createEngineCommands(deps: {
  db: Database;
  engine: EnginePort;
  log: Logger;
}): EngineCommands {
  const run = async (leased: Awaited<ReturnType<typeof leaseCommands>>[number]) => {
    const outcome = await attemptCommand(deps.engine, leased);
    const status = await settleCommand(deps.db, leased, outcome);
    const log = deps.log.child({
      commandId: leased.id,
      kind: leased.command.kind,
      attempts: leased.attempts,
    });
    if (outcome.kind === 'done') log.debug('Polecenie wykonane w silniku');
    else if (status === 'failed')
      log.error('Polecenie do silnika nie powiodło się', { error: outcome.error });
    else log.warn('Polecenie do silnika ponowię później', { error: outcome.error });
  };
  return {
    enqueue: enqueueCommand,
    async send(id) {
      // a pending command this sender cannot lease is being sent right now by another one (the dispatcher's round
      // took it the moment its transaction committed, or another replica): its answer is this one's, so wait a
      // little for it rather than report "queued" for a command that is about to be done
      for (let waitedMs = 0; ; waitedMs += SEND_WAIT_STEP_MS) {
        const [leased] = await leaseCommands(deps.db, { id, limit: 1 });
        if (leased) await run(leased);
        const stored = await findCommand(deps.db, id);
        if (!stored) throw new Error(`Brak polecenia ${id}`);
        if (leased || stored.status !== 'pending' || waitedMs >= SEND_WAIT_MAX_MS) return stored;
        await new Promise((resolve) => setTimeout(resolve, SEND_WAIT_STEP_MS));
      }
    },
    async sendDue(limit = 20) {
      const due = await leaseCommands(deps.db, { limit });
      for (const leased of due) await run(leased);
      return due.length;
    },
  };
}

/** Sends due commands every second in the background, one round at a time; stops cleanly. */
export function startCommandDispatcher(
  commands: EngineCommands,
  log: Logger,
  intervalMs = 1000,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => commands.sendDue())
      .catch((error: unknown) => log.error('Błąd wysyłki poleceń do silnika', { error }));
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
