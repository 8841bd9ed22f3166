import type { I18n } from '../../i18n';
import type { AtRiskRow, DeadlineRow, DeadlinesQuery, DeadlinesReport } from '../../monitoring/deadlines';
import { escapeHtml as e } from './html';
import { renderPage } from './layout';
import type { SignedInContext } from './page-context';
import { reassignForm } from './reassign-form';
import { roleName } from './roles';

export interface DeadlinesView {
  report: DeadlinesReport;
  query: DeadlinesQuery;
  /** The teams (roles) the filter offers. */
  teams: { role: string; name: string }[];
  /** The reassign form's people per role; absent for read-only viewers (analysts). */
  members?: Map<string, { login: string; displayName: string }[]>;
  notice?: string;
}

/** /monitoring/terminy: the summary table, one section per statutory kind, and "what will be late". */
export function deadlinesPage(ctx: SignedInContext, view: DeadlinesView): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const { report, query } = view;
  const back = `/monitoring/terminy?${new URLSearchParams(stringQuery(query)).toString()}`;
  const link = (params: Record<string, string>) =>
    `/monitoring/terminy?${new URLSearchParams({ ...stringQuery({ ...query, kind: undefined, status: undefined }), ...params }).toString()}`;
  const filters = `<form method="get" action="/monitoring/terminy" class="filters" aria-label="${e(t('deadlines.filters'))}">
<label for="d-team">${e(t('deadlines.filters.team'))}</label>
<select id="d-team" name="team"><option value="">${e(t('deadlines.filters.allTeams'))}</option>${view.teams
    .map(
      (team) =>
        `<option value="${e(team.role)}"${team.role === query.team ? ' selected' : ''}>${e(team.name)}</option>`,
    )
    .join('')}</select>
<label for="d-days">${e(t('deadlines.filters.days'))}</label>
<input id="d-days" name="days" type="number" min="0" max="60" value="${e(query.days)}">
<button type="submit">${e(t('deadlines.filters.apply'))}</button></form>`;
  const summary = `<table id="deadline-summary"><caption>${e(t('deadlines.summary.caption'))}</caption>
<thead><tr><th scope="col">${e(t('deadlines.summary.kind'))}</th><th scope="col" class="num">${e(t('deadlines.summary.late'))}</th><th scope="col" class="num">${e(t('deadlines.summary.near'))}</th><th scope="col" class="num">${e(t('deadlines.summary.nearRule'))}</th></tr></thead>
<tbody>${report.sections
    .map(
      (
        s,
      ) => `<tr data-kind="${e(s.kind)}"><th scope="row"><a href="#kind-${e(s.kind)}">${e(t(`deadlines.kind.${s.kind}`))}</a></th>
<td class="num" data-figure="late"><a href="${e(link({ kind: s.kind, status: 'late', limit: '1000' }))}">${e(i18n.number(s.late))}</a></td>
<td class="num" data-figure="near"><a href="${e(link({ kind: s.kind, status: 'near', limit: '1000' }))}">${e(i18n.number(s.near))}</a></td>
<td class="num">${e(i18n.number(s.nearWorkingDays))}</td></tr>`,
    )
    .join('\n')}</tbody></table>`;
  const sections = report.sections
    .map((s) => {
      const total = query.status ? (query.status === 'late' ? s.late : s.near) : s.late + s.near;
      const more =
        s.items.length < total
          ? `<p class="muted">${e(t('deadlines.section.more', { shown: s.items.length, total }))}<a href="${e(link({ kind: s.kind, limit: '1000' }))}">${e(t('deadlines.section.all'))}</a></p>`
          : '';
      return `<section class="deadline-kind" id="kind-${e(s.kind)}" aria-labelledby="kind-${e(s.kind)}-h">
<h2 id="kind-${e(s.kind)}-h">${e(t(`deadlines.kind.${s.kind}`))}</h2>
${
  s.items.length === 0
    ? `<p>${e(t('deadlines.section.empty'))}</p>`
    : `<table><thead><tr>${header(i18n, false, Boolean(view.members))}</tr></thead><tbody>${s.items
        .map((row) => rowHtml(ctx, row, view, back))
        .join('\n')}</tbody></table>${more}`
}</section>`;
    })
    .join('\n');
  const atRisk = `<section id="at-risk" aria-labelledby="at-risk-h"><h2 id="at-risk-h">${e(t('deadlines.atRisk.title'))}</h2>
<p>${e(t('deadlines.atRisk.intro', { days: report.atRisk.days, horizon: i18n.date(report.atRisk.horizonDay) }))}</p>
${
  report.atRisk.items.length === 0
    ? `<p>${e(t('deadlines.atRisk.empty'))}</p>`
    : `<table><thead><tr>${header(i18n, true, Boolean(view.members))}</tr></thead><tbody>${report.atRisk.items
        .map((row) => rowHtml(ctx, row, view, back))
        .join('\n')}</tbody></table>`
}</section>`;
  return renderPage(ctx, {
    title: t('deadlines.title'),
    styles: ['/static/deadlines.css'],
    body: `${view.notice ? `<p role="status">${e(view.notice)}</p>` : ''}<p>${e(t('deadlines.intro', { today: i18n.date(report.today) }))}</p>
${view.members ? '' : `<p class="muted">${e(t('workload.readOnly'))}</p>`}
${filters}${summary}${atRisk}${sections}`,
  });
}

