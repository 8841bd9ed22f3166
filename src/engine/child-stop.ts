import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logger';

/** SIGTERM (Spring closes the engine and the pool), then SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, log: Logger, graceMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = new AbortController();
  const graceful = await Promise.race([
    exited.then(() => true),
    sleep(graceMs, undefined, { signal: timer.signal }).then(
      () => false,
      () => true,
    ),
  ]);
  timer.abort();
  if (!graceful) {
    log.warn(`Host silnika nie zatrzymał się w ${graceMs / 1000} s, wymuszam SIGKILL`, { pid: child.pid });
    child.kill('SIGKILL');
    await exited;
  }
  log.info('Host silnika zatrzymany', { pid: child.pid });
}
