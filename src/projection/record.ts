import { isSafeNumber, parse } from 'lossless-json';
import { z } from 'zod';

/** One engine record as the exporter sends it (Record#toJson), with int64 keys kept as strings. */
const key = z.union([z.string(), z.number()]).transform((value) => String(value));

export const engineRecordSchema = z
  .object({
    partitionId: z.number().int(),
    position: key,
    key,
    timestamp: z.number(),
    valueType: z.string(),
    intent: z.string(),
    recordType: z.string(),
    value: z.record(z.string(), z.unknown()),
  })
  .passthrough();

export type EngineRecord = z.infer<typeof engineRecordSchema>;

export const engineBatchSchema = z.object({
  partitionId: z.number().int(),
  records: z.array(engineRecordSchema),
});

export type EngineBatch = z.infer<typeof engineBatchSchema>;

/** Parses JSON without losing int64 precision: unsafe integers stay strings. */
export function parseLossless(text: string): unknown {
  return parse(text, null, (value) => (isSafeNumber(value) ? Number(value) : value));
}

export function text(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return String(value);
}

export function textList(value: unknown): string[] {
  return Array.isArray(value) ? value.map((item) => String(item)) : [];
}
