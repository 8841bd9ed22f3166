/**
 * "Now" as the app sees it: the machine's clock in production; tests pass a clock that follows the engine's
 * controlled clock, so the app's "today" (the day's payout list, a form's date) is the day the engine's timers see.
 * Passed through the composition root (runtime.ts) to the job workers and the web layer.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
