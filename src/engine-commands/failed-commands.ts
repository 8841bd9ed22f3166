import type { Queryable } from '../db/database';

/** An engine command that failed for good: a person must do by hand what the process could not be told. */
export interface FailedCommand {
  id: string;
  kind: string;
  /** The message name, the process key or the task id: what the command was about. */
  subject: string;
  caseId: string | null;
  caseNumber: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

/**
 * The failed commands, newest first, each with its case (stored with the command, or the case of the decision the
 * message was for). Shown to managers with the incidents.
 */
export async function listFailedCommands(db: Queryable, limit = 200): Promise<FailedCommand[]> {
  const rows = await db.query<{
    id: string;
    kind: string;
    subject: string | null;
    case_id: string | null;
    case_number: string | null;
    attempts: number;
    last_error: string | null;
    created_at: Date | string;
  }>(
    `SELECT ec.id, ec.kind,
            coalesce(ec.payload->>'messageName', ec.payload->>'processKey', ec.payload->>'taskId') AS subject,
            c.id AS case_id, c.case_number, ec.attempts, ec.last_error, ec.created_at
       FROM engine_commands ec
       LEFT JOIN decisions d ON ec.case_id IS NULL
            AND d.id::text = ec.payload->'correlationKeys'->>'decisionId'
       LEFT JOIN cases c ON c.id = coalesce(ec.case_id, d.case_id)
      WHERE ec.status = 'failed'
      ORDER BY ec.created_at DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    subject: r.subject ?? '',
    caseId: r.case_id,
    caseNumber: r.case_number,
    attempts: Number(r.attempts),
    lastError: r.last_error,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
