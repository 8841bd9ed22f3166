import type { ReformTask } from '../../../monitoring/reform-data';
import type { ReformTasksQuery } from '../../../monitoring/monitoring-queries';
import { escapeHtml } from '../html';
import { renderPage } from '../layout';
import type { SignedInContext } from '../page-context';
import { duration, link, th } from './format';
import { categoryName, MONITORING_STYLES } from './reform-page';

/** The tasks behind a figure of the reform's measure, each with its case (a link to the case page). */
export function reformTasksPage(
  ctx: SignedInContext,
  tasks: ReformTask[],
  query: ReformTasksQuery,
  names: { people: Record<string, string>; teams: Record<string, string> },
): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const what = [
    i18n.month(query.month),
    query.person ? (names.people[query.person] ?? query.person) : undefined,
    query.team ? (names.teams[query.team] ?? query.team) : undefined,
    query.category ? categoryName(i18n, query.category) : undefined,
  ]
    .filter((part): part is string => part !== undefined)
    .join(' · ');
  const total = tasks.reduce((sum, task) => sum + task.seconds, 0);
  const rows = tasks
    .map(
      (task) => `<tr><td>${escapeHtml(i18n.dateTime(task.completedAt))}</td>
<td>${task.caseId ? link(`/sprawy/${task.caseId}`, task.caseNumber ?? task.caseId) : escapeHtml(t('reform.tasks.noCase'))}</td>
<td>${escapeHtml(task.taskName)}</td><td>${escapeHtml(categoryName(i18n, task.category))}</td>
<td>${escapeHtml(task.person ? (names.people[task.person] ?? task.person) : '—')}</td>
<td>${escapeHtml(task.team ? (names.teams[task.team] ?? task.team) : '—')}</td>
<td>${escapeHtml(i18n.dateTime(task.startedAt))}${task.startedAt === task.createdAt ? ` (${escapeHtml(t('reform.tasks.fromCreation'))})` : ''}</td>
<td>${escapeHtml(duration(task.seconds))}</td></tr>`,
    )
    .join('\n');
  return renderPage(ctx, {
    title: t('reform.tasks.title'),
    styles: MONITORING_STYLES,
    body: `<p>${escapeHtml(what)}</p><p>${escapeHtml(t('reform.tasks.summary', { count: tasks.length, total: duration(total) }))}</p>
<p>${link('/monitoring/reforma', t('reform.back'))}</p>
${
  tasks.length
    ? `<table><thead><tr>${th(t('reform.tasks.col.completed'))}${th(t('reform.tasks.col.case'))}${th(t('reform.tasks.col.task'))}${th(t('reform.tasks.col.category'))}${th(t('reform.col.person'))}${th(t('reform.col.team'))}${th(t('reform.tasks.col.started'))}${th(t('reform.tasks.col.duration'))}</tr></thead><tbody>${rows}</tbody></table>`
    : `<p>${escapeHtml(t('reform.tasks.none'))}</p>`
}`,
  });
}
