import { addDays } from './calendar-date';
import { onOrAfterWorkingDay } from './calendar';
import { warsawDateTime } from './warsaw-time';

/** Days the post usually needs for the first delivery attempt of a registered letter (a presumption). */
export const FIRST_ATTEMPT_DAYS = 7;
/** Art. 44 § 1–4 KPA: an undelivered letter is held 14 days at the post office, then deemed delivered. */
export const HOLDING_DAYS = 14;
/** Days for the returned envelope (the advice of delivery) to come back to the centre. */
export const RETURN_DAYS = 7;

/**
 * When to look for an art. 44 KPA deemed delivery of a letter dispatched on `dispatchedOn`: the presumed
 * delivery day is the last of the 14 holding days after the first attempt; the watch fires at 08:00 on the first
 * working day after the envelope should be back, and the clerk then corrects the day from the envelope if it
 * differs. A confirmed receipt (message `decision-delivered`) ends the watch earlier.
 */
export function deemedDeliveryWatch(dispatchedOn: string): { presumedDeliveredOn: string; watchAt: string } {
  const presumedDeliveredOn = addDays(dispatchedOn, FIRST_ATTEMPT_DAYS + HOLDING_DAYS, 'dispatchedOn');
  const watchDay = onOrAfterWorkingDay(addDays(presumedDeliveredOn, RETURN_DAYS));
  return { presumedDeliveredOn, watchAt: warsawDateTime(watchDay, '08:00') };
}
