import type { FeedEvent, FieldName as Field } from './feed-event';

const INSTANCE: Field[] = ['processInstanceId', 'processDefinitionId', 'processDefinitionKey'];
const NEEDS: [prefix: string, fields: Field[]][] = [
  ['task-', [...INSTANCE, 'elementId', 'activityInstanceId']],
  ['process-', INSTANCE],
];

/**
 * The fields an event lacks for the projection (a standalone task has no process instance): such an event is logged
 * in engine_events and reported, but changes no projection row. Empty when it can be applied.
 */
export function missingForProjection(event: FeedEvent): Field[] {
  const fields = NEEDS.find(([prefix]) => event.type.startsWith(prefix))?.[1] ?? [];
  return fields.filter((field) => event[field] === null);
}
