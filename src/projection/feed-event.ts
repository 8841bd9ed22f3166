import { z } from 'zod';

/**
 * One event of the engine host's feed (docs/engine-host-contract.md, "Event feed"): every field is present, absent
 * values are null. Unknown types pass (they are logged and stored, not applied); a known type must carry the id of
 * what it is about, and a missing one is named by its path (`events.3.taskId`).
 */
export const KNOWN_EVENT_TYPES = [
  'process-started',
  'process-ended',
  'activity-started',
  'activity-ended',
  'task-created',
  'task-updated',
  'task-completed',
  'task-deleted',
  'incident-created',
  'incident-resolved',
  'incident-deleted',
  'flow-taken',
] as const;

export type KnownEventType = (typeof KNOWN_EVENT_TYPES)[number];

const text = z.string().nullable();
const instant = z.iso.datetime({ offset: true });

const fields = {
  id: z.string().min(1).max(100),
  seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  type: z.string().min(1).max(100),
  at: instant,
  processInstanceId: text,
  rootProcessInstanceId: text,
  processDefinitionId: text,
  processDefinitionKey: text,
  processDefinitionVersion: z.number().int().nullable(),
  businessKey: text,
  superProcessInstanceId: text,
  elementId: text,
  elementType: text,
  activityInstanceId: text,
  canceled: z.boolean().nullable(),
  taskId: text,
  name: text,
  assignee: text,
  due: instant.nullable(),
  priority: z.number().int().nullable(),
  formRef: text,
  candidateGroups: z.array(z.string()).nullable(),
  deleteReason: text,
  state: text,
  incidentId: text,
  incidentType: text,
  incidentMessage: text,
  configuration: text,
  causeIncidentId: text,
  rootCauseIncidentId: text,
};

/** The contract's field names. */
export type FieldName = keyof typeof fields;

/** Fields beyond the contract's pass through (a newer host may send more); they are stored with the event. */
export const feedEventShape = z.looseObject(fields);

/**
 * What each known type must carry (non-null) to be an event at all: the id of what it is about. What the
 * projection needs beyond that (a task in a process, not a standalone one) is checked when it is applied.
 */
export const REQUIRED_BY_TYPE: Record<KnownEventType, FieldName[]> = {
  'process-started': ['processInstanceId'],
  'process-ended': ['processInstanceId'],
  'activity-started': ['elementId', 'activityInstanceId'],
  'activity-ended': ['elementId', 'activityInstanceId', 'canceled'],
  'task-created': ['taskId'],
  'task-updated': ['taskId'],
  'task-completed': ['taskId'],
  'task-deleted': ['taskId'],
  'incident-created': ['incidentId'],
  'incident-resolved': ['incidentId'],
  'incident-deleted': ['incidentId'],
  'flow-taken': ['elementId'],
};

export function isKnownType(type: string): type is KnownEventType {
  return (KNOWN_EVENT_TYPES as readonly string[]).includes(type);
}

export const feedEventSchema = feedEventShape.superRefine((event, ctx) => {
  if (!isKnownType(event.type)) return;
  for (const field of REQUIRED_BY_TYPE[event.type]) {
    if (event[field] === null)
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `wymagane w zdarzeniu ${event.type}`,
      });
  }
});

export type FeedEvent = z.infer<typeof feedEventSchema>;

/** Largest batch accepted in one POST (the host sends `mops.feed.batch-size`, 200 by default). */
export const MAX_BATCH = 5_000;

export const feedBatchSchema = z.object({
  events: z.array(feedEventSchema).max(MAX_BATCH),
});

export type FeedBatch = z.infer<typeof feedBatchSchema>;
