import type { Camunda8 } from '@camunda8/sdk';
import type { User } from '../auth/users';
import type { Database } from '../db/database';
import { systemClock, type Clock } from '../domain/clock';
import { engineError } from '../engine/engine-errors';
import { AppError } from '../errors/app-error';
import { getTask } from './task-queries';
import { processVariables, validateSubmission, type FormSchema } from './form-schema';
import { TASK_FORMS } from './forms';
import { caseOfInstanceSql } from './forms/task-form';

interface Deps {
  db: Database;
  engine: Camunda8;
  now?: Clock;
}

/** The task, if it is open and the user may work on it (one of its groups, or assigned to them). */
export async function openTaskFor(deps: Deps, userTaskKey: string, user: User) {
  const task = await getTask(deps.db, userTaskKey);
  if (!task)
    throw new AppError({
      code: 'not-found',
      message: 'Nie ma takiego zadania (albo jeszcze nie dotarło z silnika).',
    });
  const allowed =
    task.candidate_groups.some((group) => user.roles.includes(group)) || task.assignee === user.login;
  if (!allowed) throw new AppError({ code: 'forbidden', message: 'To zadanie należy do innego zespołu.' });
  if (task.state !== 'CREATED') {
    throw new AppError({ code: 'conflict', message: 'To zadanie zostało już zakończone albo anulowane.' });
  }
  return task;
}

export async function claimTask(deps: Deps, userTaskKey: string, user: User): Promise<void> {
  const task = await openTaskFor(deps, userTaskKey, user);
  if (task.assignee && task.assignee !== user.login) {
    throw new AppError({ code: 'conflict', message: `Zadanie jest już przypisane do: ${task.assignee}.` });
  }
  try {
    await deps.engine
      .getCamundaRestClient()
      .assignUserTask({ userTaskKey, assignee: user.login, allowOverride: false });
  } catch (error) {
    throw engineError(error, 'Nie udało się przypisać zadania');
  }
  await deps.db.query('UPDATE user_tasks SET assignee = $2 WHERE user_task_key = $1', [
    userTaskKey,
    user.login,
  ]);
}

