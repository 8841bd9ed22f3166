/**
 * The payouts register of a month: every instalment paid in it (payout day, Europe/Warsaw), ordered by day, case
 * number and instalment, with totals overall and per payout method. Pure: rows in, register out.
 */
export interface RegisterRow {
  instalmentId: string;
  paidOn: string;
  caseId: string;
  caseNumber: string;
  person: string;
  benefitForm: string;
  method: string;
  month: string;
  instalmentNo: number;
  amountGrosze: number;
}

export interface PayoutRegister {
  rows: RegisterRow[];
  count: number;
  totalGrosze: number;
  byMethod: { method: string; count: number; totalGrosze: number }[];
}

const METHOD_ORDER = ['cash', 'transfer', 'provider', 'in-kind'];

export function payoutRegister(rows: readonly RegisterRow[]): PayoutRegister {
  const sorted = [...rows].sort(
    (a, b) =>
      a.paidOn.localeCompare(b.paidOn) ||
      a.caseNumber.localeCompare(b.caseNumber) ||
      a.instalmentNo - b.instalmentNo ||
      a.instalmentId.localeCompare(b.instalmentId),
  );
  const methods = new Map<string, { count: number; totalGrosze: number }>();
  for (const row of sorted) {
    const entry = methods.get(row.method) ?? { count: 0, totalGrosze: 0 };
    entry.count += 1;
    entry.totalGrosze += row.amountGrosze;
    methods.set(row.method, entry);
  }
  const order = (method: string) => {
    const index = METHOD_ORDER.indexOf(method);
    return index === -1 ? METHOD_ORDER.length : index;
  };
  return {
    rows: sorted,
    count: sorted.length,
    totalGrosze: sorted.reduce((acc, row) => acc + row.amountGrosze, 0),
    byMethod: [...methods.entries()]
      .map(([method, entry]) => ({ method, ...entry }))
      .sort((a, b) => order(a.method) - order(b.method) || a.method.localeCompare(b.method)),
  };
}
