import { retryBackoffMs } from '../../workers/job-worker';

describe('retry backoff', () => {
  it('doubles with each used retry and is capped at five minutes', () => {
    expect([3, 2, 1].map((left) => retryBackoffMs(left))).toEqual([1000, 2000, 4000]);
    expect(retryBackoffMs(0, 20)).toBe(300_000);
  });
});
