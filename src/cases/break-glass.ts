import type { Database } from '../db/database';

export interface BreakGlassRead {
  at: string;
  login: string | null;
  displayName: string | null;
  caseId: string;
  caseNumber: string | null;
  reason: string;
  channel: string;
}

/** The reads of case files outside the need-to-know rules (break-glass), newest first, for managers to review. */
export async function listBreakGlassReads(db: Database, limit = 200): Promise<BreakGlassRead[]> {
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
      WHERE a.action = 'case-read-break-glass' ORDER BY a.at DESC, a.id DESC LIMIT $1`,
    [limit],
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