function header(i18n: I18n, ranked: boolean, actions: boolean): string {
  const { t } = i18n;
  const th = (text: string, cls = '') => `<th scope="col"${cls ? ` class="${cls}"` : ''}>${e(text)}</th>`;
  return (
    (ranked ? th(t('deadlines.col.risk'), 'num') : '') +
    th(t('deadlines.col.case')) +
    th(t('deadlines.col.task')) +
    th(t('deadlines.col.team')) +
    th(t('deadlines.col.holder')) +
    th(t('deadlines.col.due')) +
    th(t('deadlines.col.days')) +
    (actions ? th(t('deadlines.col.action')) : '')
  );
}

function rowHtml(
  ctx: SignedInContext,
  row: DeadlineRow | AtRiskRow,
  view: DeadlinesView,
  back: string,
): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const ranked = 'rank' in row;
  const caseCell = row.caseId ? `<a href="/sprawy/${e(row.caseId)}">${e(row.caseNumber)}</a>` : '—';
  const notes = [
    row.urgent ? t('deadlines.urgent') : '',
    row.termWorkingDays !== null ? t('deadlines.term', { days: row.termWorkingDays }) : '',
    row.source !== 'task' ? t(`deadlines.source.${row.source}`) : '',
    ranked && row.kind === null ? t('deadlines.kind.other') : '',
  ].filter(Boolean);
  const step = `${e(row.taskName ?? '—')}${notes.length ? ` <span class="muted">(${e(notes.join(', '))})</span>` : ''}`;
  const team = row.teamRole ? (row.teamName ?? roleName(i18n, row.teamRole)) : '—';
  const holder = row.assignee ? (row.assigneeName ?? row.assignee) : t('deadlines.unassigned');
  const days =
    row.status === 'late'
      ? `<span class="late-badge">${e(row.workingDays === 0 ? t('deadlines.lateToday') : t('deadlines.late', { count: -row.workingDays }))}</span>`
      : `<span class="${row.status === 'near' ? 'near-badge' : ''}">${e(row.workingDays === 0 ? t('deadlines.dueToday') : t('deadlines.left', { count: row.workingDays }))}</span>`;
  const members = row.teamRole ? view.members?.get(row.teamRole) : undefined;
  const action = view.members
    ? `<td>${
        row.userTaskKey && members
          ? reassignForm(
              ctx,
              {
                userTaskKey: row.userTaskKey,
                taskName: row.taskName ?? '',
                caseNumber: row.caseNumber,
                assignee: row.assignee,
              },
              members,
              back,
            )
          : '—'
      }</td>`
    : '';
  return `<tr data-task="${e(row.userTaskKey ?? '')}" data-case="${e(row.caseNumber ?? '')}" data-working-days="${row.workingDays}">${
    ranked ? `<td class="num">${e(i18n.number(row.rank))}</td>` : ''
  }<td>${caseCell}</td><td>${step}</td><td>${e(team)}</td><td>${e(holder)}</td>
<td><time datetime="${e(row.dueAt)}">${e(i18n.dateTime(row.dueAt))}</time></td><td>${days}</td>${action}</tr>`;
}

function stringQuery(query: Partial<DeadlinesQuery>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([key, value]) => value !== undefined && value !== '' && key !== 'limit')
      .map(([key, value]) => [key, String(value)]),
  );
}
