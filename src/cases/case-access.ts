import type { User } from '../auth/users';
import type { Database, Queryable } from '../db/database';
import { AppError } from '../errors/app-error';

/**
 * Who may read a case file (RODO art. 5 and 9, need-to-know; README "Macierz dostępu"):
 * - managers: every case;
 * - a violence-response (Niebieska Karta) case: only the violence-response team and managers — no other team, not
 *   first contact, even when they share the client. A case is a violence-response case when an instance of
 *   `mops-violence-response` runs or ran under its root instance, or the case was routed to `violence-response`;
 * - any other case: a person whose team (a role among the task's candidate groups) has an open task on the case
 *   (any instance under its root), or had one that closed less than `graceDays` ago;
 * - first contact without such a task sees only the summary of the duplicate check (client-lookup.ts);
 * - break-glass: anyone with a role, by giving a reason — the read is audited as `case-read-break-glass`.
 * An unknown case and a forbidden one answer the same (404, "Nie ma takiej sprawy.") so nothing leaks.
 */
export interface AccessPolicy {
  graceDays: number;
  now: Date;
}

export const DEFAULT_GRACE_DAYS = 30;
export const VIOLENCE_TEAM = 'violence-response';
export const VIOLENCE_PROCESS = 'mops-violence-response';
export const BREAK_GLASS_MIN_REASON = 20;
export const BREAK_GLASS_MAX_REASON = 1000;

const defaultPolicy = (): AccessPolicy => ({ graceDays: DEFAULT_GRACE_DAYS, now: new Date() });

export const NO_SUCH_CASE = 'Nie ma takiej sprawy.';

/** SQL (with `c` the case row) true for a violence-response case. */
export const VIOLENCE_CASE_SQL = `(${`'${VIOLENCE_TEAM}'`} = ANY (c.teams) OR EXISTS (
  SELECT 1 FROM process_instances vpi WHERE vpi.root_process_instance_key = c.process_instance_key
    AND vpi.bpmn_process_id = '${VIOLENCE_PROCESS}'))`;

export interface CaseAccessAnswer {
  exists: boolean;
  allowed: boolean;
  violence: boolean;
}

export async function caseAccess(
  db: Queryable,
  user: User,
  caseId: string,
  policy: AccessPolicy = defaultPolicy(),
): Promise<CaseAccessAnswer> {
  const teams = user.roles.filter((role) => role !== 'managers');
  const since = new Date(policy.now.getTime() - policy.graceDays * 24 * 3_600_000);
  const [row] = await db.query<{ violence: boolean; team_works: boolean }>(
    `SELECT ${VIOLENCE_CASE_SQL} AS violence,
            ((c.status = 'open' AND c.teams && $2::text[]) OR EXISTS (
              SELECT 1 FROM user_tasks t
               WHERE t.root_process_instance_key = c.process_instance_key AND t.candidate_groups && $2::text[]
                 AND (t.state = 'CREATED' OR t.updated_at >= $3))) AS team_works
       FROM cases c WHERE c.id = $1`,
    [caseId, teams, since],
  );
  if (!row) return { exists: false, allowed: false, violence: false };
  const violence = Boolean(row.violence);
  if (user.roles.includes('managers')) return { exists: true, allowed: true, violence };
  if (violence) return { exists: true, allowed: user.roles.includes(VIOLENCE_TEAM), violence };
  return { exists: true, allowed: Boolean(row.team_works), violence };
}

/** Throws the same 404 for an unknown case and for one the person may not read. */
export async function assertMayReadCase(
  db: Queryable,
  user: User,
  caseId: string,
  policy: AccessPolicy = defaultPolicy(),
): Promise<void> {
  const answer = await caseAccess(db, user, caseId, policy);
  if (!answer.allowed) throw new AppError({ code: 'not-found', message: NO_SUCH_CASE });
}

/** The case of a decision, checked like the case itself: an unknown and a forbidden decision answer the same. */
export async function assertMayActOnDecision(
  db: Database,
  user: User,
  decisionId: string,
  policy: AccessPolicy = defaultPolicy(),
): Promise<string> {
  const [row] = await db.query<{ case_id: string }>('SELECT case_id FROM decisions WHERE id = $1', [
    decisionId,
  ]);
  const answer = row ? await caseAccess(db, user, row.case_id, policy) : undefined;
  if (!row || !answer?.allowed) throw new AppError({ code: 'not-found', message: NO_SUCH_DECISION });
  return row.case_id;
}

export const NO_SUCH_DECISION = 'Nie ma takiej decyzji.';
export const BREAK_GLASS_REASON_TOO_SHORT = 'Podaj powód otwarcia akt poza zasadami (min. 20 znaków).';
