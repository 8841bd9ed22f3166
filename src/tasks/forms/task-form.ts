import type { z } from 'zod';
import type { Queryable } from '../../db/database';

/** A field as the HTML page renders it (labels in Polish; names = the keys the schema validates). */
export interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'number' | 'date' | 'radio' | 'select';
  required?: boolean;
  hint?: string;
  options?: { value: string; label: string }[];
  inputmode?: 'numeric' | 'decimal';
}

export interface SubmitContext {
  userTaskKey: string;
  processInstanceKey: string;
  userId: string;
  now: Date;
  /** The task's process variables the form asked for (`TaskForm.variables`), read from the engine before the transaction. */
  variables?: Record<string, unknown>;
}

/**
 * What a user task accepts. The schema validates on the server (400 naming the field); `submit` writes what
 * belongs in the case file and returns only the variables the process needs — never personal data.
 */
export interface TaskForm {
  title: string;
  fields: FieldSpec[];
  schema: z.ZodType<Record<string, unknown>>;
  /** Process variables of the task's own instance the form needs (e.g. the decisionId the task was created for). */
  variables?: string[];
  /** Figures the person needs, computed for this task's instance, shown under the named fields (field → text). */
  hints?(db: Queryable, processInstanceKey: string): Promise<Partial<Record<string, string>>>;
  submit(tx: Queryable, input: Record<string, unknown>, ctx: SubmitContext): Promise<Record<string, unknown>>;
}

/**
 * The case of a process instance (every task after register-case has one): the case is registered on the root
 * instance, and a team's sub-process (a call activity's child instance) belongs to the same case.
 */
export const caseOfInstanceSql = (param = '$1'): string =>
  `SELECT c.id FROM cases c WHERE c.process_instance_key = COALESCE(
     (SELECT root_process_instance_key FROM process_instances WHERE process_instance_key = ${param}), ${param})`;

export async function caseOfInstance(tx: Queryable, processInstanceKey: string): Promise<string> {
  const [row] = await tx.query<{ id: string }>(caseOfInstanceSql(), [processInstanceKey]);
  if (!row) throw new Error(`Brak sprawy dla instancji ${processInstanceKey}`);
  return row.id;
}
