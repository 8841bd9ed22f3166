import type { Database } from '../db/database';
import { addDays, warsawDate } from '../domain/calendar-date';
import {
  compareRisk,
  DEADLINE_KINDS,
  DEADLINE_TASKS,
  deadlineKindOf,
  deadlineStanding,
  horizonDay,
  NEAR_WORKING_DAYS,
  TERM_WORKING_DAYS,
  type DeadlineKind,
} from '../domain/deadline-watch';
import { warsawDateTime } from '../domain/warsaw-time';
import type {
  AtRiskRow,
  DeadlineRow,
  DeadlineSection,
  DeadlinesQuery,
  DeadlinesReport,
} from './deadline-report-types';

export {
  deadlinesQuerySchema,
  type AtRiskRow,
  type DeadlineRow,
  type DeadlineSection,
  type DeadlinesQuery,
  type DeadlinesReport,
} from './deadline-report-types';

/** The start of the Warsaw day after `day`: every instant before it falls on `day` or earlier. */
function endOfDay(day: string): string {
  return warsawDateTime(addDays(day, 1), '00:00');
}

const TASK_COLUMNS = `t.user_task_key, t.element_id, COALESCE(t.name, e.name, t.element_id) AS task_name, t.assignee,
       u.display_name AS assignee_name, t.due_at, t.created_at, t.candidate_groups[1] AS team_role,
       (SELECT tm.name FROM teams tm WHERE tm.role_id = t.candidate_groups[1] ORDER BY tm.name LIMIT 1) AS team_name,
       c.id AS case_id, c.case_number, COALESCE(c.urgent, false) AS urgent`;

const TASK_JOINS = `FROM user_tasks t
       LEFT JOIN cases c ON c.process_instance_key = t.root_process_instance_key
       LEFT JOIN users u ON u.login = t.assignee
       LEFT JOIN process_elements e ON e.bpmn_process_id = t.bpmn_process_id AND e.element_id = t.element_id`;

interface TaskSqlRow {
  user_task_key: string;
  element_id: string;
  task_name: string;
  assignee: string | null;
  assignee_name: string | null;
  due_at: Date | string;
  created_at: Date | string;
  team_role: string | null;
  team_name: string | null;
  case_id: string | null;
  case_number: string | null;
  urgent: boolean;
}

/**
 * Statutory deadlines late or near (per kind: its count of late and near, and the rows, the latest first) and the
 * open tasks nobody holds that fall due within `days` working days, in the order of risk (compareRisk).
 */
export async function deadlinesReport(
  db: Database,
  query: DeadlinesQuery,
  now: Date,
): Promise<DeadlinesReport> {
  const today = warsawDate(now);
  const kinds = query.kind ? [query.kind] : [...DEADLINE_KINDS];
  const sections = await Promise.all(kinds.map((kind) => section(db, kind, query, now, today)));
  const horizon = horizonDay(today, query.days);
  return {
    today,
    sections,
    atRisk: {
      days: query.days,
      horizonDay: horizon,
      items: await atRisk(db, query, now, horizon),
    },
  };
}

