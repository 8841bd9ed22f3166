import type { BreakGlassFilter, BreakGlassRead } from '../../cases/break-glass';
import { BREAK_GLASS_MIN_REASON } from '../../cases/case-access';
import { escapeHtml as e } from './html';
import { renderPage } from './layout';
import type { SignedInContext } from './page-context';

/**
 * The one page for a case that does not exist and for one the person may not read: nothing on it depends on the
 * case, so it cannot tell the two apart. A person with a role is offered the break-glass form (the same for both).
 */
export function caseUnavailablePage(
  ctx: SignedInContext,
  caseId: string,
  form: { reason?: string; error?: string } = {},
): string {
  const { t } = ctx.i18n;
  const offer = ctx.session.user.roles.length > 0;
  const invalid = form.error !== undefined;
  const describedBy = invalid ? 'reason-hint reason-error' : 'reason-hint';
  const breakGlass = offer
    ? `<section aria-labelledby="h-break-glass"><h2 id="h-break-glass">${e(t('breakGlass.heading'))}</h2>
<p>${e(t('breakGlass.intro'))}</p>
<p class="warning"><strong>${e(t('breakGlass.warning'))}</strong></p>
${invalid ? `<p class="error" role="alert" id="reason-error">${e(form.error)}</p>` : ''}
<form method="post" action="/sprawy/${e(caseId)}/dostep-nadzwyczajny" novalidate>
<input type="hidden" name="_csrf" value="${e(ctx.session.csrfToken)}">
<label for="reason">${e(t('breakGlass.reason'))}</label>
<p id="reason-hint" class="muted">${e(t('breakGlass.reasonHint', { count: BREAK_GLASS_MIN_REASON }))}</p>
<textarea id="reason" name="reason" rows="4" cols="60" required aria-describedby="${describedBy}"${invalid ? ' aria-invalid="true"' : ''}>${e(form.reason ?? '')}</textarea>
<p><button type="submit">${e(t('breakGlass.submit'))}</button> <a href="/zadania">${e(t('error.backToTasks'))}</a></p>
</form></section>`
    : `<p><a href="/zadania">${e(t('error.backToTasks'))}</a></p>`;
  return renderPage(ctx, {
    title: t('caseUnavailable.title'),
    body: `<p${invalid ? '' : ' role="alert"'}>${e(t('caseUnavailable.message'))}</p>\n${breakGlass}`,
  });
}

/** Managers' review of the break-glass reads: who, when, which case, why — newest first, by person and days. */
export function breakGlassAuditPage(
  ctx: SignedInContext,
  view: {
    reads: BreakGlassRead[];
    readers: { login: string; displayName: string }[];
    filter: BreakGlassFilter;
    truncatedAt?: number;
    error?: { field: string; message: string };
  },
): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const { filter, error } = view;
  const aria = (field: string) =>
    error?.field === field ? ' aria-invalid="true" aria-describedby="filter-error"' : '';
  const people = view.readers
    .map(
      (p) =>
        `<option value="${e(p.login)}"${p.login === filter.login ? ' selected' : ''}>${e(p.displayName)} (${e(p.login)})</option>`,
    )
    .join('');
  const th = (text: string) => `<th scope="col">${e(text)}</th>`;
  const channel = (c: string) => i18n.lookup(`breakGlassAudit.channel.${c}`) ?? c;
  const rows = view.reads
    .map(
      (r) => `<tr><td><time datetime="${e(r.at)}">${e(i18n.dateTime(r.at))}</time></td>
<td>${e(r.displayName ?? '—')}${r.login ? ` <span class="muted">(${e(r.login)})</span>` : ''}</td>
<td><a href="/sprawy/${e(r.caseId)}">${e(r.caseNumber ?? r.caseId)}</a></td>
<td>${e(r.reason)}</td><td>${e(channel(r.channel))}</td></tr>`,
    )
    .join('\n');
  const table = error
    ? ''
    : view.reads.length === 0
      ? `<p>${e(t('breakGlassAudit.empty'))}</p>`
      : `${view.truncatedAt ? `<p class="muted">${e(t('breakGlassAudit.truncated', { count: view.truncatedAt }))}</p>` : ''}<table><caption>${e(t('breakGlassAudit.caption'))}</caption><thead><tr>${th(t('breakGlassAudit.col.at'))}${th(t('breakGlassAudit.col.who'))}${th(t('breakGlassAudit.col.case'))}${th(t('breakGlassAudit.col.reason'))}${th(t('breakGlassAudit.col.channel'))}</tr></thead><tbody>${rows}</tbody></table>`;
  return renderPage(ctx, {
    title: t('breakGlassAudit.title'),
    body: `<p>${e(t('breakGlassAudit.intro'))}</p>
<form method="get" action="/audyt/dostep-nadzwyczajny" class="filters" aria-label="${e(t('breakGlassAudit.filter'))}" novalidate>
<label for="filter-person">${e(t('breakGlassAudit.person'))}</label>
<select id="filter-person" name="person"${aria('person')}><option value="">${e(t('breakGlassAudit.anyone'))}</option>${people}</select>
<label for="filter-from">${e(t('breakGlassAudit.from'))}</label>
<input type="date" id="filter-from" name="from" value="${e(filter.from ?? '')}"${aria('from')}>
<label for="filter-to">${e(t('breakGlassAudit.to'))}</label>
<input type="date" id="filter-to" name="to" value="${e(filter.to ?? '')}"${aria('to')}>
<button type="submit">${e(t('breakGlassAudit.show'))}</button>
</form>
${error ? `<p class="error" role="alert" id="filter-error">${e(error.message)}</p>` : ''}
${table}`,
  });
}
