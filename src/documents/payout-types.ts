/** One line of a payout: who gets how much for which decision and month (amounts in grosze). */
export interface PayoutLine {
  name: string;
  address: string;
  caseNumber: string;
  decisionNumber: string;
  month: string;
  amountGrosze: number;
  /** NRB of the recipient for transfers. */
  account?: string;
}

export interface PayoutBatchDocument {
  centreName: string;
  centreAddress: string;
  /** The centre's own account the transfers leave from. */
  centreAccount: string;
  payoutDate: string;
  batchLabel: string;
  lines: PayoutLine[];
}