/** A manager hands an open task to another person (the engine's assignment is overridden). */
export async function reassignTask(
  deps: Deps,
  userTaskKey: string,
  manager: User,
  assignee: string,
): Promise<void> {
  const task = await getTask(deps.db, userTaskKey);
  if (!task || task.state !== 'CREATED') {
    throw new AppError({ code: 'conflict', message: 'To zadanie zostało już zakończone albo anulowane.' });
  }
  const [target] = await deps.db.query<{ roles: string[] }>(
    'SELECT roles FROM users WHERE login = $1 AND active',
    [assignee],
  );
  if (!target)
    throw new AppError({
      code: 'validation',
      field: 'assignee',
      message: `Nie ma aktywnego konta ${assignee}.`,
    });
  if (!task.candidate_groups.some((group) => target.roles.includes(group))) {
    throw new AppError({
      code: 'validation',
      field: 'assignee',
      message: `${assignee} nie należy do zespołu tego zadania.`,
    });
  }
  try {
    await deps.engine.getCamundaRestClient().assignUserTask({ userTaskKey, assignee, allowOverride: true });
  } catch (error) {
    throw engineError(error, 'Nie udało się przekazać zadania');
  }
  await deps.db.query('UPDATE user_tasks SET assignee = $2 WHERE user_task_key = $1', [
    userTaskKey,
    assignee,
  ]);
  await deps.db.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'task-reassigned', 'user-task', $2, $3)`,
    [manager.id, userTaskKey, JSON.stringify({ assignee })],
  );
}

export async function unclaimTask(deps: Deps, userTaskKey: string, user: User): Promise<void> {
  const task = await openTaskFor(deps, userTaskKey, user);
  if (task.assignee !== user.login && !user.roles.includes('managers')) {
    throw new AppError({
      code: 'forbidden',
      message: 'Zwolnić zadanie może tylko osoba, do której jest przypisane, lub kierownik.',
    });
  }
  try {
    await deps.engine.getCamundaRestClient().unassignUserTask({ userTaskKey });
  } catch (error) {
    throw engineError(error, 'Nie udało się zwolnić zadania');
  }
  await deps.db.query('UPDATE user_tasks SET assignee = NULL WHERE user_task_key = $1', [userTaskKey]);
}

/** Validates the form, writes the case-file part, then completes the task in the engine with process variables only. */
/**
 * Validates and stores what the person submitted, returning the process variables: the slice's own forms
 * (TASK_FORMS) or the task's Camunda Form, validated on the server against the deployed schema.
 */
async function submitForm(
  deps: Deps,
  task: NonNullable<Awaited<ReturnType<typeof getTask>>>,
  user: User,
  input: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const own = TASK_FORMS[task.element_id];
  if (own) {
    own.schema.parse(input);
    return deps.db.transaction((tx) =>
      own.submit(tx, input, {
        userTaskKey: task.user_task_key,
        processInstanceKey: task.process_instance_key,
        userId: user.id,
        now: (deps.now ?? systemClock)(),
      }),
    );
  }
  const form = task.form_key ? await loadForm(deps.db, task.form_key) : undefined;
  if (!form)
    throw new AppError({ code: 'not-found', message: `Brak formularza dla kroku ${task.element_id}.` });
  const data = validateSubmission(form.schema, input);
  await deps.db.query(
    `INSERT INTO task_submissions (user_task_key, case_id, element_id, form_id, data, submitted_by)
     VALUES ($1, (${caseOfInstanceSql('$2')}), $3, $4, $5, $6)
     ON CONFLICT (user_task_key) DO UPDATE SET data = EXCLUDED.data, submitted_by = EXCLUDED.submitted_by, submitted_at = now()`,
    [
      task.user_task_key,
      task.process_instance_key,
      task.element_id,
      form.formId,
      JSON.stringify(data),
      user.id,
    ],
  );
  return processVariables(form.schema, data);
}

export async function loadForm(
  db: Database,
  formKey: string,
): Promise<{ formId: string; schema: FormSchema } | undefined> {
  const [row] = await db.query<{ form_id: string; schema: FormSchema | string }>(
    'SELECT form_id, schema FROM forms WHERE form_key = $1',
    [formKey],
  );
  if (!row) return undefined;
  return {
    formId: row.form_id,
    schema: typeof row.schema === 'string' ? (JSON.parse(row.schema) as FormSchema) : row.schema,
  };
}

/** The task's Camunda Form with data to pre-fill: the case summary and anything submitted before. */
export async function taskFormView(deps: Deps, userTaskKey: string, user: User) {
  const task = await openTaskFor(deps, userTaskKey, user);
  const form = task.form_key ? await loadForm(deps.db, task.form_key) : undefined;
  if (!form) return undefined;
  const [context] = await deps.db.query<{
    case_number: string;
    first_name: string;
    last_name: string;
    need: string;
  }>(
    `SELECT c.case_number, cl.first_name, cl.last_name, c.need FROM cases c JOIN clients cl ON cl.id = c.client_id
      WHERE c.id = (${caseOfInstanceSql()})`,
    [task.process_instance_key],
  );
  const [previous] = await deps.db.query<{ data: Record<string, unknown> }>(
    'SELECT data FROM task_submissions WHERE user_task_key = $1',
    [userTaskKey],
  );
  return {
    userTaskKey,
    elementId: task.element_id,
    schema: form.schema,
    data: {
      ...(context
        ? {
            caseNumber: context.case_number,
            clientFirstName: context.first_name,
            clientLastName: context.last_name,
            need: context.need,
          }
        : {}),
      ...(previous?.data ?? {}),
    },
  };
}

export async function completeTask(
  deps: Deps,
  userTaskKey: string,
  user: User,
  input: Record<string, unknown>,
): Promise<void> {
  const task = await openTaskFor(deps, userTaskKey, user);
  if (task.assignee && task.assignee !== user.login) {
    throw new AppError({
      code: 'conflict',
      message: `Zadanie jest przypisane do: ${task.assignee}. Najpierw je przejmij.`,
    });
  }
  const variables = await submitForm(deps, task, user, input);
  const rest = deps.engine.getCamundaRestClient();
  try {
    if (!task.assignee)
      await rest.assignUserTask({ userTaskKey, assignee: user.login, allowOverride: false });
    await rest.completeUserTask({ userTaskKey, variables });
  } catch (error) {
    throw engineError(error, 'Nie udało się zakończyć zadania');
  }
  await deps.db.query(`UPDATE user_tasks SET state = 'COMPLETED', assignee = $2 WHERE user_task_key = $1`, [
    userTaskKey,
    user.login,
  ]);
}
