import { parseDate } from './calendar-date';
import { invalid } from './validation';

export interface PlannedInstalment {
  instalmentNo: number;
  /** 'YYYY-MM': the month the instalment is for. */
  month: string;
  amountGrosze: number;
}

/**
 * One instalment per calendar month of the decided period (art. 106 ust. 3: help runs by month), numbered from 1.
 * Both ends are calendar dates; a period that starts or ends mid-month still counts that month once.
 */
export function planInstalments(
  periodFrom: string,
  periodTo: string,
  monthlyGrosze: number,
): PlannedInstalment[] {
  const from = parseDate(periodFrom, 'periodFrom');
  const to = parseDate(periodTo, 'periodTo');
  if (!Number.isSafeInteger(monthlyGrosze) || monthlyGrosze <= 0) {
    throw invalid('amountGrosze', 'kwota raty musi być dodatnią liczbą groszy');
  }
  const first = from.year * 12 + (from.month - 1);
  const last = to.year * 12 + (to.month - 1);
  if (last < first) throw invalid('periodTo', 'koniec okresu jest przed jego początkiem');
  if (last - first >= 120) throw invalid('periodTo', 'okres dłuższy niż 10 lat');
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const index = first + i;
    const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    return { instalmentNo: i + 1, month, amountGrosze: monthlyGrosze };
  });
}
