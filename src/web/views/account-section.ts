import type { AccountChange } from '../../payouts/account-changes';
import { escapeHtml as e } from './html';
import type { SignedInContext } from './page-context';

/** Who may file a change of the client's account, and who may approve one (never the same person). */
export const ACCOUNT_CHANGE_REQUESTERS = ['benefits', 'services-admin'] as const;
export const ACCOUNT_CHANGE_APPROVERS = ['services-admin', 'managers'] as const;

/**
 * The case page's payout account: the client's current account, the changes filed (four eyes: one files, another
 * approves), the form to file one and, for a second person, approve or refuse a pending one.
 */
export function accountSection(
  ctx: SignedInContext,
  caseId: string,
  current: string | null,
  changes: AccountChange[],
): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const user = ctx.session.user;
  const csrf = `<input type="hidden" name="_csrf" value="${e(ctx.session.csrfToken)}">`;
  const mayRequest = ACCOUNT_CHANGE_REQUESTERS.some((r) => user.roles.includes(r));
  const mayApprove = ACCOUNT_CHANGE_APPROVERS.some((r) => user.roles.includes(r));
  const pending = changes.find((c) => c.status === 'pending');
  const rows = changes
    .map(
      (c) =>
        `<li>${e(i18n.date(c.requestedAt.slice(0, 10)))}: ${e(c.previousAccount ?? '—')} → <strong>${e(c.newAccount)}</strong> (${e(t(`account.status.${c.status}`))}; ${e(t('account.requestedBy', { name: c.requestedByName }))}${c.decidedByName ? `; ${e(t('account.decidedBy', { name: c.decidedByName }))}` : ''}) — ${e(c.reason)}${c.decisionNote ? ` — ${e(c.decisionNote)}` : ''}</li>`,
    )
    .join('');
  const decide =
    pending && mayApprove && pending.requestedBy !== user.id
      ? `<form method="post" action="/sprawy/${e(caseId)}/zmiana-rachunku/${e(pending.id)}/decyzja">${csrf}
<fieldset><legend>${e(t('account.decide.legend'))}</legend>
<label><input type="radio" name="approve" value="yes" required> ${e(t('account.decide.approve'))}</label>
<label><input type="radio" name="approve" value="no"> ${e(t('account.decide.refuse'))}</label>
<label for="acc-note">${e(t('account.decide.note'))}</label><input id="acc-note" name="note" maxlength="1000">
<button type="submit">${e(t('account.decide.submit'))}</button></fieldset></form>`
      : pending
        ? `<p class="muted">${e(t('account.pending.other'))}</p>`
        : '';
  const request =
    !pending && mayRequest
      ? `<form method="post" action="/sprawy/${e(caseId)}/zmiana-rachunku">${csrf}
<fieldset><legend>${e(t('account.request.legend'))}</legend>
<label for="acc-new">${e(t('account.request.newAccount'))}</label><input id="acc-new" name="newAccount" inputmode="numeric" required>
<label for="acc-reason">${e(t('account.request.reason'))}</label><input id="acc-reason" name="reason" required minlength="10" maxlength="1000">
<button type="submit">${e(t('account.request.submit'))}</button></fieldset></form>`
      : '';
  return `<section aria-labelledby="h-account"><h2 id="h-account">${e(t('account.title'))}</h2>
<p>${e(t('account.current'))}: <strong>${e(current ?? t('account.none'))}</strong></p>
<p class="muted">${e(t('account.rule'))}</p>
${rows ? `<ul>${rows}</ul>` : ''}${decide}${request}</section>`;
}
