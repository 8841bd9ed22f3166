import type { Queryable } from '../db/database';
import { warsawDate } from '../domain/calendar-date';
import {
  reformSplit,
  splitShift,
  type MeasuredTask,
  type SplitRow,
  type SplitShift,
} from '../domain/monitoring/reform-split';
import { categoryOf, type TaskCategory } from '../domain/monitoring/task-category';
import { workingSeconds, workingStart } from '../domain/monitoring/task-duration';
import { loadClassification } from './task-classification';
import type { ReformQuery, ReformTasksQuery } from './monitoring-queries';

export interface ReformMeasure {
  from: string | null;
  to: string | null;
  centre: SplitRow[];
  teams: SplitRow[];
  people: SplitRow[];
  shift: SplitShift | undefined;
  /** Display names: people by login, teams by role id. */
  names: { people: Record<string, string>; teams: Record<string, string> };
}

interface TaskRow {
  user_task_key: string;
  element_id: string;
  assignee: string | null;
  candidate_groups: string[];
  created_at: Date;
  claimed_at: Date | null;
  claimed_on_completion: boolean;
  completed_at: Date;
}

/** Month bounds as Warsaw instants: [first day of `from` 00:00, first day after `to` 00:00). */
function monthRange(from: string | undefined, to: string | undefined): [string | null, string | null] {
  const start = from ? `${from}-01T00:00:00` : null;
  let end: string | null = null;
  if (to) {
    const [y, m] = to.split('-').map(Number) as [number, number];
    end = m === 12 ? `${y + 1}-01-01T00:00:00` : `${y}-${String(m + 1).padStart(2, '0')}-01T00:00:00`;
  }
  return [start, end];
}

async function completedTasks(
  db: Queryable,
  filter: { from?: string; to?: string; team?: string; person?: string },
): Promise<(MeasuredTask & { key: string })[]> {
  const [start, end] = monthRange(filter.from, filter.to);
  const [rows, teamRows] = await Promise.all([
    db.query<TaskRow>(
      `SELECT t.user_task_key, t.element_id, t.assignee, t.candidate_groups, t.created_at, t.claimed_at,
              t.claimed_on_completion, t.completed_at
         FROM user_tasks t
        WHERE t.state = 'COMPLETED' AND t.completed_at IS NOT NULL
          AND ($1::text IS NULL OR t.completed_at >= ($1::timestamp AT TIME ZONE 'Europe/Warsaw'))
          AND ($2::text IS NULL OR t.completed_at < ($2::timestamp AT TIME ZONE 'Europe/Warsaw'))
          AND ($3::text IS NULL OR t.assignee = $3)
          AND ($4::text IS NULL OR $4 = ANY (t.candidate_groups))`,
      [start, end, filter.person ?? null, filter.team ?? null],
    ),
    db.query<{ role_id: string }>('SELECT DISTINCT role_id FROM teams'),
  ]);
  // the task's team: the first of its candidate groups that is a team of the centre
  const teams = new Set(teamRows.map((row) => row.role_id));
  const teamOf = (groups: string[]) => groups.find((group) => teams.has(group)) ?? null;
  return rows
    .map((row) => ({ row, team: teamOf(row.candidate_groups) }))
    .filter(({ team }) => filter.team === undefined || team === filter.team)
    .map(({ row, team }) => ({
      key: row.user_task_key,
      taskKey: row.element_id,
      person: row.assignee,
      team,
      createdAt: new Date(row.created_at),
      claimedAt: row.claimed_at === null ? null : new Date(row.claimed_at),
      claimedOnCompletion: Boolean(row.claimed_on_completion),
      completedAt: new Date(row.completed_at),
    }));
}

/** The reform's measure for the period (README, "Miara reformy"). */
export async function reformMeasure(db: Queryable, query: ReformQuery): Promise<ReformMeasure> {
  const [tasks, classification] = await Promise.all([completedTasks(db, query), loadClassification(db)]);
  const centre = reformSplit(tasks, classification, 'centre');
  const people = reformSplit(tasks, classification, 'person');
  const teams = reformSplit(tasks, classification, 'team');
  return {
    from: centre[0]?.month ?? null,
    to: centre[centre.length - 1]?.month ?? null,
    centre,
    teams,
    people,
    shift: splitShift(centre),
    names: await names(db, [...new Set(people.map((r) => r.key))]),
  };
}

export async function names(
  db: Queryable,
  logins: string[],
): Promise<{ people: Record<string, string>; teams: Record<string, string> }> {
  const [people, teams] = await Promise.all([
    db.query<{ login: string; display_name: string }>(
      'SELECT login, display_name FROM users WHERE login = ANY ($1::text[])',
      [logins],
    ),
    db.query<{ role_id: string; name: string }>('SELECT role_id, name FROM teams ORDER BY id'),
  ]);
  const teamNames: Record<string, string> = {};
  for (const team of teams) teamNames[team.role_id] ??= team.name;
  return { people: Object.fromEntries(people.map((p) => [p.login, p.display_name])), teams: teamNames };
}

export interface ReformTask {
  userTaskKey: string;
  taskKey: string;
  taskName: string;
  category: TaskCategory;
  person: string | null;
  team: string | null;
  caseId: string | null;
  caseNumber: string | null;
  createdAt: string;
  /** The start the rule used: the claim, or the creation when never claimed. */
  startedAt: string;
  completedAt: string;
  seconds: number;
}

/** The tasks behind one figure: completed in the month, by the person or team, of the category. */
export async function reformTasks(db: Queryable, query: ReformTasksQuery): Promise<ReformTask[]> {
  const [tasks, classification] = await Promise.all([
    completedTasks(db, { from: query.month, to: query.month, team: query.team, person: query.person }),
    loadClassification(db),
  ]);
  const chosen = tasks.filter(
    (task) =>
      warsawDate(task.completedAt).slice(0, 7) === query.month &&
      (query.category === undefined || categoryOf(classification, task.taskKey) === query.category),
  );
  if (chosen.length === 0) return [];
  const details = await db.query<{
    user_task_key: string;
    name: string | null;
    case_id: string | null;
    case_number: string | null;
  }>(
    `SELECT t.user_task_key, COALESCE(t.name, e.name, t.element_id) AS name, c.id AS case_id, c.case_number
       FROM user_tasks t
       LEFT JOIN process_elements e ON e.bpmn_process_id = t.bpmn_process_id AND e.element_id = t.element_id
       LEFT JOIN cases c ON c.process_instance_key = t.root_process_instance_key
      WHERE t.user_task_key = ANY ($1::text[])`,
    [chosen.map((task) => task.key)],
  );
  const byKey = new Map(details.map((row) => [row.user_task_key, row]));
  return chosen
    .map((task) => {
      const row = byKey.get(task.key);
      const seconds = workingSeconds(task);
      return {
        userTaskKey: task.key,
        taskKey: task.taskKey,
        taskName: row?.name ?? task.taskKey,
        category: categoryOf(classification, task.taskKey),
        person: task.person,
        team: task.team,
        caseId: row?.case_id ?? null,
        caseNumber: row?.case_number ?? null,
        createdAt: task.createdAt.toISOString(),
        startedAt: workingStart(task).toISOString(),
        completedAt: task.completedAt.toISOString(),
        seconds,
      };
    })
    .sort((a, b) => a.completedAt.localeCompare(b.completedAt));
}
