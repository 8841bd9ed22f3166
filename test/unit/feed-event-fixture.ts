import { randomUUID } from 'node:crypto';
import type { FeedEvent } from '../../src/projection/feed-event';

/** An event as the host sends it: every field of the contract present, null unless given. */
export function feedEvent(fields: Partial<FeedEvent> & { type: string }): FeedEvent {
  return {
    id: randomUUID(),
    seq: 1,
    at: '2026-12-01T10:00:00.000Z',
    processInstanceId: null,
    rootProcessInstanceId: null,
    processDefinitionId: null,
    processDefinitionKey: null,
    processDefinitionVersion: null,
    businessKey: null,
    superProcessInstanceId: null,
    elementId: null,
    elementType: null,
    activityInstanceId: null,
    canceled: null,
    taskId: null,
    name: null,
    assignee: null,
    due: null,
    priority: null,
    formRef: null,
    candidateGroups: null,
    deleteReason: null,
    state: null,
    incidentId: null,
    incidentType: null,
    incidentMessage: null,
    configuration: null,
    causeIncidentId: null,
    rootCauseIncidentId: null,
    ...fields,
  };
}
