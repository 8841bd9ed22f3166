import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/**
 * Generated bad requests for every operation of the OpenAPI document (issue 13, "Bad input"): each request takes
 * a plausible value built from the operation's JSON schema and breaks one thing — a missing required field, a wrong
 * type, a huge (100 kB) or odd string (NUL, RTL marks, emoji, SQL/HTML meta characters, lone surrogates), an
 * out-of-range number, a bad path id, a bad query value, malformed JSON or a body of the wrong shape.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  default?: unknown;
}

export interface Operation {
  method: string;
  /** The OpenAPI path with {placeholders}. */
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; required: boolean; schema: JsonSchema }[];
  body?: JsonSchema;
  /** Statuses the document promises (a documented 503 of /health is not a failure). */
  documented: number[];
}

export interface FuzzRequest {
  method: string;
  /** The concrete URL path with its (already encoded) query. */
  url: string;
  /** A JSON value to send, or raw text sent as application/json (malformed JSON). */
  body?: { json: unknown } | { raw: string };
  /** What this request breaks, e.g. "bad body.householdSize (huge string)". */
  note: string;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; required?: boolean; schema: JsonSchema }[];
        requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
        responses: Record<string, unknown>;
      }
    >
  >;
}

export function operationsOf(document: unknown): Operation[] {
  const doc = document as OpenApiDocument;
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      pathParams: (op.parameters ?? [])
        .filter((p) => p.in === 'path')
        .map((p) => ({ name: p.name, schema: p.schema })),
      queryParams: (op.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, required: p.required ?? false, schema: p.schema })),
      body: op.requestBody?.content['application/json'].schema,
      documented: Object.keys(op.responses).map(Number),
    })),
  );
}

export const HUGE = 100_000;

/** Strings that have broken parsers, databases and renderers before. */
const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202e\u200fטקסט\u200e',
  '😀👍🏽👨‍👩‍👧',
  "' OR '1'='1'; --",
  "'); DROP TABLE cases; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '\ud800',
  'x\udfffy',
  '%00',
  '../../../etc/passwd',
  '${7*7}{{7*7}}',
  '\\',
  '"',
  'null',
  'NaN',
  '-0',
  '1e309',
  '0x10',
  '2025-02-30',
  '9999-12-31',
  '0000-00-00',
  '\r\n\t',
  'ŻÓŁĆĘŚĄŹŃ żółćęśąźń',
];

export const oddString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

export const hugeString: fc.Arbitrary<string> = fc
  .constantFrom('x', 'ą', '😀', "'", '<')
  .map((unit) => unit.repeat(Math.ceil(HUGE / unit.length)).slice(0, HUGE));

export const oddNumber: fc.Arbitrary<number | null> = fc.constantFrom(
  -1,
  0,
  -0,
  0.5,
  -2147483649,
  2147483648,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  // NaN and Infinity become null in JSON
  Number.NaN,
);

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  if (schema.enum || schema.const !== undefined) return ['enum'];
  return [];
}

function options(schema: JsonSchema): JsonSchema[] | undefined {
  return schema.anyOf ?? schema.oneOf;
}

/** A plausible value for a schema (the base each request breaks one thing of). */
export function plausible(schema: JsonSchema, depth = 0): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const alternatives = options(schema);
  if (alternatives?.[0]) return plausible(alternatives[0], depth + 1);
  if (schema.allOf?.[0]) return plausible(schema.allOf[0], depth + 1);
  const [type] = typesOf(schema);
  switch (type) {
    case 'object': {
      if (depth > 6) return {};
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, property]) => [
          name,
          plausible(property, depth + 1),
        ]),
      );
    }
    case 'array':
      return schema.items && depth <= 6
        ? Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
            plausible(schema.items ?? {}, depth + 1),
          )
        : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.maximum !== undefined ? Math.min(1, schema.maximum) : 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      if (schema.format === 'date') return '2025-06-02';
      if (schema.format === 'date-time') return '2025-06-02T10:00:00.000Z';
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'email') return 'jan.kowalski@example.org';
      if (schema.pattern?.includes('\\d{11}')) return '90010112342';
      if (schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return '2025-06-02';
      return 'a'.repeat(Math.max(schema.minLength ?? 3, 3)).slice(0, schema.maxLength ?? 64);
    default:
      return 'a';
  }
}

