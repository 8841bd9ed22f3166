import type { WorkloadQuery, WorkloadReport } from '../../monitoring/workload';
import { DRILL_DOWN_LIMIT } from '../../monitoring/workload';
import { escapeHtml as e } from './html';
import { renderPage } from './layout';
import type { SignedInContext } from './page-context';
import { reassignForm } from './reassign-form';
import { roleName } from './roles';

export interface WorkloadView {
  report: WorkloadReport;
  query: WorkloadQuery;
  /** The reassign form's people per role; absent for read-only viewers (analysts). */
  members?: Map<string, { login: string; displayName: string }[]>;
  notice?: string;
}

/** /monitoring/obciazenie: per person, per team, per role; a drill-down to the open tasks with the reassign form. */
export function workloadPage(ctx: SignedInContext, view: WorkloadView): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const { report } = view;
  const period = { from: report.period.from, to: report.period.to };
  const link = (params: Record<string, string>) =>
    `/monitoring/obciazenie?${new URLSearchParams({ ...period, ...params }).toString()}`;
  const th = (text: string, num = false) => `<th scope="col"${num ? ' class="num"' : ''}>${e(text)}</th>`;
  const num = (value: number, href?: string) =>
    `<td class="num">${href ? `<a href="${e(href)}">${e(i18n.number(value))}</a>` : e(i18n.number(value))}</td>`;
  const age = (days: number | null, at: string | null) =>
    `<td>${days === null || at === null ? '—' : `<time datetime="${e(at)}">${e(t('workload.days', { count: days }))}</time>`}</td>`;
  const filters = `<form method="get" action="/monitoring/obciazenie" class="filters" aria-label="${e(t('deadlines.filters'))}">
<label for="w-from">${e(t('workload.filters.from'))}</label><input id="w-from" name="from" type="date" value="${e(report.period.from)}">
<label for="w-to">${e(t('workload.filters.to'))}</label><input id="w-to" name="to" type="date" value="${e(report.period.to)}">
<button type="submit">${e(t('deadlines.filters.apply'))}</button></form>`;
  const people = `<h2>${e(t('workload.people.title'))}</h2>${
    report.people.length === 0
      ? `<p>${e(t('workload.empty'))}</p>`
      : `<table id="workload-people"><caption>${e(t('workload.people.caption'))}</caption><thead><tr>${th(t('workload.col.person'))}${th(t('workload.col.open'), true)}${th(t('workload.col.completed'), true)}${th(t('workload.col.oldest'))}</tr></thead><tbody>${report.people
          .map(
            (p) =>
              `<tr data-person="${e(p.login)}"><th scope="row">${e(p.displayName ?? p.login)}</th>${num(p.open, link({ person: p.login }))}${num(p.completed)}${age(p.oldestOpenDays, p.oldestOpenAt)}</tr>`,
          )
          .join('\n')}</tbody></table>`
  }`;
  const teams = `<h2>${e(t('workload.teams.title'))}</h2>${
    report.teams.length === 0
      ? `<p>${e(t('workload.empty'))}</p>`
      : `<table id="workload-teams"><caption>${e(t('workload.teams.caption'))}</caption><thead><tr>${th(t('workload.col.team'))}${th(t('workload.col.open'), true)}${th(t('workload.col.unassigned'), true)}${th(t('workload.col.completed'), true)}${th(t('workload.col.oldest'))}</tr></thead><tbody>${report.teams
          .map(
            (team) =>
              `<tr data-team="${e(team.role)}"><th scope="row">${e(team.teamName ?? roleName(i18n, team.role))}</th>${num(team.open, link({ team: team.role }))}${num(team.unassigned, link({ team: team.role, person: '-' }))}${num(team.completed)}${age(team.oldestOpenDays, team.oldestOpenAt)}</tr>`,
          )
          .join('\n')}</tbody></table>`
  }`;
  const roles = `<h2>${e(t('workload.roles.title'))}</h2><table id="workload-roles"><caption>${e(t('workload.roles.caption'))}</caption><thead><tr>${th(t('workload.col.role'))}${th(t('workload.col.people'), true)}${th(t('workload.col.open'), true)}${th(t('workload.col.perPerson'), true)}</tr></thead><tbody>${report.roles
    .map(
      (r) =>
        `<tr data-role="${e(r.role)}"><th scope="row">${e(roleName(i18n, r.role))}</th>${num(r.people)}${num(r.open, link({ team: r.role }))}<td class="num">${r.openPerPerson === null ? '—' : e(i18n.number(r.openPerPerson))}</td></tr>`,
    )
    .join('\n')}</tbody></table>`;
  return renderPage(ctx, {
    title: t('workload.title'),
    styles: ['/static/deadlines.css'],
    body: `${view.notice ? `<p role="status">${e(view.notice)}</p>` : ''}<p>${e(t('workload.intro', { from: i18n.date(report.period.from), to: i18n.date(report.period.to) }))}</p>
${view.members ? '' : `<p class="muted">${e(t('workload.readOnly'))}</p>`}
${filters}${report.tasks ? drillDown(ctx, view, link) : ''}${people}${teams}${roles}`,
  });
}

