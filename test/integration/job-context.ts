import { randomInt, randomUUID } from 'node:crypto';
import type { Database } from '../../src/db/database';
import { createLogger } from '../../src/logger';
import type { JobContext } from '../../workers/job-worker';

const log = createLogger({ LOG_LEVEL: 'warn', NODE_ENV: 'test' });

/** A job as a worker's `handle()` sees it; the same `jobKey` twice is a redelivery of the same job. */
export function jobContext(
  taskType: string,
  variables: Record<string, unknown>,
  keys: { jobKey?: string } = {},
): JobContext {
  const key = keys.jobKey ?? String(2_251_799_813_685_248n + BigInt(randomInt(1, 2 ** 40)));
  return {
    jobKey: key,
    processInstanceKey: `pi-${key}`,
    elementInstanceKey: `ei-${key}`,
    bpmnProcessId: 'mops-case',
    elementId: taskType,
    retries: 3,
    variables,
    customHeaders: {},
    log,
  };
}

/**
 * A valid PESEL no other test is likely to use (born 1950–1999, random serial; weights 1-3-7-9): the case process
 * recognises a person with an open case by PESEL, so tests that must not meet each other's cases take their own.
 */
export function randomPesel(): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const body = `${pad(randomInt(50, 100))}${pad(randomInt(1, 13))}${pad(randomInt(1, 29))}${pad(randomInt(0, 10_000), 4)}`;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** An intake (what first contact wrote) straight in the case file. */
export async function insertIntake(
  db: Database,
  person: { pesel?: string | null; documentNumber?: string | null; need?: string; lastName?: string },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO intakes (user_task_key, first_name, last_name, pesel, document_number, need)
     VALUES ($1, 'Anna', $2, $3, $4, $5) RETURNING id`,
    [
      `test-${randomUUID()}`,
      person.lastName ?? 'Testowa',
      person.pesel ?? null,
      person.documentNumber ?? null,
      person.need ?? 'zasiłek okresowy',
    ],
  );
  return String(row?.id);
}

export const DELIVERIES = 8;
