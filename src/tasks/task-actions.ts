import type { Camunda8 } from '@camunda8/sdk';
import type { User } from '../auth/users';
import type { Database } from '../db/database';
import { engineError } from '../engine/engine-errors';
import { AppError } from '../errors/app-error';
import { getTask } from './task-queries';
import { TASK_FORMS } from './task-forms';

interface Deps {
  db: Database;
  engine: Camunda8;
}

/** The task, if it is open and the user may work on it (one of its groups, or assigned to them). */
async function openTaskFor(deps: Deps, userTaskKey: string, user: User) {
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
  const form = TASK_FORMS[task.element_id];
  if (!form)
    throw new AppError({ code: 'not-found', message: `Brak formularza dla kroku ${task.element_id}.` });
  form.schema.parse(input);
  const variables = await deps.db.transaction((tx) =>
    form.submit(tx, input, { userTaskKey, userId: user.id }),
  );
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
