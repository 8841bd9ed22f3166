import { z } from 'zod';
import type { Queryable } from '../db/database';
import { AppError } from '../errors/app-error';
import { decisionFacts } from './decision-lifecycle';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'miesiąc w postaci RRRR-MM');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'data w postaci RRRR-MM-DD');

/**
 * The centre's own revocation or change of its decision (art. 106 ust. 5 u.p.s., art. 154/155 KPA), from a month:
 * the number and date of the revoking (changing) decision and why. Recorded by the benefits team (or a manager).
 */
export const revisionFields = {
  fromMonth: month,
  revokingNumber: z.string().trim().min(3, 'podaj numer decyzji uchylającej lub zmieniającej').max(100),
  revokingDate: day,
  reason: z.string().trim().min(10, 'podaj powód (min. 10 znaków)').max(2000),
};

export interface DecisionRevision {
  kind: 'revoke' | 'change';
  fromMonth: string;
  revokingNumber: string;
  revokingDate: string;
  reason: string;
}

/** Who may revoke or change a decision of the centre: the benefits team and managers, never the office alone. */
export const REVISION_ROLES = ['benefits', 'managers'] as const;

/**
 * Writes the revision once (unique per decision, kind and month: a repeat finds it and changes nothing) and marks the
 * decision revoked or amended from that month. Only an issued grant can be revised; a revoked one only repeated; the
 * month must fall within the decision's period.
 */
export async function recordRevision(
  tx: Queryable,
  decisionId: string,
  revision: DecisionRevision,
  userId: string,
): Promise<{ created: boolean }> {
  const decision = await decisionFacts(tx, decisionId, true);
  const [existing] = await tx.query<{ id: string }>(
    'SELECT id FROM decision_revisions WHERE decision_id = $1 AND kind = $2 AND from_month = $3',
    [decisionId, revision.kind, revision.fromMonth],
  );
  if (existing) return { created: false };
  if (decision.outcome !== 'grant' || !decision.number)
    throw new AppError({
      code: 'conflict',
      field: 'kind',
      message: 'Uchylić lub zmienić można tylko wydaną decyzję przyznającą świadczenie.',
    });
  if (decision.status === 'revoked')
    throw new AppError({ code: 'conflict', field: 'kind', message: 'Decyzja jest już uchylona.' });
  const [period] = await tx.query<{ from_month: string; to_month: string }>(
    `SELECT to_char(p.period_from, 'YYYY-MM') AS from_month, to_char(p.period_to, 'YYYY-MM') AS to_month
       FROM decisions d JOIN assistance_plans p ON p.id = d.plan_id WHERE d.id = $1`,
    [decisionId],
  );
  if (period && (revision.fromMonth < period.from_month || revision.fromMonth > period.to_month))
    throw new AppError({
      code: 'validation',
      field: 'fromMonth',
      message: `Pole „fromMonth”: miesiąc spoza okresu decyzji (${period.from_month} – ${period.to_month}).`,
    });
  await tx.query(
    `INSERT INTO decision_revisions (decision_id, kind, from_month, revoking_number, revoking_date, reason, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      decisionId,
      revision.kind,
      revision.fromMonth,
      revision.revokingNumber,
      revision.revokingDate,
      revision.reason,
      userId,
    ],
  );
  await tx.query(
    `UPDATE decisions SET status = $2,
            revised_from_month = LEAST(COALESCE(revised_from_month, $3), $3) WHERE id = $1`,
    [decisionId, revision.kind === 'revoke' ? 'revoked' : 'amended', revision.fromMonth],
  );
  return { created: true };
}
