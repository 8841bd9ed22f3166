import type { User } from '../auth/users';
import type { Database, Queryable } from '../db/database';
import type { EngineCommands } from '../engine-commands/commands';
import type { StoredCommand } from '../engine-commands/command';
import { systemClock, type Clock } from '../domain/clock';
import { engineError } from '../engine/engine-errors';
import type { EnginePort } from '../engine/port';
import { AppError } from '../errors/app-error';
import { getTask } from './task-queries';
import { processVariables, validateSubmission, type FormSchema } from './form-schema';
import { TASK_FORMS } from './forms';
import { caseOfInstanceSql } from './forms/task-form';

interface Deps {
  db: Database;
  engine: EnginePort;
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
    // Camunda 7's claim refuses a task someone else holds (→ a clear conflict, not an override)
    await deps.engine.claimTask(userTaskKey, user.login);
  } catch (error) {
    throw engineError(error, 'Nie udało się przypisać zadania');
  }
  await deps.db.query('UPDATE user_tasks SET assignee = $2, claimed_at = $3 WHERE user_task_key = $1', [
    userTaskKey,
    user.login,
    (deps.now ?? systemClock)(),
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
    await deps.engine.assignTask(userTaskKey, assignee);
  } catch (error) {
    throw engineError(error, 'Nie udało się przekazać zadania');
  }
  await deps.db.query('UPDATE user_tasks SET assignee = $2, claimed_at = $3 WHERE user_task_key = $1', [
    userTaskKey,
    assignee,
    (deps.now ?? systemClock)(),
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
    await deps.engine.unclaimTask(userTaskKey);
  } catch (error) {
    throw engineError(error, 'Nie udało się zwolnić zadania');
  }
  await deps.db.query('UPDATE user_tasks SET assignee = NULL, claimed_at = NULL WHERE user_task_key = $1', [
    userTaskKey,
  ]);
}

/** Validates the form, writes the case-file part, then completes the task in the engine with process variables only. */
/**
 * Validates and stores what the person submitted in the caller's transaction, returning the process variables: the
 * application's own forms (TASK_FORMS) or the task's Camunda Form, validated on the server against the deployed
 * schema (read before the transaction: it is an engine call).
 */
async function prepareSubmission(
  deps: Deps,
  task: NonNullable<Awaited<ReturnType<typeof getTask>>>,
  user: User,
  input: Record<string, unknown>,
): Promise<(tx: Queryable) => Promise<Record<string, unknown>>> {
  const own = TASK_FORMS[task.element_id];
  if (own) {
    own.schema.parse(input);
    let variables: Record<string, unknown> = {};
    if (own.variables?.length) {
      try {
        const all = await deps.engine.processVariables(task.process_instance_key);
        variables = Object.fromEntries(own.variables.map((name) => [name, all[name]]));
      } catch (error) {
        throw engineError(error, 'Nie udało się zakończyć zadania');
      }
    }
    return (tx) =>
      own.submit(tx, input, {
        userTaskKey: task.user_task_key,
        processInstanceKey: task.process_instance_key,
        userId: user.id,
        now: (deps.now ?? systemClock)(),
        variables,
      });
  }
  const form = await loadForm(deps, task);
  if (!form)
    throw new AppError({ code: 'not-found', message: `Brak formularza dla kroku ${task.element_id}.` });
  const data = validateSubmission(form.schema, input);
  return async (tx) => {
    await tx.query(
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
  };
}

/**
 * The task's Camunda Form as the engine binds it (`camunda:formRef`, `GET /task/{id}/deployed-form`): the very
 * version the task was created with, so the server validates against what the person saw.
 */
export async function loadForm(
  deps: Deps,
  task: { user_task_key: string; form_key: string | null },
): Promise<{ formId: string; schema: FormSchema } | undefined> {
  if (!task.form_key) return undefined;
  let text: string | undefined;
  try {
    text = await deps.engine.deployedForm(task.user_task_key);
  } catch (error) {
    throw engineError(error, 'Nie udało się wczytać formularza zadania');
  }
  if (text === undefined) return undefined;
  const schema = JSON.parse(text) as FormSchema & { id?: string };
  return { formId: schema.id ?? task.form_key, schema };
}

/** The task's Camunda Form with data to pre-fill: the case summary and anything submitted before. */
export async function taskFormView(deps: Deps, userTaskKey: string, user: User) {
  const task = await openTaskFor(deps, userTaskKey, user);
  const form = await loadForm(deps, task);
  if (!form) return undefined;
  const [context] = await deps.db.query<{
    id: string;
    case_number: string;
    first_name: string;
    last_name: string;
    need: string;
  }>(
    `SELECT c.id, c.case_number, cl.first_name, cl.last_name, c.need FROM cases c JOIN clients cl ON cl.id = c.client_id
      WHERE c.id = (${caseOfInstanceSql()})`,
    [task.process_instance_key],
  );
  // the prefill shows the client's data: a read of the case like any other (RODO, issue 10)
  if (context)
    await deps.db.query(
      `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'case-read', 'case', $2, $3)`,
      [user.id, context.id, JSON.stringify({ channel: 'form-prefill', userTaskKey })],
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

/** The task was completed before with the same command (a repeat): nothing of this attempt is kept. */
class RepeatedCompletion extends Error {
  constructor(readonly command: StoredCommand) {
    super('repeated completion');
  }
}

/**
 * Completes a task: the person claims it first (a race with someone else's claim is a clear conflict, so no one's
 * form data is overwritten by the loser of the race); then the case-file part of the form and the engine command
 * `complete-task` commit together, and the command is sent. A repeat of the same completion (a lost answer, a
 * double click) stores nothing new and sends the first one again. When the engine does not answer, the completion
 * is queued (`queued: true`) and the dispatcher completes the task when it can.
 */
export async function completeTask(
  deps: Deps & { commands: EngineCommands },
  userTaskKey: string,
  user: User,
  input: Record<string, unknown>,
): Promise<{ queued: boolean }> {
  const task = await openTaskFor(deps, userTaskKey, user);
  if (task.assignee && task.assignee !== user.login) {
    throw new AppError({
      code: 'conflict',
      message: `Zadanie jest przypisane do: ${task.assignee}. Najpierw je przejmij.`,
    });
  }
  const submit = await prepareSubmission(deps, task, user, input);
  if (!task.assignee) {
    try {
      await deps.engine.claimTask(userTaskKey, user.login);
    } catch (error) {
      throw engineError(error, 'Nie udało się zakończyć zadania');
    }
  }
  let commandId: string;
  try {
    commandId = await deps.db.transaction(async (tx) => {
      const variables = await submit(tx);
      // claimed only to be completed now: its working time runs from its creation (README, "Miara reformy")
      if (!task.assignee)
        await tx.query('UPDATE user_tasks SET claimed_on_completion = true WHERE user_task_key = $1', [
          userTaskKey,
        ]);
      const { command, inserted } = await deps.commands.enqueue(tx, {
        idempotencyKey: `complete-task:${userTaskKey}`,
        command: { kind: 'complete-task', taskId: userTaskKey, variables },
        createdBy: user.id,
      });
      if (!inserted) throw new RepeatedCompletion(command);
      return command.id;
    });
  } catch (error) {
    if (!(error instanceof RepeatedCompletion)) throw error;
    if (error.command.createdBy !== user.id)
      throw new AppError({ code: 'conflict', message: 'To zadanie zakończył już ktoś inny.' });
    commandId = error.command.id;
  }
  const sent = await deps.commands.send(commandId);
  if (sent.status === 'failed') {
    throw new AppError({
      code: 'conflict',
      message: `Nie udało się zakończyć zadania: ${sent.lastError ?? 'silnik odrzucił polecenie'}.`,
    });
  }
  if (sent.status === 'done') {
    await deps.db.query(
      `UPDATE user_tasks SET state = 'COMPLETED', assignee = $2, completed_at = COALESCE(completed_at, $3)
        WHERE user_task_key = $1`,
      [userTaskKey, user.login, (deps.now ?? systemClock)()],
    );
  }
  return { queued: sent.status !== 'done' };
}
