import type { I18n } from '../../../i18n';
import type { SplitRow } from '../../../domain/monitoring/reform-split';
import { TASK_CATEGORIES, type TaskCategory } from '../../../domain/monitoring/task-category';
import type { ReformMeasure } from '../../../monitoring/reform-data';
import type { ReformQuery } from '../../../monitoring/monitoring-queries';
import { stackedShareBars } from '../charts/stacked-share-bars';
import type { Series } from '../charts/svg';
import { escapeHtml } from '../html';
import { renderPage } from '../layout';
import type { SignedInContext } from '../page-context';
import { chartWithTable, hours, href, link, percent, th } from './format';

export const MONITORING_STYLES = ['/static/monitoring.css'];

export function categorySeries(i18n: I18n): Series[] {
  return [
    { key: 'administrative', label: i18n.t('reform.category.administrative'), pattern: 'solid-dark' },
    { key: 'social-work', label: i18n.t('reform.category.social-work'), pattern: 'stripes' },
    { key: 'other', label: i18n.t('reform.category.other'), pattern: 'dots' },
  ];
}

export function categoryName(i18n: I18n, category: TaskCategory): string {
  return i18n.t(`reform.category.${category}`);
}

const TASKS = '/monitoring/reforma/zadania';

/** The table of split rows, every figure linking to the tasks behind it. */
function splitTable(
  i18n: I18n,
  rows: readonly SplitRow[],
  keyHeader: string | undefined,
  keyName: (key: string) => string,
  scope: 'person' | 'team' | 'centre',
): string {
  const { t } = i18n;
  const filter = (row: SplitRow, category?: TaskCategory) =>
    href(TASKS, {
      month: row.month,
      person: scope === 'person' ? row.key : undefined,
      team: scope === 'team' ? row.key : undefined,
      category,
    });
  const head = `<tr>${th(t('reform.col.month'))}${keyHeader ? th(keyHeader) : ''}${th(t('reform.col.tasks'))}${TASK_CATEGORIES.map(
    (c) => th(t('reform.col.hoursOf', { category: categoryName(i18n, c) })),
  ).join('')}</tr>`;
  const cell = (row: SplitRow, c: TaskCategory) =>
    `<td>${link(filter(row, c), hours(i18n, row.seconds[c]))} (${escapeHtml(percent(i18n, row.shares[c]))})</td>`;
  const body = rows
    .map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(i18n.month(row.month))}</th>${keyHeader ? `<td>${escapeHtml(keyName(row.key))}</td>` : ''}<td>${link(filter(row), i18n.number(row.tasks))}</td>${TASK_CATEGORIES.map((c) => cell(row, c)).join('')}</tr>`,
    )
    .join('\n');
  return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function latest(rows: readonly SplitRow[]): SplitRow[] {
  const month = rows[rows.length - 1]?.month;
  return rows.filter((row) => row.month === month);
}

export function reformPage(
  ctx: SignedInContext,
  measure: ReformMeasure,
  query: ReformQuery,
  teams: { roleId: string; name: string }[],
): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const series = categorySeries(i18n);
  const person = (login: string) => measure.names.people[login] ?? login;
  const team = (roleId: string) => measure.names.teams[roleId] ?? roleId;
  const pct = (share: number) => percent(i18n, share);
  const roles = ctx.session.user.roles;

  const filter = `<form method="get" action="/monitoring/reforma" class="filters">
<label>${escapeHtml(t('reform.filter.from'))} <input type="month" name="from" value="${escapeHtml(query.from ?? '')}"></label>
<label>${escapeHtml(t('reform.filter.to'))} <input type="month" name="to" value="${escapeHtml(query.to ?? '')}"></label>
<label>${escapeHtml(t('reform.filter.team'))} <select name="team"><option value="">${escapeHtml(t('reform.filter.allTeams'))}</option>${teams
    .map(
      (tm) =>
        `<option value="${escapeHtml(tm.roleId)}"${tm.roleId === query.team ? ' selected' : ''}>${escapeHtml(tm.name)}</option>`,
    )
    .join('')}</select></label>
<button type="submit">${escapeHtml(t('reform.filter.show'))}</button></form>`;

  if (measure.centre.length === 0) {
    return renderPage(ctx, {
      title: t('reform.title'),
      styles: MONITORING_STYLES,
      body: `<p>${escapeHtml(t('reform.intro'))}</p>${filter}<p>${escapeHtml(t('reform.empty'))}</p>`,
    });
  }

  const shift = measure.shift;
  const shiftSection = shift
    ? `<section aria-labelledby="reform-shift"><h2 id="reform-shift">${escapeHtml(t('reform.shift.title'))}</h2>
