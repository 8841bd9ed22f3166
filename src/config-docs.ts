import os from 'node:os';
import path from 'node:path';
import { configSchema, loadConfig } from './config';

export interface ConfigDoc {
  key: string;
  defaultValue: string;
  description: string;
}

/** The configuration table of the README, generated from the schema (a test keeps the two in agreement). */
export function configDocs(): ConfigDoc[] {
  const defaults = loadConfig({}) as Record<string, unknown>;
  return Object.entries(configSchema.shape).map(([key, schema]) => ({
    key,
    defaultValue: displayDefault(defaults[key]),
    description: schema.description ?? '',
  }));
}

export function configTable(): string {
  const rows = configDocs().map((doc) => `| \`${doc.key}\` | ${doc.defaultValue} | ${doc.description} |`);
  return ['| zmienna | domyślnie | znaczenie |', '| --- | --- | --- |', ...rows].join('\n');
}

function displayDefault(value: unknown): string {
  if (value === undefined) return '—';
  const text = String(value).replace(path.resolve('data'), './data').replace(os.homedir(), '~');
  return `\`${text}\``;
}
