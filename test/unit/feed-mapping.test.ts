import { inSeqOrder } from '../../src/projection/apply-events';
import { eventLogRow } from '../../src/projection/event-log';
import { isRootCause } from '../../src/projection/project-incident';
import { endedState } from '../../src/projection/project-process';
import { taskStateAfter } from '../../src/projection/project-task';
import { missingForProjection } from '../../src/projection/projection-needs';
import { tokenMatches } from '../../src/web/routes/engine-events';
import { feedEvent } from './feed-event-fixture';

describe('feed event mapping', () => {
  it('moves a task through CREATED, COMPLETED and CANCELED', () => {
    const after = (type: string, deleteReason: string | null = null) =>
      taskStateAfter({ type, deleteReason });
    expect(
      ['task-created', 'task-updated', 'task-completed', 'task-deleted', 'activity-ended'].map((t) =>
        after(t),
      ),
    ).toEqual(['CREATED', 'CREATED', 'COMPLETED', 'CANCELED', undefined]);
    expect(after('task-completed', 'completed')).toBe('COMPLETED');
    // Camunda 7 ends a task deleted with its instance by the same history event, reason "deleted"
    expect(after('task-completed', 'deleted')).toBe('CANCELED');
    expect(after('task-deleted', 'deleted')).toBe('CANCELED');
  });

  it('shows an ended instance as COMPLETED only when Camunda 7 says so', () => {
    expect(endedState({ state: 'COMPLETED', deleteReason: null })).toBe('COMPLETED');
    expect(endedState({ state: 'EXTERNALLY_TERMINATED', deleteReason: 'test' })).toBe('TERMINATED');
    expect(endedState({ state: 'INTERNALLY_TERMINATED', deleteReason: null })).toBe('TERMINATED');
    expect(endedState({ state: null, deleteReason: 'deleted' })).toBe('TERMINATED');
    expect(endedState({ state: null, deleteReason: null })).toBe('COMPLETED');
  });

  it('tells a root cause from its copy on a call activity', () => {
    expect(isRootCause({ incidentId: 'i-1', causeIncidentId: 'i-1' })).toBe(true);
    expect(isRootCause({ incidentId: 'i-1', causeIncidentId: null })).toBe(true);
    expect(isRootCause({ incidentId: 'i-2', causeIncidentId: 'i-1' })).toBe(false);
  });

  it('lets a standalone task into the log but not into the projection', () => {
    const standalone = feedEvent({ type: 'task-created', taskId: 't-1', elementId: null });
    expect(missingForProjection(standalone)).toEqual([
      'processInstanceId',
      'processDefinitionId',
      'processDefinitionKey',
      'elementId',
      'activityInstanceId',
    ]);
    expect(missingForProjection(feedEvent({ type: 'flow-taken', elementId: 'f' }))).toEqual([]);
  });

  it('orders a batch by seq and keeps one copy of an id', () => {
    const a = feedEvent({ type: 'x', seq: 3 });
    const b = feedEvent({ type: 'x', seq: 1 });
    expect(inSeqOrder([a, b, { ...a }]).map((event) => event.seq)).toEqual([1, 3]);
  });

  it('logs the root as the instance itself when the event has none', () => {
    const row = eventLogRow(feedEvent({ type: 'x', processInstanceId: 'p-1' }));
    expect(row).toMatchObject({ process_instance_id: 'p-1', root_process_instance_id: 'p-1', type: 'x' });
  });

  it('matches the feed token exactly, and never an empty one', () => {
    expect(tokenMatches('s3cret-token', 's3cret-token')).toBe(true);
    expect(tokenMatches('s3cret-toke', 's3cret-token')).toBe(false);
    expect(tokenMatches('s3cret-token-', 's3cret-token')).toBe(false);
    expect(tokenMatches('', '')).toBe(false);
  });
});
