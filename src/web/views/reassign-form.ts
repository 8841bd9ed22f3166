import { escapeHtml as e } from './html';
import type { SignedInContext } from './page-context';

/**
 * A manager's move on a monitoring page: hand an open task to another person of its team (the inbox's reassign,
 * through the engine port, audited). `back` is the page to return to; the select lists the team's active people.
 */
export function reassignForm(
  ctx: SignedInContext,
  task: { userTaskKey: string; taskName: string; caseNumber: string | null; assignee: string | null },
  members: { login: string; displayName: string }[],
  back: string,
): string {
  const { t } = ctx.i18n;
  const choices = members.filter((m) => m.login !== task.assignee);
  if (choices.length === 0) return `<span class="muted">${e(t('deadlines.reassign.nobody'))}</span>`;
  const id = `reassign-${task.userTaskKey}`;
  return `<form method="post" action="/monitoring/zadania/${e(task.userTaskKey)}/przekaz" class="reassign">
<input type="hidden" name="_csrf" value="${e(ctx.session.csrfToken)}"><input type="hidden" name="back" value="${e(back)}">
<label for="${e(id)}" class="visually-hidden">${e(t('deadlines.reassign.to', { task: task.taskName, caseNumber: task.caseNumber ?? '—' }))}</label>
<select id="${e(id)}" name="assignee">${choices.map((m) => `<option value="${e(m.login)}">${e(m.displayName)}</option>`).join('')}</select>
<button type="submit">${e(t('deadlines.reassign.submit'))}</button></form>`;
}
