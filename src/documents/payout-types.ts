/** The names the payout code used before `types.ts`; kept so its imports go on working. */
import type { PayoutLine, TransferBatch } from './types';

export type { PayoutLine };

/** A payout batch as one document: a cash list (the account unused) or a transfer batch. */
export type PayoutBatchDocument = TransferBatch;
