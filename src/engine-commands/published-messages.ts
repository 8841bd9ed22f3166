/**
 * The messages the app correlates (decision events, payout changes, bank settlements, recoveries). A deployment
 * whose diagrams no longer catch one of them is refused (guard-rails.ts); the unit test `published-messages` keeps
 * this list equal to the names in the code.
 */
export const PUBLISHED_MESSAGES = [
  'decision-delivered',
  'appeal-waived',
  'appeal-filed',
  'appeal-decided',
  'decision-changed',
  'transfer-settled',
  'benefit-recovery-requested',
] as const;