async function section(
  db: Database,
  kind: DeadlineKind,
  query: DeadlinesQuery,
  now: Date,
  today: string,
): Promise<DeadlineSection> {
  const nearDays = NEAR_WORKING_DAYS[kind];
  const until = new Date(endOfDay(horizonDay(today, nearDays)));
  const fromTasks =
    kind === 'appeal' ? { rows: [], late: 0, near: 0 } : await taskRows(db, kind, query, now, until);
  // the case file's sources are few rows (open appeals, cases after a delay notice): counted here
  const fromFile =
    kind === 'appeal'
      ? await appealRows(db, query, now, until)
      : kind === 'kpa'
        ? await delayNoticeRows(db, query, now, until)
        : [];
  const wanted = query.status ? fromFile.filter((row) => row.status === query.status) : fromFile;
  const rows = [...fromTasks.rows, ...wanted];
  // the most late first: the fewest working days, then the earlier instant (ISO strings of one zone sort as text)
  rows.sort((a, b) => a.workingDays - b.workingDays || (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
  return {
    kind,
    nearWorkingDays: nearDays,
    late: fromTasks.late + fromFile.filter((row) => row.status === 'late').length,
    near: fromTasks.near + fromFile.filter((row) => row.status === 'near').length,
    items: rows.slice(0, query.limit),
  };
}

/**
 * Open tasks of the kind's elements due before `until` (late: before now; near: from now to `until`): the two
 * counts in SQL, and the first `limit` rows (with the status filter), the most late first.
 */
async function taskRows(
  db: Database,
  kind: DeadlineKind,
  query: DeadlinesQuery,
  now: Date,
  until: Date,
): Promise<{ rows: DeadlineRow[]; late: number; near: number }> {
  const params: unknown[] = [DEADLINE_TASKS[kind], until, query.team ?? null];
  const where = `t.state = 'CREATED' AND t.element_id = ANY ($1::text[]) AND t.due_at < $2
        AND ($3::text IS NULL OR t.candidate_groups[1] = $3)`;
  const status =
    query.status === 'late' ? 'AND t.due_at < $4' : query.status === 'near' ? 'AND t.due_at >= $4' : '';
  const [rows, counts] = await Promise.all([
    db.query<TaskSqlRow>(
      `SELECT ${TASK_COLUMNS} ${TASK_JOINS}
        WHERE ${where} ${status}
        ORDER BY t.due_at, t.user_task_key
        LIMIT ${query.limit}`,
      query.status ? [...params, now] : params,
    ),
    db.query<{ late: string; near: string }>(
      `SELECT count(*) FILTER (WHERE t.due_at < $4) AS late, count(*) FILTER (WHERE t.due_at >= $4) AS near
         FROM user_tasks t WHERE ${where}`,
      [...params, now],
    ),
  ]);
  return {
    rows: rows.map((row) => fromTask(kind, row, now)),
    late: Number(counts[0]?.late ?? 0),
    near: Number(counts[0]?.near ?? 0),
  };
}

function fromTask<K extends DeadlineKind | null>(
  kind: K,
  row: TaskSqlRow,
  now: Date,
): Omit<DeadlineRow, 'kind'> & { kind: K } {
  const dueAt = new Date(row.due_at);
  const standing = deadlineStanding(dueAt, now, kind ? NEAR_WORKING_DAYS[kind] : 0);
  const term = TERM_WORKING_DAYS[row.element_id];
  return {
    kind,
    source: 'task',
    caseId: row.case_id,
    caseNumber: row.case_number,
    urgent: row.urgent,
    teamRole: row.team_role,
    teamName: row.team_name,
    userTaskKey: row.user_task_key,
    elementId: row.element_id,
    taskName: row.task_name,
    assignee: row.assignee,
    assigneeName: row.assignee_name,
    termWorkingDays: term ? (row.urgent && term.urgent !== undefined ? term.urgent : term.normal) : null,
    dueAt: dueAt.toISOString(),
    ...standing,
  };
}

/**
 * After an art. 36 notice the case must be decided by the notice's new date: open cases whose latest notice falls
 * due before `until` and that have no decision issued since, and no notify-delay task still open (that row counts).
 * The holder is whoever holds an open task of the case (the proceeding's current step).
 */
async function delayNoticeRows(
  db: Database,
  query: DeadlinesQuery,
  now: Date,
  until: Date,
): Promise<DeadlineRow[]> {
  const params: unknown[] = [warsawDate(new Date(until.getTime() - 1))];
  if (query.team) params.push(query.team);
  const rows = await db.query<{
    case_id: string;
    case_number: string;
    urgent: boolean;
    new_due_on: string;
    user_task_key: string | null;
    element_id: string | null;
    task_name: string | null;
    assignee: string | null;
    assignee_name: string | null;
    team_role: string | null;
    team_name: string | null;
  }>(
    `SELECT c.id AS case_id, c.case_number, c.urgent, n.new_due_on::text AS new_due_on,
            t.user_task_key, t.element_id, COALESCE(t.name, t.element_id) AS task_name, t.assignee,
            u.display_name AS assignee_name, t.team_role,
            (SELECT tm.name FROM teams tm WHERE tm.role_id = t.team_role ORDER BY tm.name LIMIT 1) AS team_name
       FROM (SELECT DISTINCT ON (dn.case_id) dn.case_id, dn.new_due_on, dn.created_at FROM delay_notices dn
              ORDER BY dn.case_id, dn.created_at DESC) n
       JOIN cases c ON c.id = n.case_id
       LEFT JOIN LATERAL (SELECT ut.user_task_key, ut.element_id, ut.name, ut.assignee, ut.candidate_groups[1] AS team_role
                            FROM user_tasks ut
                           WHERE ut.root_process_instance_key = c.process_instance_key AND ut.state = 'CREATED'
                           ORDER BY ut.created_at LIMIT 1) t ON true
       LEFT JOIN users u ON u.login = t.assignee
      WHERE c.status = 'open' AND n.new_due_on <= $1::date
        AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.case_id = c.id AND d.issued_on IS NOT NULL
                           AND d.issued_on >= n.created_at::date)
        AND NOT EXISTS (SELECT 1 FROM user_tasks nd WHERE nd.root_process_instance_key = c.process_instance_key
                           AND nd.element_id = 'notify-delay' AND nd.state = 'CREATED')
        ${query.team ? 'AND t.team_role = $2' : ''}`,
    params,
  );
  return rows.map((row) => {
    const dueAt = new Date(warsawDateTime(row.new_due_on, '15:30'));
    return {
      kind: 'kpa',
      source: 'delay-notice',
      caseId: row.case_id,
      caseNumber: row.case_number,
      urgent: row.urgent,
      teamRole: row.team_role,
      teamName: row.team_name,
      userTaskKey: row.user_task_key,
      elementId: row.element_id,
      taskName: row.task_name,
      assignee: row.assignee,
      assigneeName: row.assignee_name,
      termWorkingDays: null,
      dueAt: dueAt.toISOString(),
      ...deadlineStanding(dueAt, now, NEAR_WORKING_DAYS.kpa),
    };
  });
}

/**
 * Appeals not yet forwarded to the SKO (art. 133 KPA: 7 days), from the case file: no forwarding date, no outcome,
 * no ruling. The due instant is the review-appeal task's due date when it is open (the model's `forwardDue`), else
 * the case file's day at the end of office hours; the holder is that task's.
 */
async function appealRows(
  db: Database,
  query: DeadlinesQuery,
  now: Date,
  until: Date,
): Promise<DeadlineRow[]> {
  const params: unknown[] = [warsawDate(new Date(until.getTime() - 1))];
  if (query.team) params.push(query.team);
  const rows = await db.query<{
    case_id: string;
    case_number: string;
    urgent: boolean;
    forward_due_on: string;
    due_at: Date | string | null;
    user_task_key: string | null;
    element_id: string | null;
    task_name: string | null;
    assignee: string | null;
    assignee_name: string | null;
    team_role: string | null;
    team_name: string | null;
  }>(
    `SELECT c.id AS case_id, c.case_number, c.urgent, a.forward_due_on::text AS forward_due_on, t.due_at,
            t.user_task_key, t.element_id, COALESCE(t.name, t.element_id) AS task_name, t.assignee,
            u.display_name AS assignee_name, t.team_role,
            (SELECT tm.name FROM teams tm WHERE tm.role_id = t.team_role ORDER BY tm.name LIMIT 1) AS team_name
       FROM appeals a
       JOIN decisions d ON d.id = a.decision_id
       JOIN cases c ON c.id = d.case_id
       LEFT JOIN LATERAL (SELECT ut.user_task_key, ut.element_id, ut.name, ut.assignee, ut.due_at,
                                 ut.candidate_groups[1] AS team_role
                            FROM user_tasks ut
                           WHERE ut.element_id = 'review-appeal' AND ut.state = 'CREATED'
                             AND ut.root_process_instance_key IN (c.process_instance_key,
                                   (SELECT p.root_process_instance_key FROM process_instances p
                                     WHERE p.process_instance_key = c.process_instance_key))
                           ORDER BY ut.created_at DESC LIMIT 1) t ON true
       LEFT JOIN users u ON u.login = t.assignee
      WHERE a.forwarded_on IS NULL AND a.outcome IS NULL AND a.ruling IS NULL AND a.forward_due_on <= $1::date
        ${query.team ? 'AND t.team_role = $2' : ''}`,
    params,
  );
  return rows.map((row) => {
    const dueAt = row.due_at ? new Date(row.due_at) : new Date(warsawDateTime(row.forward_due_on, '15:30'));
    return {
      kind: 'appeal',
      source: 'appeal',
      caseId: row.case_id,
      caseNumber: row.case_number,
      urgent: row.urgent,
      teamRole: row.team_role,
      teamName: row.team_name,
      userTaskKey: row.user_task_key,
      elementId: row.element_id,
      taskName: row.task_name,
      assignee: row.assignee,
      assigneeName: row.assignee_name,
      termWorkingDays: null,
      dueAt: dueAt.toISOString(),
      ...deadlineStanding(dueAt, now, NEAR_WORKING_DAYS.appeal),
    };
  });
}

/** Open tasks nobody holds, not yet late, due by the end of the horizon day; in the order of risk. */
async function atRisk(db: Database, query: DeadlinesQuery, now: Date, horizon: string): Promise<AtRiskRow[]> {
  const params: unknown[] = [now, new Date(endOfDay(horizon)), query.limit];
  if (query.team) params.push(query.team);
  const rows = await db.query<TaskSqlRow>(
    `SELECT ${TASK_COLUMNS} ${TASK_JOINS}
      WHERE t.state = 'CREATED' AND t.assignee IS NULL AND t.due_at >= $1 AND t.due_at < $2
        ${query.team ? 'AND t.candidate_groups[1] = $4' : ''}
      ORDER BY t.due_at, t.created_at
      LIMIT $3`,
    params,
  );
  const withKind = rows.map((row) => ({
    row: fromTask(deadlineKindOf(row.element_id) ?? null, row, now),
    createdAt: new Date(row.created_at),
  }));
  withKind.sort((a, b) =>
    compareRisk(
      {
        dueAt: new Date(a.row.dueAt),
        elementId: a.row.elementId ?? '',
        createdAt: a.createdAt,
        workingDaysLeft: a.row.workingDays,
      },
      {
        dueAt: new Date(b.row.dueAt),
        elementId: b.row.elementId ?? '',
        createdAt: b.createdAt,
        workingDaysLeft: b.row.workingDays,
      },
    ),
  );
  return withKind.map(({ row }, index) => ({ ...row, rank: index + 1 }));
}
