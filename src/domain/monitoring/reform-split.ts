import { warsawDate } from '../calendar-date';
import { categoryOf, type TaskCategory } from './task-category';
import { workingSeconds, type CompletedTask } from './task-duration';

export interface MeasuredTask extends CompletedTask {
  taskKey: string;
  /** The login of the person who completed it (null: completed in the engine without an assignee). */
  person: string | null;
  /** The team (role id) the task was for. */
  team: string | null;
}

export type Seconds = Record<TaskCategory, number>;

export interface SplitRow {
  /** YYYY-MM in Europe/Warsaw of the completion. */
  month: string;
  /** The person's login, the team's role id, or '' for the whole centre. */
  key: string;
  tasks: number;
  seconds: Seconds;
  /** Shares of the row's total time, 0..1 (0 each when the total is 0). */
  shares: Seconds;
}

export type SplitBy = 'person' | 'team' | 'centre';

/**
 * The reform's measure: per month of completion and per person, team or the whole centre, how the working time of
 * completed tasks (workingSeconds) splits between administrative steps, social work and other tasks, by the
 * classification of each task type. Rows sorted by month, then key. Tasks without a person (or team) are left out of
 * the per-person (per-team) rows, never out of the centre's.
 */
export function reformSplit(
  tasks: readonly MeasuredTask[],
  classification: ReadonlyMap<string, TaskCategory>,
  by: SplitBy,
): SplitRow[] {
  const rows = new Map<string, { month: string; key: string; tasks: number; seconds: Seconds }>();
  const monthOf = warsawMonths();
  for (const task of tasks) {
    const key = by === 'person' ? task.person : by === 'team' ? task.team : '';
    if (key === null) continue;
    const month = monthOf(task.completedAt);
    const id = `${month}\u0000${key}`;
    let row = rows.get(id);
    if (!row) {
      row = { month, key, tasks: 0, seconds: { administrative: 0, 'social-work': 0, other: 0 } };
      rows.set(id, row);
    }
    row.tasks += 1;
    row.seconds[categoryOf(classification, task.taskKey)] += workingSeconds(task);
  }
  return [...rows.values()]
    .sort((a, b) => a.month.localeCompare(b.month) || a.key.localeCompare(b.key))
    .map((row) => ({ ...row, shares: shares(row.seconds) }));
}

export function shares(seconds: Seconds): Seconds {
  const total = seconds.administrative + seconds['social-work'] + seconds.other;
  if (total === 0) return { administrative: 0, 'social-work': 0, other: 0 };
  return {
    administrative: seconds.administrative / total,
    'social-work': seconds['social-work'] / total,
    other: seconds.other / total,
  };
}

export interface SplitShift {
  first: SplitRow;
  latest: SplitRow;
  /** Percentage points the social-work share moved from the first month to the latest (positive: more). */
  socialWorkPoints: number;
  administrativePoints: number;
}

/**
 * How the split moved since the centre started on mops-flow: the first month with data against the latest one
 * (rows of one key, e.g. the centre's, sorted by month). Undefined with fewer than two months.
 */
export function splitShift(rows: readonly SplitRow[]): SplitShift | undefined {
  const first = rows[0];
  const latest = rows[rows.length - 1];
  if (!first || !latest || first.month === latest.month) return undefined;
  return {
    first,
    latest,
    socialWorkPoints: points(latest.shares['social-work'] - first.shares['social-work']),
    administrativePoints: points(latest.shares.administrative - first.shares.administrative),
  };
}

/** A share difference in percentage points, to one decimal. */
function points(difference: number): number {
  return Math.round(difference * 1000) / 10;
}

const HOUR_MS = 3_600_000;

/**
 * The Warsaw month (YYYY-MM) of instants, remembered per UTC hour: the zone's offset changes only on whole hours,
 * so every instant of one UTC hour falls in the same Warsaw month (and Intl is asked once per hour, not per task).
 */
export function warsawMonths(): (instant: Date) => string {
  const cache = new Map<number, string>();
  return (instant) => {
    const hour = Math.floor(instant.getTime() / HOUR_MS);
    let month = cache.get(hour);
    if (month === undefined) {
      month = warsawDate(new Date(hour * HOUR_MS)).slice(0, 7);
      cache.set(hour, month);
    }
    return month;
  };
}
