import type { FlowCase } from '../../../monitoring/flow-data';
import type { FlowCasesQuery } from '../../../monitoring/monitoring-queries';
import { escapeHtml } from '../html';
import { renderPage } from '../layout';
import type { SignedInContext } from '../page-context';
import { link, th } from './format';
import { MONITORING_STYLES } from './reform-page';
import { stageName } from './flow-page';

/** The cases behind a figure of the flow page, each linking to its case page. */
export function flowCasesPage(
  ctx: SignedInContext,
  cases: FlowCase[],
  query: FlowCasesQuery & { from: string; to: string },
  names: { teams: Record<string, string>; sites: Record<string, string> },
): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const what = [
    t('flow.cases.period', { from: i18n.date(query.from), to: i18n.date(query.to) }),
    query.week ? t('flow.cases.week', { week: i18n.date(query.week) }) : undefined,
    query.team ? (names.teams[query.team] ?? query.team) : undefined,
    query.site
      ? query.site === 'none'
        ? t('flow.site.none')
        : (names.sites[query.site] ?? query.site)
      : undefined,
    query.stage ? stageName(i18n, query.stage) : undefined,
    query.outcome ? t(`flow.outcomes.${query.outcome}`) : undefined,
  ]
    .filter((part): part is string => part !== undefined)
    .join(' · ');
  const at = (date: string | null, days: number | null) =>
    date === null
      ? '—'
      : `${escapeHtml(i18n.date(date))} (${escapeHtml(t('flow.days', { count: days ?? 0 }))})`;
  const rows = cases
    .map(
      (c) => `<tr><th scope="row">${link(`/sprawy/${c.caseId}`, c.caseNumber)}</th>
<td>${escapeHtml(c.teams.map((team) => names.teams[team] ?? team).join(', '))}</td>
<td>${escapeHtml(c.site ? (names.sites[c.site] ?? c.site) : t('flow.site.none'))}</td>
<td>${escapeHtml(i18n.date(c.appliedOn))}</td><td>${at(c.interviewOn, c.days.interview)}</td>
<td>${at(c.decisionOn, c.days.decision)}</td><td>${at(c.firstPayoutOn, c.days.firstPayout)}</td>
<td>${escapeHtml(t(`flow.outcome.${c.outcome}`))}</td></tr>`,
    )
    .join('\n');
  return renderPage(ctx, {
    title: t('flow.cases.title'),
    styles: MONITORING_STYLES,
    body: `<p>${escapeHtml(what)}</p><p>${escapeHtml(t('flow.cases.count', { count: cases.length }))}</p>
<p>${link(`/monitoring/przeplyw?from=${query.from}&to=${query.to}`, t('flow.back'))}</p>
${
  cases.length
    ? `<table><thead><tr>${th(t('flow.cases.col.case'))}${th(t('flow.col.team'))}${th(t('flow.col.site'))}${th(t('flow.cases.col.applied'))}${th(stageName(i18n, 'interview'))}${th(stageName(i18n, 'decision'))}${th(stageName(i18n, 'firstPayout'))}${th(t('flow.cases.col.outcome'))}</tr></thead><tbody>${rows}</tbody></table>`
    : `<p>${escapeHtml(t('flow.cases.none'))}</p>`
}`,
  });
}
