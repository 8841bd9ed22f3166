import type { EngineVariables } from './port';

/** A Camunda 7 variable on the wire (`VariableValueDto`). */
export interface TypedValue {
  type: string;
  value: unknown;
  valueInfo?: Record<string, unknown>;
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

export const JSON_FORMAT = 'application/json';
export const MAP_TYPE = 'java.util.LinkedHashMap';
export const LIST_TYPE = 'java.util.ArrayList';

/**
 * A JS value as a typed Camunda value. The convention the models' JUEL relies on: string → String, boolean →
 * Boolean, a safe integer → Integer when it fits 32 bits, else Long; any other finite number → Double; null →
 * Null; Date → Date; objects and arrays → Object serialized as JSON with `java.util.LinkedHashMap` /
 * `java.util.ArrayList`, so expressions navigate them as maps and lists (`${household.size}`, `${list[0]}`).
 */
export function toTypedValue(value: unknown, name = 'value'): TypedValue {
  if (value === null) return { type: 'Null', value: null };
  switch (typeof value) {
    case 'string':
      return { type: 'String', value };
    case 'boolean':
      return { type: 'Boolean', value };
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError(`Zmienna ${name}: liczba ${value} nie ma zapisu w JSON`);
      if (Number.isSafeInteger(value))
        return { type: value >= INT_MIN && value <= INT_MAX ? 'Integer' : 'Long', value };
      return { type: 'Double', value };
    case 'object':
      if (value instanceof Date) return { type: 'Date', value: formatEngineDate(value) };
      return {
        type: 'Object',
        value: JSON.stringify(value),
        valueInfo: {
          objectTypeName: Array.isArray(value) ? LIST_TYPE : MAP_TYPE,
          serializationDataFormat: JSON_FORMAT,
        },
      };
    default:
      throw new TypeError(`Zmienna ${name}: typ ${typeof value} nie może być zmienną procesu`);
  }
}

/** Variables for a request body; `undefined` values are left out (as JSON would drop them). */
export function toTypedVariables(variables: EngineVariables | undefined): Record<string, TypedValue> {
  const typed: Record<string, TypedValue> = {};
  for (const [name, value] of Object.entries(variables ?? {})) {
    if (value !== undefined) typed[name] = toTypedValue(value, name);
  }
  return typed;
}

/**
 * A typed value read back as JS: JSON-serialized Object and Spin Json → parsed, Date → ISO-8601 string, the rest
 * (String, Boolean, numbers, Null, Bytes, values of other serialization formats) as the engine sent it.
 */
export function fromTypedValue(typed: TypedValue): unknown {
  const { type, value } = typed;
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'Json':
      return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
    case 'Object':
      return typed.valueInfo?.serializationDataFormat === JSON_FORMAT && typeof value === 'string'
        ? (JSON.parse(value) as unknown)
        : value;
    case 'Date':
      return typeof value === 'string' ? engineDateToIso(value) : value;
    default:
      return value;
  }
}

export function fromTypedVariables(typed: Record<string, TypedValue> | null | undefined): EngineVariables {
  const variables: EngineVariables = {};
  for (const [name, value] of Object.entries(typed ?? {})) variables[name] = fromTypedValue(value);
  return variables;
}

/** Camunda's REST date format, `yyyy-MM-dd'T'HH:mm:ss.SSSZ` (offset without a colon), in UTC. */
export function formatEngineDate(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

/** `2026-11-01T10:00:00.000+0100` (the REST API's dates) → `2026-11-01T09:00:00.000Z`. */
export function engineDateToIso(value: string): string {
  const withColon = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(withColon);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
