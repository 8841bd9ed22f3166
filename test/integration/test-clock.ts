import { warsawDate } from '../../src/domain/calendar-date';
import type { Clock } from '../../src/domain/clock';
import type { Runtime } from '../../src/runtime';
import { payoutAt } from '../../workers/schedule-instalments';
import { eventually } from './http-client';

/**
 * One "now" for the app and the engine in a test: `pin` moves the engine's controlled clock
 * (ENGINE_CLOCK_CONTROLLED, /v2/clock) and the app's injected clock (startRuntime's `now`) to the same instant,
 * `reset` puts both back on the machine's time. Tests choose their instants from the app's own rules, so they pass
 * on any day of the year.
 */
export class TestClock {
  private pinnedAt: number | undefined;
  private runtime: Runtime | undefined;

  readonly now: Clock = () => new Date(this.pinnedAt ?? Date.now());

  /** The runtime whose engine this clock moves (known once it has started). */
  attach(runtime: Runtime): void {
    this.runtime = runtime;
  }

  async pin(instant: number): Promise<void> {
    await this.started().engine.getCamundaRestClient().pinInternalClock(instant);
    this.pinnedAt = instant;
  }

  async reset(): Promise<void> {
    await this.started().engine.getCamundaRestClient().resetClock();
    this.pinnedAt = undefined;
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
          `SELECT count(*)::text AS n FROM engine_records r JOIN process_instances p
              ON p.process_instance_key = r.process_instance_key
            WHERE p.root_process_instance_key = $1 AND p.bpmn_process_id = 'mops-payout'
              AND r.element_id = 'wait-for-payout-day' AND r.intent = 'ELEMENT_ACTIVATED'`,
          [rootProcessInstanceKey],
        );
        return Number(row?.n ?? 0) >= instalmentNo ? true : undefined;
      }, `rata nr ${instalmentNo} czeka na dzień wypłaty`);
      await this.pin(due);
    }
    return this.today();
  }

  private started(): Runtime {
    if (!this.runtime) throw new Error('TestClock: attach(runtime) first');
    return this.runtime;
  }
}