/** A value of the wrong type or out of range for a schema. */
export function badValue(schema: JsonSchema): fc.Arbitrary<{ value: unknown; kind: string }> {
  const types = typesOf(schema);
  const tag = (kind: string) => (value: unknown) => ({ value, kind });
  const wrongTypes: unknown[] = [null, true, [], {}, 12345, 'tekst', [null], { nested: { deeper: 1 } }];
  const arbitraries: fc.Arbitrary<{ value: unknown; kind: string }>[] = [
    fc.constantFrom(...wrongTypes.filter((v) => !matchesType(v, types))).map(tag('wrong type')),
    hugeString.map(tag('huge string')),
    oddString.map(tag('odd string')),
  ];
  if (types.includes('integer') || types.includes('number'))
    arbitraries.push(oddNumber.map(tag('out-of-range number')));
  if (types.includes('array') && schema.items)
    arbitraries.push(
      badValue(schema.items).map(({ value, kind }) => ({ value: [value], kind: `item: ${kind}` })),
      fc.constant({ value: Array.from({ length: 5000 }, () => 'x'), kind: '5000 items' }),
    );
  return fc.oneof(...arbitraries);
}

function matchesType(value: unknown, types: string[]): boolean {
  if (value === null) return types.includes('null');
  if (Array.isArray(value)) return types.includes('array');
  if (typeof value === 'number') return types.includes('number') || types.includes('integer');
  return types.includes(typeof value);
}

interface BodyCase {
  body: FuzzRequest['body'];
  note: string;
}

/** A body that breaks one thing of a (plausible) body of the schema, recursing into nested objects. */
export function badBody(schema: JsonSchema, at = 'body', depth = 0): fc.Arbitrary<BodyCase> {
  const alternatives = options(schema);
  if (alternatives && alternatives.length > 0)
    return fc.constantFrom(...alternatives).chain((option) => badBody(option, at, depth));
  const base = plausible(schema);
  const json = (value: unknown, note: string): BodyCase => ({ body: { json: value }, note });
  const arbitraries: fc.Arbitrary<BodyCase>[] = [];
  if (depth === 0) {
    arbitraries.push(
      fc
        .constantFrom<unknown>(null, [], 'tekst', 42, true, [base])
        .map((value) => json(value, 'body of the wrong shape')),
      fc
        .constantFrom(
          '{"a":',
          '{',
          'nie-json',
          '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}',
          `${'['.repeat(5000)}${']'.repeat(5000)}`,
          '{"a":1,"a":2}',
          '\u0000',
        )
        .map((raw) => ({ body: { raw }, note: `raw body ${JSON.stringify(raw.slice(0, 30))}` })),
      fc.jsonValue({ maxDepth: 3 }).map((value) => json(value, 'random JSON')),
    );
  }
  const properties = Object.entries(schema.properties ?? {});
  if (typesOf(schema).includes('object') && properties.length > 0 && base && typeof base === 'object') {
    const required = schema.required ?? [];
    if (required.length > 0)
      arbitraries.push(
        fc.constantFrom(...required).map((name) => {
          const copy = { ...(base as Record<string, unknown>) };
          delete copy[name];
          return json(copy, `missing ${at}.${name}`);
        }),
      );
    arbitraries.push(
      fc
        .constantFrom(...properties)
        .chain(([name, property]) =>
          badValue(property).map(({ value, kind }) =>
            json({ ...(base as Record<string, unknown>), [name]: value }, `bad ${at}.${name} (${kind})`),
          ),
        ),
    );
    const nested = properties.filter(([, p]) => typesOf(p).includes('object') || options(p));
    if (nested.length > 0 && depth < 3)
      arbitraries.push(
        fc
          .constantFrom(...nested)
          .chain(([name, property]) =>
            badBody(property, `${at}.${name}`, depth + 1).map((inner) =>
              'json' in (inner.body ?? {})
                ? json(
                    { ...(base as Record<string, unknown>), [name]: (inner.body as { json: unknown }).json },
                    inner.note,
                  )
                : inner,
            ),
          ),
      );
    arbitraries.push(
      fc
        .constantFrom(...ODD_STRINGS.filter((s) => s.length > 0))
        .map((key) => json({ ...(base as Record<string, unknown>), [key]: 1 }, `unknown ${at} key`)),
    );
  }
  if (arbitraries.length === 0 || !typesOf(schema).includes('object'))
    arbitraries.push(badValue(schema).map(({ value, kind }) => json(value, `bad ${at} (${kind})`)));
  return fc.oneof(...arbitraries);
}

