import { feedBatchSchema, feedEventSchema } from '../../src/projection/feed-event';
import { feedEvent } from './feed-event-fixture';

describe('feed event schema', () => {
  it('accepts an event of the contract as it is', () => {
    const event = feedEvent({ type: 'task-created', taskId: 't-1', candidateGroups: ['benefits'] });
    expect(feedEventSchema.parse(event)).toEqual(event);
  });

  it('keeps an unknown type, and fields the contract may gain later', () => {
    const parsed = feedEventSchema.parse({ ...feedEvent({ type: 'job-failed' }), retries: 2 });
    expect(parsed.type).toBe('job-failed');
    expect(parsed).toMatchObject({ retries: 2 });
  });

  it('names a field that is missing rather than null', () => {
    const { assignee: _omitted, ...event } = feedEvent({ type: 'task-created', taskId: 't-1' });
    const result = feedBatchSchema.safeParse({ events: [event] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['events.0.assignee']);
  });

  it('names the id a known type must carry', () => {
    const result = feedBatchSchema.safeParse({
      events: [feedEvent({ type: 'flow-taken', elementId: 'f-1' }), feedEvent({ type: 'task-updated' })],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['events.1.taskId', 'wymagane w zdarzeniu task-updated'],
    ]);
  });

  it.each([
    ['seq', -1],
    ['seq', 1.5],
    ['seq', '12'],
    ['at', '1 grudnia 2026'],
    ['due', '2026-12-01'],
    ['candidateGroups', 'benefits'],
    ['canceled', 'false'],
    ['id', ''],
  ])('refuses %s = %p', (field, value) => {
    const result = feedEventSchema.safeParse({
      ...feedEvent({ type: 'task-created', taskId: 't' }),
      [field]: value,
    });
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  it('refuses a body without events and a batch above the limit', () => {
    expect(feedBatchSchema.safeParse({}).error?.issues[0]?.path).toEqual(['events']);
    const many = Array.from({ length: 5_001 }, (_, i) => feedEvent({ type: 'x', seq: i }));
    expect(feedBatchSchema.safeParse({ events: many }).error?.issues[0]?.path).toEqual(['events']);
  });
});
