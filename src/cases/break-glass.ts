import type { Database } from '../db/database';
import { addDays } from '../domain/calendar-date';
import { warsawDateTime } from '../domain/warsaw-time';

export interface BreakGlassRead {
  at: string;
  login: string | null;
  displayName: string | null;
  caseId: string;
  caseNumber: string | null;
  reason: string;
  channel: string;
}

/** Which reads to list: one person (login) and a range of Warsaw calendar days, both ends included. */
export interface BreakGlassFilter {
  login?: string;
  from?: string;
  to?: string;
}

export const BREAK_GLASS_LIST_LIMIT = 200;

/** The reads of case files outside the need-to-know rules (break-glass), newest first, for managers to review. */
export async function listBreakGlassReads(
  db: Database,
  filter: BreakGlassFilter = {},
  limit = BREAK_GLASS_LIST_LIMIT,
): Promise<BreakGlassRead[]> {
  const since = filter.from ? warsawDateTime(filter.from, '00:00') : null;
  const until = filter.to ? warsawDateTime(addDays(filter.to, 1, 'to'), '00:00') : null;
  const rows = await db.query<{
    at: Date;
    login: string | null;
    display_name: string | null;
    entity_id: string;
    case_number: string | null;
    details: { reason?: string; channel?: string } | string;
  }>(
    `SELECT a.at, u.login, u.display_name, a.entity_id, c.case_number, a.details
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id LEFT JOIN cases c ON c.id::text = a.entity_id
      WHERE a.action = 'case-read-break-glass'
        AND ($1::text IS NULL OR u.login = $1)
        AND ($2::timestamptz IS NULL OR a.at >= $2)
        AND ($3::timestamptz IS NULL OR a.at < $3)
      ORDER BY a.at DESC, a.id DESC LIMIT $4`,
    [filter.login ?? null, since, until, limit],
  );
  return rows.map((r) => {
    const details =
      typeof r.details === 'string'
        ? (JSON.parse(r.details) as { reason?: string; channel?: string })
        : r.details;
    return {
      at: new Date(r.at).toISOString(),
      login: r.login,
      displayName: r.display_name,
      caseId: r.entity_id,
      caseNumber: r.case_number,
      reason: details.reason ?? '',
      channel: details.channel ?? '',
    };
  });
}

/** The people who have opened a case by break-glass, for the list's filter (by name). */
export async function breakGlassReaders(db: Database): Promise<{ login: string; displayName: string }[]> {
  const rows = await db.query<{ login: string; display_name: string }>(
    `SELECT DISTINCT u.login, u.display_name FROM audit_log a JOIN users u ON u.id = a.user_id
      WHERE a.action = 'case-read-break-glass' ORDER BY u.display_name, u.login`,
  );
  return rows.map((r) => ({ login: r.login, displayName: r.display_name }));
}
