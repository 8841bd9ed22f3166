import { warsawDate } from '../../src/domain/calendar-date';
import type { Clock } from '../../src/domain/clock';
import type { Runtime } from '../../src/runtime';
import { payoutAt } from '../../workers/schedule-instalments';
import { eventually } from './http-client';

/**
 * One "now" for the app and the engine in a test: `pin` moves the engine host's test clock
 * (ENGINE_CLOCK_CONTROLLED, /mops/clock) and the app's injected clock (startRuntime's `now`) to the same instant —
 * both keep running from there, as the host's clock does — and `reset` puts both back on the machine's time. Tests choose their instants from the app's own rules, so they pass
 * on any day of the year.
 */
export class TestClock {
  /** How far the moved clock is ahead of the machine's (0: not moved). */
  private offsetMs = 0;
  private runtime: Runtime | undefined;

  readonly now: Clock = () => new Date(Date.now() + this.offsetMs);

  /** The runtime whose engine this clock moves (known once it has started). */
  attach(runtime: Runtime): void {
    this.runtime = runtime;
  }

  async pin(instant: number): Promise<void> {
    await this.engineClock().set(new Date(instant));
    this.offsetMs = instant - Date.now();
  }

  async reset(): Promise<void> {
    await this.engineClock().reset();
    this.offsetMs = 0;
  }

  /**
   * Stops the runtime, then puts the clocks back. Never back while workers poll: Camunda 7 times a parked
   * fetchAndLock out by its own clock, so a poll parked at a later time would stay parked after the clock went back
   * and take the next tasks for a worker that is gone. Within a test file time only moves forward.
   */
  async resetAfterStop(): Promise<void> {
    const runtime = this.started();
    await runtime.stop();
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the last parked poll (1 s in tests) runs out
    await this.reset();
  }

  /** Today in Warsaw, as the app sees it. */
  today(): string {
    return warsawDate(this.now());
  }

  /**
   * The day of the payout list instalment `instalmentNo` (of `month`) of the case process `rootProcessInstanceKey`
   * goes on: its payout day by the rule of schedule-instalments (`payoutAt`) when that is still ahead — both clocks
   * are moved there once the instalment waits for it — else today (a timer already due pays on today's list).
   * The engine looks at its timers when its clock moves, so a timer created after the move would wait for the
   * machine's clock: hence the wait for the timer first.
   */
  async reachPayoutDay(rootProcessInstanceKey: string, instalmentNo: number, month: string): Promise<string> {
    const due = Date.parse(payoutAt(month));
    if (due > this.now().getTime()) {
      const { db } = this.started();
      await eventually(async () => {
        const [row] = await db.query<{ n: string }>(
          `SELECT count(*)::text AS n FROM engine_events
            WHERE root_process_instance_id = $1 AND process_definition_key = 'mops-payout'
              AND element_id = 'wait-for-payout-day' AND type = 'activity-started'`,
          [rootProcessInstanceKey],
        );
        return Number(row?.n ?? 0) >= instalmentNo ? true : undefined;
      }, `rata nr ${instalmentNo} czeka na dzień wypłaty`);
      await this.pin(due);
    }
    return this.today();
  }

  private engineClock() {
    const clock = this.started().clock;
    if (!clock) throw new Error('TestClock: the runtime has no engine test clock (ENGINE_CLOCK_CONTROLLED)');
    return clock;
  }

  private started(): Runtime {
    if (!this.runtime) throw new Error('TestClock: attach(runtime) first');
    return this.runtime;
  }
}
