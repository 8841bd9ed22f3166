/**
 * The codes first contact records and the routing table (bpmn/routing.dmn) reads: the kind of need and the
 * reason for assistance (art. 7 of the Social Assistance Act). The table's description lists the same codes;
 * a unit test keeps them in step.
 */
export const NEED_KINDS = [
  'financial',
  'care-services',
  'specialised-care',
  'care-home',
  'support-centre',
  'sheltered-housing',
  'social-work',
  'violence',
  'family-assistant',
] as const;
export type NeedKind = (typeof NEED_KINDS)[number];

export const AID_REASONS = [
  'poverty',
  'orphanhood',
  'homelessness',
  'unemployment',
  'disability',
  'long-term-illness',
  'domestic-violence',
  'human-trafficking',
  'maternity-or-large-family',
  'parenting-helplessness',
  'foreigner-integration',
  'prison-release',
  'addiction',
  'crisis-event',
  'natural-disaster',
] as const;
export type AidReason = (typeof AID_REASONS)[number];

/** What the conversation at first contact ended with; all but `information` open (or join) a case. */
export const CONTACT_OUTCOMES = [
  'application',
  'third-party-report',
  'urgent-intervention',
  'certificate',
  'information',
] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
