/**
 * Cash not collected by the end of the collection window (`collectBy`) is taken off its cash list and goes on the
 * next one. "Next" means a list with a LATER payout day than the one it was taken off: the cashier's printed list
 * still shows the instalment, so putting it back on that same list would let it be paid from two lists.
 * When the payout is queued on a day after the returned list's day, that day's list is used; otherwise (the return
 * and the new queueing happen on the list's own day, or earlier) the list of the next working day.
 */
import { parseDate } from './calendar-date';
import { addWorkingDays } from './calendar';

export function payoutDateAfterReturn(
  requestedDate: string,
  nextListAfter: string | null | undefined,
): string {
  parseDate(requestedDate, 'payoutDate');
  if (!nextListAfter) return requestedDate;
  parseDate(nextListAfter, 'nextListAfter');
  return requestedDate > nextListAfter ? requestedDate : addWorkingDays(nextListAfter, 1);
}
