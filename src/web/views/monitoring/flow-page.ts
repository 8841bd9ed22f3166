import type { I18n } from '../../../i18n';
import { FLOW_STAGES, type FlowStage, type GroupSpreads } from '../../../domain/monitoring/case-flow';
import type { Spread } from '../../../domain/monitoring/percentile';
import type { FlowMeasure } from '../../../monitoring/flow-data';
import { columnChart } from '../charts/column-chart';
import { groupedBars } from '../charts/grouped-bars';
import type { Series } from '../charts/svg';
import { escapeHtml } from '../html';
import { renderPage } from '../layout';
import type { SignedInContext } from '../page-context';
import { chartWithTable, href, link, th } from './format';
import { MONITORING_STYLES } from './reform-page';

const CASES = '/monitoring/przeplyw/sprawy';

export function stageName(i18n: I18n, stage: FlowStage): string {
  return i18n.t(`flow.stage.${stage}`);
}

function days(i18n: I18n, value: number | undefined | null): string {
  return value === undefined || value === null ? '—' : i18n.t('flow.days', { count: value });
}

export function flowPage(ctx: SignedInContext, measure: FlowMeasure): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const period = { from: measure.from, to: measure.to };
  const cases = (extra: Record<string, string | undefined>) => href(CASES, { ...period, ...extra });

  const filter = `<form method="get" action="/monitoring/przeplyw" class="filters">
<label>${escapeHtml(t('flow.filter.from'))} <input type="date" name="from" value="${escapeHtml(measure.from)}"></label>
<label>${escapeHtml(t('flow.filter.to'))} <input type="date" name="to" value="${escapeHtml(measure.to)}"></label>
<button type="submit">${escapeHtml(t('flow.filter.show'))}</button></form>`;

  const o = measure.outcomes;
  const outcomes = `<section aria-labelledby="flow-outcomes"><h2 id="flow-outcomes">${escapeHtml(t('flow.outcomes.title'))}</h2>
<table><thead><tr>${th(t('flow.outcomes.col.what'))}${th(t('flow.outcomes.col.count'))}</tr></thead><tbody>
<tr><th scope="row">${escapeHtml(t('flow.outcomes.applications'))}</th><td>${link(cases({}), i18n.number(measure.applications))}</td></tr>
<tr><th scope="row">${escapeHtml(t('flow.outcomes.granted'))}</th><td>${link(cases({ outcome: 'granted' }), i18n.number(o.granted))}</td></tr>
<tr><th scope="row">${escapeHtml(t('flow.outcomes.refused'))}</th><td>${link(cases({ outcome: 'refused' }), i18n.number(o.refused))}</td></tr>
<tr><th scope="row">${escapeHtml(t('flow.outcomes.pending'))}</th><td>${i18n.number(o.pending)}</td></tr>
<tr><th scope="row">${escapeHtml(t('flow.outcomes.firstContact'))}</th><td>${i18n.number(o.firstContact)}</td></tr>
</tbody></table></section>`;

  const weekLabel = (week: string) => `${week.slice(8, 10)}.${week.slice(5, 7)}`;
  const weeksTable = `<table><thead><tr>${th(t('flow.weeks.col.week'))}${th(t('flow.weeks.col.count'))}</tr></thead><tbody>${measure.perWeek
    .map(
      (w) =>
        `<tr><th scope="row">${escapeHtml(i18n.date(w.week))}</th><td>${w.count ? link(cases({ week: w.week }), i18n.number(w.count)) : '0'}</td></tr>`,
    )
    .join('')}</tbody></table>`;
  const weeks = `<section aria-labelledby="flow-weeks"><h2 id="flow-weeks">${escapeHtml(t('flow.weeks.title'))}</h2>
${chartWithTable(
  columnChart({
    id: 'chart-weeks',
    title: t('flow.weeks.title'),
    description: t('flow.weeks.desc', { from: i18n.date(measure.from), to: i18n.date(measure.to) }),
    columns: measure.perWeek.map((w) => ({ label: weekLabel(w.week), value: w.count })),
  }),
  weeksTable,
  t('flow.weeks.title'),
)}</section>`;

  const stagesTable = `<table><thead><tr>${th(t('flow.col.stage'))}${th(t('flow.col.reached'))}${th(t('flow.col.median'))}${th(t('flow.col.p90'))}</tr></thead><tbody>${FLOW_STAGES.map(
    (stage) => {
      const s = measure.stages[stage];
      return `<tr><th scope="row">${escapeHtml(stageName(i18n, stage))}</th><td>${link(cases({ stage }), i18n.number(s.count))}</td><td>${escapeHtml(days(i18n, s.median))}</td><td>${escapeHtml(days(i18n, s.p90))}</td></tr>`;
    },
  ).join('')}</tbody></table>`;
  const stages = `<section aria-labelledby="flow-stages"><h2 id="flow-stages">${escapeHtml(t('flow.stages.title'))}</h2>
<p>${escapeHtml(t('flow.stages.rule'))}</p>${stagesTable}</section>`;

  const series: Series[] = [
    { key: 'median', label: t('flow.col.median'), pattern: 'solid-dark' },
    { key: 'p90', label: t('flow.col.p90'), pattern: 'stripes' },
  ];
  const groupTable = (
    groups: GroupSpreads[],
    header: string,
    name: (key: string) => string,
    by: 'team' | 'site',
  ) =>
    `<table><thead><tr>${th(header)}${th(t('flow.outcomes.applications'))}${FLOW_STAGES.map((stage) =>
      th(t('flow.col.stageSpread', { stage: stageName(i18n, stage) })),
    ).join('')}</tr></thead><tbody>${groups
      .map((g) => {
        const key = by === 'site' && g.key === '' ? 'none' : g.key;
        return `<tr><th scope="row">${escapeHtml(name(g.key))}</th><td>${link(cases({ [by]: key }), i18n.number(g.applications))}</td>${FLOW_STAGES.map(
          (stage) => `<td>${spreadCell(i18n, g.stages[stage], cases({ [by]: key, stage }))}</td>`,
        ).join('')}</tr>`;
      })
      .join('')}</tbody></table>`;
  const teamName = (key: string) => measure.names.teams[key] ?? key;
  const siteName = (key: string) => (key === '' ? t('flow.site.none') : (measure.names.sites[key] ?? key));
  const groupChart = (id: string, groups: GroupSpreads[], name: (key: string) => string, title: string) =>
    groupedBars({
      id,
      title,
      description: t('flow.groups.desc'),
      series,
      rows: groups.map((g) => ({
        label: name(g.key),
        values: { median: g.stages.decision.median ?? null, p90: g.stages.decision.p90 ?? null },
      })),
      format: (value) => days(i18n, value),
    });
  const teams = `<section aria-labelledby="flow-teams"><h2 id="flow-teams">${escapeHtml(t('flow.teams.title'))}</h2>
${chartWithTable(groupChart('chart-flow-teams', measure.teams, teamName, t('flow.teams.chartTitle')), groupTable(measure.teams, t('flow.col.team'), teamName, 'team'), t('flow.teams.chartTitle'))}</section>`;
  const sites = `<section aria-labelledby="flow-sites"><h2 id="flow-sites">${escapeHtml(t('flow.sites.title'))}</h2>
${chartWithTable(groupChart('chart-flow-sites', measure.sites, siteName, t('flow.sites.chartTitle')), groupTable(measure.sites, t('flow.col.site'), siteName, 'site'), t('flow.sites.chartTitle'))}</section>`;

  return renderPage(ctx, {
    title: t('flow.title'),
    styles: MONITORING_STYLES,
    body: `<p>${escapeHtml(t('flow.intro', { from: i18n.date(measure.from), to: i18n.date(measure.to) }))}</p>${filter}${outcomes}${weeks}${stages}${teams}${sites}`,
  });
}

/** "median / p90" with a link to the cases that reached the stage. */
function spreadCell(i18n: I18n, spread: Spread, address: string): string {
  if (spread.count === 0) return '—';
  return `${link(address, `${days(i18n, spread.median)} / ${days(i18n, spread.p90)}`)}`;
}