<p class="headline">${escapeHtml(
        t('reform.shift.sentence', {
          first: i18n.month(shift.first.month),
          latest: i18n.month(shift.latest.month),
          socialFirst: pct(shift.first.shares['social-work']),
          socialLatest: pct(shift.latest.shares['social-work']),
          socialPoints: signed(i18n, shift.socialWorkPoints),
          adminFirst: pct(shift.first.shares.administrative),
          adminLatest: pct(shift.latest.shares.administrative),
          adminPoints: signed(i18n, shift.administrativePoints),
        }),
      )}</p>
${chartWithTable(
  stackedShareBars({
    id: 'chart-shift',
    title: t('reform.shift.chartTitle'),
    description: t('reform.chart.desc'),
    series,
    rows: [shift.first, shift.latest].map((row) => ({ label: i18n.month(row.month), shares: row.shares })),
    percent: pct,
  }),
  splitTable(i18n, [shift.first, shift.latest], undefined, () => '', 'centre'),
  t('reform.shift.chartTitle'),
)}</section>`
    : `<p>${escapeHtml(t('reform.shift.oneMonth'))}</p>`;

  const centreSection = `<section aria-labelledby="reform-centre"><h2 id="reform-centre">${escapeHtml(t('reform.centre.title'))}</h2>
${chartWithTable(
  stackedShareBars({
    id: 'chart-centre',
    title: t('reform.centre.title'),
    description: t('reform.chart.desc'),
    series,
    rows: measure.centre.map((row) => ({ label: i18n.month(row.month), shares: row.shares })),
    percent: pct,
  }),
  splitTable(i18n, measure.centre, undefined, () => '', 'centre'),
  t('reform.centre.title'),
)}</section>`;

  const latestTeams = latest(measure.teams);
  const teamSection = `<section aria-labelledby="reform-teams"><h2 id="reform-teams">${escapeHtml(t('reform.teams.title'))}</h2>
${
  latestTeams.length
    ? chartWithTable(
        stackedShareBars({
          id: 'chart-teams',
          title: t('reform.teams.chartTitle', { month: i18n.month(latestTeams[0]!.month) }),
          description: t('reform.chart.desc'),
          series,
          rows: latestTeams.map((row) => ({ label: team(row.key), shares: row.shares })),
          percent: pct,
        }),
        splitTable(i18n, latestTeams, t('reform.col.team'), team, 'team'),
        t('reform.teams.chartTitle', { month: i18n.month(latestTeams[0]!.month) }),
      )
    : ''
}
<details><summary>${escapeHtml(t('reform.allMonths'))}</summary>${splitTable(i18n, measure.teams, t('reform.col.team'), team, 'team')}</details></section>`;

  const latestPeople = latest(measure.people);
  const peopleSection = `<section aria-labelledby="reform-people"><h2 id="reform-people">${escapeHtml(t('reform.people.title'))}</h2>
${
  latestPeople.length
    ? chartWithTable(
        stackedShareBars({
          id: 'chart-people',
          title: t('reform.people.chartTitle', { month: i18n.month(latestPeople[0]!.month) }),
          description: t('reform.chart.desc'),
          series,
          rows: latestPeople.map((row) => ({ label: person(row.key), shares: row.shares })),
          percent: pct,
        }),
        splitTable(i18n, latestPeople, t('reform.col.person'), person, 'person'),
        t('reform.people.chartTitle', { month: i18n.month(latestPeople[0]!.month) }),
      )
    : ''
}
<details><summary>${escapeHtml(t('reform.allMonths'))}</summary>${splitTable(i18n, measure.people, t('reform.col.person'), person, 'person')}</details></section>`;

  const classificationLink = ['process-owners', 'managers', 'analysts'].some((r) => roles.includes(r))
    ? `<p>${link('/monitoring/reforma/klasyfikacja', t('reform.classification.link'))}</p>`
    : '';
  return renderPage(ctx, {
    title: t('reform.title'),
    styles: MONITORING_STYLES,
    body: `<p>${escapeHtml(t('reform.intro'))}</p><p>${escapeHtml(t('reform.rule'))}</p>${classificationLink}${filter}${shiftSection}${centreSection}${teamSection}${peopleSection}`,
  });
}

function signed(i18n: I18n, points: number): string {
  return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${i18n.number(Math.abs(points))}`;
}
