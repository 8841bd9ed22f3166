import { z } from 'zod';
import type { Database } from '../db/database';
import { addDays, isValidDate, warsawDate } from '../domain/calendar-date';
import { ageInDays } from '../domain/deadline-watch';
import { warsawDateTime } from '../domain/warsaw-time';

const day = (what: string) =>
  z.string().refine(isValidDate, 'data w postaci RRRR-MM-DD').optional().describe(what);

/** The workload page's and API's filter: the period of completed tasks, and a drill-down to one person or team. */
export const workloadQuerySchema = z
  .object({
    from: day('Początek okresu (RRRR-MM-DD, Warszawa), domyślnie 30 dni przed dziś'),
    to: day('Koniec okresu włącznie (RRRR-MM-DD), domyślnie dziś'),
    person: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('Szczegóły: otwarte zadania osoby (login; „-” to nieprzypisane)'),
    team: z
      .string()
      .regex(/^[a-z-]{1,50}$/, 'identyfikator zespołu (roli)')
      .optional()
      .describe('Szczegóły: otwarte zadania zespołu (rola)'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'początek po końcu okresu', path: ['from'] });
export type WorkloadQuery = z.infer<typeof workloadQuerySchema>;

export interface PersonLoad {
  login: string;
  displayName: string | null;
  open: number;
  completed: number;
  oldestOpenAt: string | null;
  oldestOpenDays: number | null;
}

export interface TeamLoad {
  role: string;
  teamName: string | null;
  open: number;
  unassigned: number;
  completed: number;
  oldestOpenAt: string | null;
  oldestOpenDays: number | null;
}

export interface RoleLoad {
  role: string;
  people: number;
  open: number;
  /** Open tasks per person with the role, to one decimal (null when nobody has the role). */
  openPerPerson: number | null;
}

export interface OpenTask {
  userTaskKey: string;
  elementId: string;
  taskName: string;
  teamRole: string | null;
  assignee: string | null;
  assigneeName: string | null;
  createdAt: string;
  ageDays: number;
  dueAt: string | null;
  caseId: string | null;
  caseNumber: string | null;
}

export interface WorkloadReport {
  period: { from: string; to: string };
  people: PersonLoad[];
  teams: TeamLoad[];
  roles: RoleLoad[];
  /** The tasks behind a drill-down (person or team), the oldest first; absent without one. */
  tasks?: { person?: string; team?: string; items: OpenTask[] };
}

/** The drill-down lists at most this many tasks (the oldest). */
export const DRILL_DOWN_LIMIT = 500;

/**
 * Open tasks and tasks completed in the period, per person (the assignee; completed = completed while assigned to
 * them) and per team (the task's first candidate group), the age of the oldest open task, and per role the open
 * tasks per person who has the role.
 */
export async function workloadReport(db: Database, query: WorkloadQuery, now: Date): Promise<WorkloadReport> {
  const to = query.to ?? warsawDate(now);
  const from = query.from ?? addDays(to, -30);
  const start = new Date(warsawDateTime(from, '00:00'));
  const end = new Date(warsawDateTime(addDays(to, 1), '00:00'));
  const [people, teams, roles, tasks] = await Promise.all([
    peopleLoad(db, start, end, now),
    teamsLoad(db, start, end, now),
    rolesLoad(db),
    query.person || query.team ? openTasks(db, query, now) : Promise.resolve(undefined),
  ]);
  return {
    period: { from, to },
    people,
    teams,
    roles,
    ...(tasks ? { tasks: { person: query.person, team: query.team, items: tasks } } : {}),
  };
}

async function peopleLoad(db: Database, start: Date, end: Date, now: Date): Promise<PersonLoad[]> {
  const rows = await db.query<{
    login: string;
    display_name: string | null;
    open: string;
    completed: string;
    oldest: Date | string | null;
  }>(
    `SELECT l.login, u.display_name, l.open, l.completed, l.oldest
       FROM (SELECT t.assignee AS login,
                    count(*) FILTER (WHERE t.state = 'CREATED') AS open,
                    count(*) FILTER (WHERE t.state = 'COMPLETED' AND t.updated_at >= $1 AND t.updated_at < $2) AS completed,
                    min(t.created_at) FILTER (WHERE t.state = 'CREATED') AS oldest
               FROM user_tasks t
              WHERE t.assignee IS NOT NULL
                AND (t.state = 'CREATED' OR (t.state = 'COMPLETED' AND t.updated_at >= $1 AND t.updated_at < $2))
              GROUP BY t.assignee) l
       LEFT JOIN users u ON u.login = l.login
      ORDER BY l.open DESC, l.login`,
    [start, end],
  );
  return rows.map((row) => ({
    login: row.login,
    displayName: row.display_name,
    open: Number(row.open),
    completed: Number(row.completed),
    ...oldest(row.oldest, now),
  }));
}

async function teamsLoad(db: Database, start: Date, end: Date, now: Date): Promise<TeamLoad[]> {
  const rows = await db.query<{
    role: string;
    team_name: string | null;
    open: string;
    unassigned: string;
    completed: string;
    oldest: Date | string | null;
  }>(
    `SELECT l.role, (SELECT tm.name FROM teams tm WHERE tm.role_id = l.role ORDER BY tm.name LIMIT 1) AS team_name,
            l.open, l.unassigned, l.completed, l.oldest
       FROM (SELECT t.candidate_groups[1] AS role,
                    count(*) FILTER (WHERE t.state = 'CREATED') AS open,
                    count(*) FILTER (WHERE t.state = 'CREATED' AND t.assignee IS NULL) AS unassigned,
                    count(*) FILTER (WHERE t.state = 'COMPLETED' AND t.updated_at >= $1 AND t.updated_at < $2) AS completed,
                    min(t.created_at) FILTER (WHERE t.state = 'CREATED') AS oldest
               FROM user_tasks t
              WHERE cardinality(t.candidate_groups) > 0
                AND (t.state = 'CREATED' OR (t.state = 'COMPLETED' AND t.updated_at >= $1 AND t.updated_at < $2))
              GROUP BY t.candidate_groups[1]) l
      ORDER BY l.open DESC, l.role`,
    [start, end],
  );
  return rows.map((row) => ({
    role: row.role,
    teamName: row.team_name,
    open: Number(row.open),
    unassigned: Number(row.unassigned),
    completed: Number(row.completed),
    ...oldest(row.oldest, now),
  }));
}

/** Per role: the active people with it and the open tasks of its group (a task of two groups counts for each). */
async function rolesLoad(db: Database): Promise<RoleLoad[]> {
  const rows = await db.query<{ role: string; people: string; open: string }>(
    `WITH open_by_role AS (
       SELECT g.role, count(*) AS open FROM user_tasks t, unnest(t.candidate_groups) AS g(role)
        WHERE t.state = 'CREATED' GROUP BY g.role),
     people_by_role AS (
       SELECT r.role, count(*) AS people FROM users u, unnest(u.roles) AS r(role) WHERE u.active GROUP BY r.role)
     SELECT COALESCE(o.role, p.role) AS role, COALESCE(p.people, 0) AS people, COALESCE(o.open, 0) AS open
       FROM open_by_role o FULL JOIN people_by_role p ON p.role = o.role
      WHERE COALESCE(o.role, p.role) NOT IN ('admins')
      ORDER BY 3 DESC, 1`,
  );
  return rows.map((row) => {
    const people = Number(row.people);
    const open = Number(row.open);
    return {
      role: row.role,
      people,
      open,
      openPerPerson: people > 0 ? Math.round((open / people) * 10) / 10 : null,
    };
  });
}

async function openTasks(db: Database, query: WorkloadQuery, now: Date): Promise<OpenTask[]> {
  const where = [`t.state = 'CREATED'`];
  const params: unknown[] = [];
  if (query.person === '-') where.push('t.assignee IS NULL');
  else if (query.person) {
    params.push(query.person);
    where.push(`t.assignee = $${params.length}`);
  }
  if (query.team) {
    params.push(query.team);
    where.push(`t.candidate_groups[1] = $${params.length}`);
  }
  const rows = await db.query<{
    user_task_key: string;
    element_id: string;
    task_name: string;
    team_role: string | null;
    assignee: string | null;
    assignee_name: string | null;
    created_at: Date | string;
    due_at: Date | string | null;
    case_id: string | null;
    case_number: string | null;
  }>(
    `SELECT t.user_task_key, t.element_id, COALESCE(t.name, e.name, t.element_id) AS task_name,
            t.candidate_groups[1] AS team_role, t.assignee, u.display_name AS assignee_name, t.created_at, t.due_at,
            c.id AS case_id, c.case_number
       FROM user_tasks t
       LEFT JOIN cases c ON c.process_instance_key = t.root_process_instance_key
       LEFT JOIN users u ON u.login = t.assignee
       LEFT JOIN process_elements e ON e.bpmn_process_id = t.bpmn_process_id AND e.element_id = t.element_id
      WHERE ${where.join(' AND ')}
      ORDER BY t.created_at, t.user_task_key
      LIMIT ${DRILL_DOWN_LIMIT}`,
    params,
  );
  return rows.map((row) => {
    const createdAt = new Date(row.created_at);
    return {
      userTaskKey: row.user_task_key,
      elementId: row.element_id,
      taskName: row.task_name,
      teamRole: row.team_role,
      assignee: row.assignee,
      assigneeName: row.assignee_name,
      createdAt: createdAt.toISOString(),
      ageDays: ageInDays(createdAt, now),
      dueAt: row.due_at ? new Date(row.due_at).toISOString() : null,
      caseId: row.case_id,
      caseNumber: row.case_number,
    };
  });
}

/** Active people who may take a task of `role` (the reassign form's choices). */
export async function teamMembers(
  db: Database,
  role: string,
): Promise<{ login: string; displayName: string }[]> {
  const rows = await db.query<{ login: string; display_name: string }>(
    `SELECT login, display_name FROM users WHERE active AND $1 = ANY (roles) ORDER BY display_name, login`,
    [role],
  );
  return rows.map((row) => ({ login: row.login, displayName: row.display_name }));
}

function oldest(value: Date | string | null, now: Date) {
  if (!value) return { oldestOpenAt: null, oldestOpenDays: null };
  const at = new Date(value);
  return { oldestOpenAt: at.toISOString(), oldestOpenDays: ageInDays(at, now) };
}
