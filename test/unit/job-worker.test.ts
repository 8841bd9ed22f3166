import { complete, decisionJobWorker, retryBackoffMs } from '../../workers/job-worker';

describe('retry backoff', () => {
  it('doubles with each used retry and is capped at five minutes', () => {
    expect([3, 2, 1].map((left) => retryBackoffMs(left))).toEqual([1000, 2000, 4000]);
    expect(retryBackoffMs(0, 20)).toBe(300_000);
  });
});

describe('decisionJobWorker', () => {
  const seen: string[] = [];
  const worker = decisionJobWorker({
    taskType: 'some-decision-step',
    handle: (decisionId) => {
      seen.push(decisionId);
      return Promise.resolve(complete({ done: true }));
    },
  });
  const job = (variables: Record<string, unknown>) =>
    ({ variables, customHeaders: {}, jobKey: '1' }) as unknown as Parameters<typeof worker.handle>[0];

  it('fetches only decisionId and hands it over', async () => {
    const id = '6f1c2b1e-8a7d-4c1b-9a0e-2f3d4c5b6a79';
    expect(worker.fetchVariables).toEqual(['decisionId']);
    expect(await worker.handle(job({ decisionId: id }))).toEqual({
      kind: 'complete',
      variables: { done: true },
    });
    expect(seen).toEqual([id]);
  });

  it('turns a missing or malformed decisionId into a readable incident, not a retry loop', async () => {
    expect(await worker.handle(job({ decisionId: 'abc' }))).toMatchObject({ kind: 'fail', retryable: false });
    expect(seen).toHaveLength(1);
  });
});
