/**
 * Camunda 7 activity types (org.camunda.bpm.engine.ActivityTypes) as the feed's elementType carries them, grouped
 * the way the projection's readers need them.
 */

/** Steps a case's timeline shows when they ended: tasks, called processes, end events, events that occurred. */
export const TIMELINE_STEP_TYPES = [
  'userTask',
  'serviceTask',
  'businessRuleTask',
  'callActivity',
  'noneEndEvent',
  'errorEndEvent',
  'cancelEndEvent',
  'terminateEndEvent',
  'messageEndEvent',
  'signalEndEvent',
  'compensationEndEvent',
  'escalationEndEvent',
  'boundaryTimer',
  'boundaryMessage',
  'boundarySignal',
  'boundaryError',
  'boundaryEscalation',
  'boundaryConditional',
  'cancelBoundaryCatch',
  'intermediateMessageCatch',
  'intermediateTimer',
  'intermediateSignalCatch',
  'intermediateConditional',
];

/**
 * Activities that end "canceled" because they cancel their own scope when reached (an error or escalation thrown
 * to an interrupting catch, a terminate or cancel end event): reached at all means done.
 */
export const SELF_CANCELLING_TYPES = [
  'errorEndEvent',
  'cancelEndEvent',
  'terminateEndEvent',
  'escalationEndEvent',
  'compensationEndEvent',
  'intermediateEscalationThrowEvent',
  'intermediateCompensationThrowEvent',
];

/** Scopes around the steps, never "where the case stands" themselves. */
export const CONTAINER_TYPES = ['subProcess', 'adHocSubProcess', 'transaction', 'multiInstanceBody'];

/** Camunda 7's id of a multi-instance body: `<activity id>#multiInstanceBody`. */
export const MULTI_INSTANCE_SUFFIX = '#multiInstanceBody';
