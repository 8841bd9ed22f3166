import { TASK_CATEGORIES } from '../../../domain/monitoring/task-category';
import type { ClassifiedTaskType } from '../../../monitoring/task-classification';
import { escapeHtml } from '../html';
import { renderPage } from '../layout';
import type { SignedInContext } from '../page-context';
import { link, th } from './format';
import { categoryName, MONITORING_STYLES } from './reform-page';

/** The classification of task types; process owners change it (one form, CSRF), others read it. */
export function classificationPage(
  ctx: SignedInContext,
  types: ClassifiedTaskType[],
  notice?: { changed: number },
): string {
  const { i18n, session } = ctx;
  const { t } = i18n;
  const editable = session.user.roles.includes('process-owners');
  const rows = types
    .map((type) => {
      const id = `c-${type.taskKey}`;
      const cell = editable
        ? `<select id="${escapeHtml(id)}" name="${escapeHtml(type.taskKey)}" aria-labelledby="${escapeHtml(id)}-name">${TASK_CATEGORIES.map(
            (c) =>
              `<option value="${c}"${c === type.category ? ' selected' : ''}>${escapeHtml(categoryName(i18n, c))}</option>`,
          ).join('')}</select>`
        : escapeHtml(categoryName(i18n, type.category));
      return `<tr><th scope="row" id="${escapeHtml(id)}-name">${escapeHtml(type.name)}</th><td><code>${escapeHtml(type.taskKey)}</code></td><td>${cell}</td>
<td>${type.updatedBy ? `${escapeHtml(type.updatedBy)}, ${escapeHtml(i18n.dateTime(type.updatedAt))}` : escapeHtml(t('reform.classification.seeded'))}</td></tr>`;
    })
    .join('\n');
  const table = `<table><thead><tr>${th(t('reform.classification.col.task'))}${th(t('reform.classification.col.key'))}${th(t('reform.classification.col.category'))}${th(t('reform.classification.col.changed'))}</tr></thead><tbody>${rows}</tbody></table>`;
  const body = editable
    ? `<form method="post" action="/monitoring/reforma/klasyfikacja"><input type="hidden" name="_csrf" value="${escapeHtml(session.csrfToken)}">${table}<p><button type="submit">${escapeHtml(t('reform.classification.save'))}</button></p></form>`
    : `<p>${escapeHtml(t('reform.classification.readOnly'))}</p>${table}`;
  return renderPage(ctx, {
    title: t('reform.classification.title'),
    styles: MONITORING_STYLES,
    body: `${notice ? `<p role="status">${escapeHtml(t('reform.classification.saved', { count: notice.changed }))}</p>` : ''}<p>${escapeHtml(t('reform.classification.intro'))}</p><p>${link('/monitoring/reforma', t('reform.back'))}</p>${body}`,
  });
}
