import {
  fromTypedValue,
  fromTypedVariables,
  toTypedValue,
  toTypedVariables,
} from '../../src/engine/variables';

describe('JS → Camunda typed values', () => {
  it('maps scalars by the convention the models rely on', () => {
    expect(toTypedValue('Kowalska')).toEqual({ type: 'String', value: 'Kowalska' });
    expect(toTypedValue(true)).toEqual({ type: 'Boolean', value: true });
    expect(toTypedValue(null)).toEqual({ type: 'Null', value: null });
    expect(toTypedValue(3)).toEqual({ type: 'Integer', value: 3 });
    expect(toTypedValue(-(2 ** 31))).toEqual({ type: 'Integer', value: -(2 ** 31) });
    expect(toTypedValue(2 ** 31 - 1)).toEqual({ type: 'Integer', value: 2 ** 31 - 1 });
    expect(toTypedValue(2 ** 31)).toEqual({ type: 'Long', value: 2 ** 31 });
    expect(toTypedValue(Number.MAX_SAFE_INTEGER)).toEqual({ type: 'Long', value: Number.MAX_SAFE_INTEGER });
    expect(toTypedValue(1234.56)).toEqual({ type: 'Double', value: 1234.56 });
    expect(toTypedValue(2 ** 60)).toEqual({ type: 'Double', value: 2 ** 60 });
  });

  it('serializes objects and arrays as JSON maps and lists for JUEL', () => {
    expect(toTypedValue({ size: 3, members: ['a'] })).toEqual({
      type: 'Object',
      value: '{"size":3,"members":["a"]}',
      valueInfo: { objectTypeName: 'java.util.LinkedHashMap', serializationDataFormat: 'application/json' },
    });
    expect(toTypedValue([1, { a: null }])).toEqual({
      type: 'Object',
      value: '[1,{"a":null}]',
      valueInfo: { objectTypeName: 'java.util.ArrayList', serializationDataFormat: 'application/json' },
    });
  });

  it('sends a Date in the REST date format', () => {
    expect(toTypedValue(new Date('2026-11-01T09:30:00.000Z'))).toEqual({
      type: 'Date',
      value: '2026-11-01T09:30:00.000+0000',
    });
  });

  it('refuses what has no faithful form, naming the variable', () => {
    expect(() => toTypedValue(Number.NaN, 'income')).toThrow(/income/);
    expect(() => toTypedValue(Infinity, 'income')).toThrow(/income/);
    expect(() => toTypedValue(10n, 'count')).toThrow(/count/);
    expect(() => toTypedValue(() => 1, 'fn')).toThrow(/fn/);
  });

  it('leaves undefined variables out of a request', () => {
    expect(toTypedVariables({ a: 1, b: undefined })).toEqual({ a: { type: 'Integer', value: 1 } });
    expect(toTypedVariables(undefined)).toEqual({});
  });
});

describe('Camunda typed values → JS', () => {
  it('parses JSON objects, Spin Json and dates, keeps the rest', () => {
    expect(
      fromTypedValue({
        type: 'Object',
        value: '{"a":[1,2]}',
        valueInfo: { objectTypeName: 'java.util.LinkedHashMap', serializationDataFormat: 'application/json' },
      }),
    ).toEqual({ a: [1, 2] });
    expect(fromTypedValue({ type: 'Json', value: '[{"rule":1}]' })).toEqual([{ rule: 1 }]);
    expect(fromTypedValue({ type: 'Date', value: '2026-11-01T10:00:00.000+0100' })).toBe(
      '2026-11-01T09:00:00.000Z',
    );
    expect(fromTypedValue({ type: 'Long', value: 2 ** 40 })).toBe(2 ** 40);
    expect(fromTypedValue({ type: 'Null', value: null })).toBeNull();
    expect(
      fromTypedValue({
        type: 'Object',
        value: 'rO0ABXNy',
        valueInfo: { serializationDataFormat: 'application/x-java-serialized-object' },
      }),
    ).toBe('rO0ABXNy');
  });

  it('round-trips what the workers send', () => {
    const variables = {
      caseId: '6f1c2b1e-8a7d-4c1b-9a0e-2f3d4c5b6a79',
      approved: false,
      householdSize: 4,
      amount: 612.5,
      nothing: null,
      household: { members: [{ age: 7 }, { age: 41 }] },
    };
    expect(fromTypedVariables(toTypedVariables(variables))).toEqual(variables);
    expect(fromTypedVariables(null)).toEqual({});
  });
});
