import { engineBatchSchema, parseLossless } from '../../src/projection/record';

describe('engine records', () => {
  it('keeps int64 keys beyond 2^53 exactly', () => {
    const text =
      '{"partitionId":7,"records":[{"partitionId":7,"position":12,"key":15762598695796737,"timestamp":1,"valueType":"USER_TASK","intent":"CREATED","recordType":"EVENT","value":{"userTaskKey":15762598695796737}}]}';
    const batch = engineBatchSchema.parse(parseLossless(text));
    expect(batch.records[0]?.key).toBe('15762598695796737');
    expect(batch.records[0]?.value.userTaskKey).toBe('15762598695796737');
  });

  it('rejects a batch without records', () => {
    expect(engineBatchSchema.safeParse(parseLossless('{"partitionId":1}')).success).toBe(false);
  });
});
