import type { Database } from '../db/database';
import type { Logger } from '../logger';
import { dispatchOutbox, type Channel } from './outbox';

/** Sends the outbox every few seconds in the background; one round at a time; stops cleanly. */
export function startOutboxDispatcher(
  db: Database,
  channel: Channel,
  log: Logger,
  intervalMs = 2000,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => dispatchOutbox(db, channel, log))
      .catch((error: unknown) => log.error('Błąd wysyłki', { error }));
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
