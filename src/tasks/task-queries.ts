import { z } from 'zod';
import type { Database } from '../db/database';

/** The inbox filter: the API's query string and the HTML page's form share it. */
export const inboxQuerySchema = z.object({
  group: z.string().max(50).optional().describe('Zespół (rola); domyślnie wszystkie moje role'),
  assigned: z.enum(['any', 'me', 'unassigned']).default('any').describe('Przypisanie'),
  overdue: z.enum(['true', 'false']).optional().describe('Tylko po terminie'),
  site: z.string().max(50).optional().describe('Siedziba/filia sprawy'),
  q: z.string().trim().max(100).optional().describe('Znak sprawy, nazwisko lub PESEL'),
  sort: z.enum(['due', 'created', 'priority']).default('due').describe('Kolejność'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export interface TaskRow {
  userTaskKey: string;
  processInstanceKey: string;
  /** The case's instance: the root of a team's sub-process (call activity), or the task's own instance. */
  rootProcessInstanceKey: string;
  elementId: string;
  name: string;
  candidateGroups: string[];
  assignee: string | null;
  dueDate: string | null;
  dueAt: string | null;
  overdue: boolean;
  dueSoon: boolean;
  priority: number;
  createdAt: string;
  caseId: string | null;
  caseNumber: string | null;
  clientName: string | null;
  site: string | null;
}

export interface InboxPage {
  items: TaskRow[];
  page: number;
  pageSize: number;
  /** How many tasks match, counted up to COUNT_CAP (then `totalCapped`: there are more). */
  total: number;
  totalCapped: boolean;
}

/**
 * The inbox counts matching tasks only this far: nobody pages through more, and counting every task of a large team
 * costs more than the page itself (the first page must stay faster than the engine's own task query).
 */
export const COUNT_CAP = 1000;

const DUE_SOON_HOURS = 48;

const ORDER: Record<InboxQuery['sort'], string> = {
  due: 't.due_at ASC NULLS LAST, t.created_at ASC, t.user_task_key',
  created: 't.created_at ASC, t.user_task_key',
  priority: 't.priority DESC, t.due_at ASC NULLS LAST, t.user_task_key',
};

/**
 * Open tasks the user may work on (their groups, or assigned to them), with the case behind each joined in,
 * filtered, sorted and paged in one SQL statement plus one count.
 */
export async function queryInbox(
  db: Database,
  user: { login: string; roles: string[] },
  query: InboxQuery,
  now: Date = new Date(),
): Promise<InboxPage> {
  const params: unknown[] = [query.group ? [query.group] : user.roles, user.login];
  const where = [`t.state = 'CREATED'`, `(t.candidate_groups && $1::text[] OR t.assignee = $2)`];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (query.assigned === 'me') where.push('t.assignee = $2');
  if (query.assigned === 'unassigned') where.push('t.assignee IS NULL');
  if (query.overdue === 'true') add('t.due_at < ?', now);
  if (query.site) add('d.site_id = ?', query.site);
  if (query.q) {
    if (/^\d{11}$/.test(query.q)) add('cl.pesel = ?', query.q);
    else add(`(c.case_number ILIKE '%' || ? || '%' OR cl.last_name ILIKE ? || '%')`, escapeLike(query.q));
  }
  const joins = `FROM user_tasks t
       LEFT JOIN cases c ON c.process_instance_key = t.root_process_instance_key
       LEFT JOIN clients cl ON cl.id = c.client_id
       LEFT JOIN districts d ON d.id = c.district_id`;
  // the count joins the case only when a filter reads it: a LEFT JOIN that no filter needs cannot change how many
  // tasks match, but PostgreSQL cannot drop it (cases.process_instance_key is not unique) and pays for it
  const countJoins = query.site || query.q ? joins : 'FROM user_tasks t';
  const whereSql = `WHERE ${where.join(' AND ')}`;
  const countParams = [...params];
  params.push(query.pageSize, (query.page - 1) * query.pageSize);
  const [rows, counted] = await Promise.all([
    db.query<InboxSqlRow>(
      `SELECT t.user_task_key, t.process_instance_key, t.root_process_instance_key, t.element_id, e.name, t.candidate_groups, t.assignee,
              t.due_date, t.due_at, t.priority, t.created_at, c.id AS case_id, c.case_number,
              cl.first_name || ' ' || cl.last_name AS client_name, d.site_id
         ${joins}
         LEFT JOIN process_elements e ON e.bpmn_process_id = t.bpmn_process_id AND e.element_id = t.element_id
         ${whereSql}
        ORDER BY ${ORDER[query.sort]}
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    ),
    db.query<{ total: string | number }>(
      `SELECT count(*) AS total FROM (SELECT 1 ${countJoins} ${whereSql} LIMIT ${COUNT_CAP + 1}) matching`,
      countParams,
    ),
  ]);
  return {
    items: rows.map((row) => toTaskRow(row, now)),
    page: query.page,
    pageSize: query.pageSize,
    total: Math.min(COUNT_CAP, Number(counted[0]?.total ?? 0)),
    totalCapped: Number(counted[0]?.total ?? 0) > COUNT_CAP,
  };
}

/** The simple form kept for callers that want every open task of some groups. */
export async function listOpenTasks(
  db: Database,
  filter: { groups: string[]; assignee?: string; limit?: number },
): Promise<TaskRow[]> {
  const page = await queryInbox(
    db,
    { login: filter.assignee ?? '', roles: filter.groups },
    inboxQuerySchema.parse({ sort: 'created', pageSize: filter.limit ?? 100 }),
  );
  return page.items;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

interface InboxSqlRow {
  user_task_key: string;
  process_instance_key: string;
  root_process_instance_key: string | null;
  element_id: string;
  name: string | null;
  candidate_groups: string[];
  assignee: string | null;
  due_date: string | null;
  due_at: Date | string | null;
  priority: number;
  created_at: Date | string;
  case_id: string | null;
  case_number: string | null;
  client_name: string | null;
  site_id: string | null;
}

function toTaskRow(row: InboxSqlRow, now: Date): TaskRow {
  const dueAt = row.due_at ? new Date(row.due_at) : null;
  const msLeft = dueAt ? dueAt.getTime() - now.getTime() : Infinity;
  return {
    userTaskKey: row.user_task_key,
    processInstanceKey: row.process_instance_key,
    rootProcessInstanceKey: row.root_process_instance_key ?? row.process_instance_key,
    elementId: row.element_id,
    name: row.name ?? row.element_id,
    candidateGroups: row.candidate_groups,
    assignee: row.assignee,
    dueDate: row.due_date,
    dueAt: dueAt?.toISOString() ?? null,
    overdue: msLeft < 0,
    dueSoon: msLeft >= 0 && msLeft < DUE_SOON_HOURS * 3_600_000,
    priority: Number(row.priority),
    createdAt: new Date(row.created_at).toISOString(),
    caseId: row.case_id,
    caseNumber: row.case_number,
    clientName: row.client_name,
    site: row.site_id,
  };
}

export async function getTask(db: Database, userTaskKey: string) {
  const [row] = await db.query<{
    user_task_key: string;
    element_id: string;
    bpmn_process_id: string;
    process_instance_key: string;
    candidate_groups: string[];
    assignee: string | null;
    state: string;
    form_key: string | null;
  }>(
    `SELECT user_task_key, element_id, bpmn_process_id, process_instance_key, candidate_groups, assignee, state, form_key
       FROM user_tasks WHERE user_task_key = $1`,
    [userTaskKey],
  );
  return row;
}