function drillDown(
  ctx: SignedInContext,
  view: WorkloadView,
  link: (params: Record<string, string>) => string,
): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const tasks = view.report.tasks!;
  const person =
    tasks.person === '-'
      ? t('deadlines.unassigned')
      : (view.report.people.find((p) => p.login === tasks.person)?.displayName ?? tasks.person);
  const heading = [
    tasks.team
      ? t('workload.tasks.team', {
          team: view.report.teams.find((x) => x.role === tasks.team)?.teamName ?? roleName(i18n, tasks.team),
        })
      : '',
    tasks.person ? t('workload.tasks.person', { person: person ?? '' }) : '',
  ]
    .filter(Boolean)
    .join(' — ');
  const back = link({
    ...(tasks.team ? { team: tasks.team } : {}),
    ...(tasks.person ? { person: tasks.person } : {}),
  });
  const th = (text: string) => `<th scope="col">${e(text)}</th>`;
  return `<section id="drill-down" aria-labelledby="drill-down-h"><h2 id="drill-down-h">${e(heading)}</h2>${
    tasks.items.length === 0
      ? `<p>${e(t('workload.empty'))}</p>`
      : `<table><thead><tr>${th(t('workload.col.task'))}${th(t('workload.col.case'))}${th(t('workload.col.team'))}${th(t('workload.col.holder'))}${th(t('workload.col.since'))}${th(t('workload.col.due'))}${view.members ? th(t('deadlines.col.action')) : ''}</tr></thead><tbody>${tasks.items
          .map((task) => {
            const members = task.teamRole ? view.members?.get(task.teamRole) : undefined;
            return `<tr data-task="${e(task.userTaskKey)}"><td>${e(task.taskName)}</td><td>${task.caseId ? `<a href="/sprawy/${e(task.caseId)}">${e(task.caseNumber)}</a>` : '—'}</td>
<td>${e(task.teamRole ? (view.report.teams.find((x) => x.role === task.teamRole)?.teamName ?? roleName(i18n, task.teamRole)) : '—')}</td><td>${e(task.assignee ? (task.assigneeName ?? task.assignee) : t('deadlines.unassigned'))}</td>
<td><time datetime="${e(task.createdAt)}">${e(i18n.dateTime(task.createdAt))}</time> (${e(t('workload.days', { count: task.ageDays }))})</td>
<td>${task.dueAt ? `<time datetime="${e(task.dueAt)}">${e(i18n.dateTime(task.dueAt))}</time>` : '—'}</td>${
              view.members
                ? `<td>${members ? reassignForm(ctx, { userTaskKey: task.userTaskKey, taskName: task.taskName, caseNumber: task.caseNumber, assignee: task.assignee }, members, back) : '—'}</td>`
                : ''
            }</tr>`;
          })
          .join(
            '\n',
          )}</tbody></table>${tasks.items.length >= DRILL_DOWN_LIMIT ? `<p class="muted">${e(t('workload.tasks.limit', { count: DRILL_DOWN_LIMIT }))}</p>` : ''}`
  }</section>`;
}
