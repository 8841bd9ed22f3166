import { addWorkingDays } from './calendar';
import { warsawDateTime } from './warsaw-time';

/** Working days a cash instalment waits at the cashier after its payout list (the centre's usual practice). */
export const CASH_COLLECTION_WORKING_DAYS = 10;

/**
 * Until when the client can collect cash put on the payout list of `payoutDate`: the cashier's closing time on the
 * 10th working day after it. Then the instalment goes back to the next list — it is never paid twice or lost.
 */
export function cashCollectionDeadline(payoutDate: string): string {
  return warsawDateTime(addWorkingDays(payoutDate, CASH_COLLECTION_WORKING_DAYS), '15:30');
}