/** A path segment, already encoded: a bad id (odd, huge, malformed percent-encoding) or a well-formed unknown one. */
const badSegment: fc.Arbitrary<{ segment: string; kind: string }> = fc.oneof(
  oddString.map((s) => ({ segment: encodeSegment(s), kind: 'odd id' })),
  fc.constantFrom('%', '%zz', '%ED%A0%80', '%C0%AF', '%00', '..', '%2e%2e%2f', 'a%2Fb').map((segment) => ({
    segment,
    kind: 'malformed id',
  })),
  fc.constant({ segment: 'x'.repeat(8000), kind: 'huge id (8 kB)' }),
  fc
    .constantFrom('-1', '0', '99999999999999999999', '1.5')
    .map((segment) => ({ segment, kind: 'number id' })),
);

function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    // a lone surrogate cannot be encoded as UTF-8: send the bytes such a client would (CESU-8)
    return '%ED%A0%80';
  }
}

function fillPath(op: Operation, bad?: { name: string; segment: string }): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (bad && bad.name === name) return bad.segment;
    const schema = op.pathParams.find((p) => p.name === name)?.schema ?? {};
    return encodeSegment(String(plausible(schema.format ? schema : { ...schema, format: 'uuid' })));
  });
}

function plausibleQuery(op: Operation): URLSearchParams {
  const query = new URLSearchParams();
  for (const param of op.queryParams)
    if (param.required) query.set(param.name, String(plausible(param.schema)));
  return query;
}

/** A query string (encoded) — the query is kept under Node's 16 kB header limit, so a huge value is 10 kB. */
function withQuery(path: string, query: URLSearchParams | string): string {
  const text = typeof query === 'string' ? query : query.toString();
  return text ? `${path}?${text}` : path;
}

/** Every kind of bad request that applies to one operation. */
export function requestsFor(op: Operation): fc.Arbitrary<FuzzRequest> {
  const plausibleBody = op.body ? { json: plausible(op.body) } : undefined;
  const kinds: fc.Arbitrary<FuzzRequest>[] = [];
  if (op.body)
    kinds.push(
      badBody(op.body).map(({ body, note }) => ({
        method: op.method,
        url: withQuery(fillPath(op), plausibleQuery(op)),
        body,
        note,
      })),
    );
  if (op.pathParams.length > 0)
    kinds.push(
      fc.tuple(fc.constantFrom(...op.pathParams), badSegment).map(([param, { segment, kind }]) => ({
        method: op.method,
        url: withQuery(fillPath(op, { name: param.name, segment }), plausibleQuery(op)),
        body: plausibleBody,
        note: `bad path ${param.name} (${kind})`,
      })),
    );
  if (op.queryParams.length > 0) {
    const queryValue = fc.oneof(
      oddString.map((v) => ({ value: v, kind: 'odd string' })),
      fc.constant({ value: 'x'.repeat(10_000), kind: 'huge string (10 kB)' }),
      oddNumber.map((v) => ({ value: String(v), kind: 'out-of-range number' })),
    );
    kinds.push(
      fc.tuple(fc.constantFrom(...op.queryParams), queryValue).map(([param, { value, kind }]) => {
        const query = plausibleQuery(op);
        query.set(param.name, value);
        return {
          method: op.method,
          url: withQuery(fillPath(op), query),
          body: plausibleBody,
          note: `bad query ${param.name} (${kind})`,
        };
      }),
      fc.constantFrom(...op.queryParams).map((param) => {
        const query = plausibleQuery(op);
        query.append(param.name, '1');
        query.append(param.name, '2');
        return {
          method: op.method,
          url: withQuery(fillPath(op), query),
          body: plausibleBody,
          note: `query ${param.name} repeated (array)`,
        };
      }),
      fc.constantFrom('%', '%zz', '%ED%A0%80', 'a[b]=1', '__proto__=1', 'constructor=x').map((raw) => ({
        method: op.method,
        url: withQuery(fillPath(op), `${plausibleQuery(op).toString()}&${raw}`.replace(/^&/, '')),
        body: plausibleBody,
        note: `malformed query ${raw}`,
      })),
    );
    const required = op.queryParams.filter((p) => p.required);
    if (required.length > 0)
      kinds.push(
        fc.constantFrom(...required).map((param) => {
          const query = plausibleQuery(op);
          query.delete(param.name);
          return {
            method: op.method,
            url: withQuery(fillPath(op), query),
            body: plausibleBody,
            note: `missing query ${param.name}`,
          };
        }),
      );
  }
  if (kinds.length === 0)
    // no input at all: the plausible request itself, with odd headers' worth of nothing to break
    kinds.push(fc.constant({ method: op.method, url: fillPath(op), note: 'no input to break' }));
  return fc.oneof(...kinds);
}
