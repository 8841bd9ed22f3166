import { warsawDate } from '../../../domain/calendar-date';
import { HEAT_LEVELS } from '../../../domain/process-figures';
import type { ProcessView, WaitingCase } from '../../../monitoring/process-view';
import { MEDIAN_SAMPLE_PER_STEP, WAITING_LIST_LIMIT } from '../../../monitoring/process-view';
import { escapeHtml } from '../html';
import { renderPage, scriptMessages } from '../layout';
import type { SignedInContext } from '../page-context';
import { roleName } from '../roles';
import { durationText } from './duration-text';

export interface WaitingSection {
  elementId: string;
  cases: WaitingCase[];
}

/**
 * One process version: the diagram (bpmn-js viewer, `process-view.js`) with the figures as overlays and heat, the
 * same figures as a table (colour is never the only carrier), and — for a chosen step — the cases waiting there.
 * `canList`: the reader may open the lists of cases (managers, analysts); the counts then link to them.
 */
export function processViewPage(
  ctx: SignedInContext,
  view: ProcessView,
  options: { canList: boolean; waiting?: WaitingSection },
): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const e = escapeHtml;
  const { definition, steps } = view;
  const base = `/monitoring/procesy/${encodeURIComponent(definition.id)}`;
  const listHref = (elementId: string) => `${base}?element=${encodeURIComponent(elementId)}#oczekujace`;
  const count = (n: number, elementId: string, label: string) =>
    options.canList && n > 0
      ? `<a href="${e(listHref(elementId))}" aria-label="${e(`${label}: ${n}`)}">${n}</a>`
      : String(n);
  const median = (ms: number | null) => (ms === null ? t('processView.noMedian') : durationText(i18n, ms));
  const figures = steps.map((s) => ({
    id: s.elementId,
    active: s.active,
    incidents: s.incidents,
    median: s.medianMs === null ? null : durationText(i18n, s.medianMs),
    heat: s.heat,
    href: options.canList ? listHref(s.elementId) : null,
  }));
  const th = (text: string) => `<th scope="col">${e(text)}</th>`;
  const rows = steps
    .map(
      (s) => `<tr${s.heat ? ` class="heat-row-${s.heat}"` : ''}><th scope="row">${e(s.name)}</th>
<td class="num">${count(s.active, s.elementId, `${s.name} — ${t('processView.col.active')}`)}</td>
<td class="num">${count(s.incidents, s.elementId, `${s.name} — ${t('processView.col.incidents')}`)}</td>
<td>${e(median(s.medianMs))}</td><td class="num">${s.finished}</td></tr>`,
    )
    .join('\n');
  const legend = Array.from(
    { length: HEAT_LEVELS },
    (_, i) =>
      `<li><span class="swatch heat-swatch-${i + 1}" aria-hidden="true"></span> ${e(t(`processView.legend.${i + 1}` as 'processView.legend.1'))}</li>`,
  ).join('');
  const table =
    steps.length === 0
      ? `<p>${e(t('processView.noSteps'))}</p>`
      : `<table class="step-figures"><caption>${e(
          t('processView.table.caption', {
            since: i18n.date(warsawDate(new Date(view.medianSince))),
            sample: MEDIAN_SAMPLE_PER_STEP,
          }),
        )}</caption><thead><tr>${th(t('processView.col.step'))}${th(t('processView.col.active'))}${th(t('processView.col.incidents'))}${th(t('processView.col.median'))}${th(t('processView.col.finished'))}</tr></thead><tbody>${rows}</tbody></table>`;
  return renderPage(ctx, {
    title: t('processView.title', { name: definition.name ?? definition.key, version: definition.version }),
    scripts: ['/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js', '/static/process-view.js'],
    styles: [
      '/vendor/bpmn-js/assets/diagram-js.css',
      '/vendor/bpmn-js/assets/bpmn-js.css',
      '/static/monitoring.css',
    ],
    body: `<p><a href="/monitoring/procesy">${e(t('processView.back'))}</a></p>
<p>${e(
      t('processView.summary', {
        running: definition.runningInstances,
        incidents: definition.incidents,
        deployedAt: definition.deployedAt ? i18n.dateTime(definition.deployedAt) : '—',
      }),
    )}</p>
<section aria-labelledby="h-diagram"><h2 id="h-diagram">${e(t('processView.diagram'))}</h2>
<figure><div id="process-diagram" class="diagram process-diagram" data-definition="${e(definition.id)}" data-figures="${e(JSON.stringify(figures))}"${scriptMessages({ loadFailed: t('processView.diagram.loadFailed'), median: t('processView.medianBadge') })}></div>
<figcaption class="muted">${e(t('processView.diagram.caption'))}</figcaption></figure>
<p class="legend-title">${e(t('processView.legend'))}</p><ul class="heat-legend">${legend}</ul></section>
<section aria-labelledby="h-steps"><h2 id="h-steps">${e(t('processView.table'))}</h2>${table}</section>
${options.waiting ? waitingSection(ctx, steps.find((s) => s.elementId === options.waiting?.elementId)?.name ?? options.waiting.elementId, options.waiting.cases) : ''}`,
  });
}

function waitingSection(ctx: SignedInContext, stepName: string, cases: WaitingCase[]): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const e = escapeHtml;
  const th = (text: string) => `<th scope="col">${e(text)}</th>`;
  const rows = cases
    .map((c) => {
      const kase = c.caseId
        ? `<a href="/sprawy/${e(c.caseId)}">${e(c.caseNumber)}</a>`
        : e(t('processView.waiting.noCase', { id: c.processInstanceId }));
      const person = c.restricted
        ? `<span class="muted">${e(t('processView.waiting.restricted'))}</span>`
        : e(c.personName ?? '—');
      const teams = c.teams.length ? c.teams.map((r) => e(roleName(i18n, r))).join(', ') : '—';
      const holder = c.assignee
        ? e(c.assigneeName ?? c.assignee)
        : `<span class="muted">${e(t('processView.waiting.unassigned'))}</span>`;
      return `<tr><td>${kase}</td><td>${person}</td><td>${teams}</td><td>${holder}</td><td><time datetime="${e(c.since)}">${e(i18n.dateTime(c.since))}</time></td></tr>`;
    })
    .join('\n');
  return `<section aria-labelledby="oczekujace"><h2 id="oczekujace">${e(t('processView.waiting.title', { step: stepName }))}</h2>
<p class="muted">${e(t('processView.waiting.audit'))}</p>
${
  cases.length === 0
    ? `<p>${e(t('processView.waiting.empty'))}</p>`
    : `${cases.length >= WAITING_LIST_LIMIT ? `<p>${e(t('processView.waiting.limit', { limit: WAITING_LIST_LIMIT }))}</p>` : ''}<table class="waiting-cases"><thead><tr>${th(t('processView.waiting.col.case'))}${th(t('processView.waiting.col.person'))}${th(t('processView.waiting.col.team'))}${th(t('processView.waiting.col.holder'))}${th(t('processView.waiting.col.since'))}</tr></thead><tbody>${rows}</tbody></table>`
}</section>`;
}
