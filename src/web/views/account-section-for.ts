import type { Request } from 'express';
import type { Queryable } from '../../db/database';
import { findChanges } from '../../payouts/account-changes';
import { ACCOUNT_CHANGE_APPROVERS, ACCOUNT_CHANGE_REQUESTERS, accountSection } from './account-section';
import { signedIn } from './page-context';

/** The payout account section for those who file or approve account changes; nothing for anyone else. */
export async function accountSectionFor(db: Queryable, req: Request, caseId: string): Promise<string> {
  const ctx = signedIn(req);
  const roles: readonly string[] = [...ACCOUNT_CHANGE_REQUESTERS, ...ACCOUNT_CHANGE_APPROVERS];
  if (!ctx.session.user.roles.some((r) => roles.includes(r))) return '';
  const [client] = await db.query<{ bank_account: string | null }>(
    'SELECT cl.bank_account FROM cases c JOIN clients cl ON cl.id = c.client_id WHERE c.id = $1',
    [caseId],
  );
  return accountSection(ctx, caseId, client?.bank_account ?? null, await findChanges(db, { caseId }));
}
