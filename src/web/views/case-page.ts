import type { CaseFile } from '../../cases/case-file';
import { translateDomainText } from '../../i18n/domain-messages';
import type { I18n } from '../../i18n';
import { DECISION_EVENT_ROLES } from '../../decisions/decision-events';
import { REVISION_ROLES } from '../../decisions/decision-revision';
import { decisionEventForm, decisionRevisionForm } from './decision-event-form';
import { escapeHtml } from './html';
import { renderPage, scriptMessages } from './layout';
import type { SignedInContext } from './page-context';

/** A catalog text for a value from the database (a status, a kind), or the value itself when there is none. */
function valueText(i18n: I18n, prefix: string, value: string): string {
  return i18n.lookup(`${prefix}.${value}`) ?? value;
}

/**
 * The whole case file on one page, with where the case stands in its diagram (bpmn-js viewer). A break-glass view
 * (`breakGlass`) opens this one read only: no actions on the case, and documents listed without their links (a
 * document is served under the ordinary access rules).
 */
export function casePage(
  ctx: SignedInContext,
  file: CaseFile,
  notice?: string,
  /** `sections`: further sections after the decisions (HTML, already escaped), e.g. the payout account. */
  options: { breakGlass?: boolean; sections?: string } = {},
): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const e = escapeHtml;
  const when = (iso: string) => `<time datetime="${e(iso)}">${e(i18n.dateTime(iso))}</time>`;
  const list = <T>(items: T[], render: (item: T) => string, empty: string) =>
    items.length === 0
      ? `<p class="muted">${e(empty)}</p>`
      : `<ul>${items.map((item) => `<li>${render(item)}</li>`).join('')}</ul>`;
  const recordsEvents =
    !options.breakGlass &&
    ctx.session.user.roles.some((role) => (DECISION_EVENT_ROLES as readonly string[]).includes(role));
  const documentLink = (documentId: string, text: string) =>
    options.breakGlass
      ? `${e(text)} <span class="muted">(${e(t('breakGlass.documentNeedsAccess'))})</span>`
      : `<a href="/dokumenty/${e(documentId)}">${e(text)}</a>`;
  // the centre's own revocation or change (art. 154/155 KPA): the benefits team and managers (decision-revision.ts)
  const revises =
    !options.breakGlass &&
    ctx.session.user.roles.some((role) => (REVISION_ROLES as readonly string[]).includes(role));
  const urgent = file.urgent ? ` — <strong>${e(t('case.urgent'))}</strong>` : '';
  // step names come from the diagrams (Polish, owned by the process owners); our own actions are translated
  const what = (text: string) => translateDomainText(i18n.locale, text) ?? text;
  const diagram = file.bpmnProcessId
    ? `<section aria-labelledby="h-diagram"><h2 id="h-diagram">${e(t('case.diagram'))}</h2>
<p>${e(t('case.diagram.current', { steps: file.activeSteps.join(', ') || t('case.diagram.none') }))}</p>
<figure><div id="diagram" class="diagram" data-process="${e(file.bpmnProcessId)}" data-active="${e(file.activeElements.join(','))}"${scriptMessages({ loadFailed: t('case.diagram.loadFailed') })}></div>
<figcaption class="muted">${e(t('case.diagram.caption'))}</figcaption></figure></section>`
    : '';
  const th = (text: string) => `<th scope="col">${e(text)}</th>`;
  const instalments =
    file.instalments.length === 0
      ? ''
      : `<table><caption class="muted">${e(t('case.instalments'))}</caption><thead><tr>${th(t('case.instalments.no'))}${th(t('case.instalments.month'))}${th(t('case.instalments.amount'))}${th(t('case.instalments.method'))}${th(t('case.instalments.status'))}</tr></thead><tbody>${file.instalments
          .map(
            (i) =>
              `<tr><td>${i.instalmentNo}</td><td>${e(i18n.month(i.month))}</td><td>${e(i18n.money(i.amountGrosze))}</td><td>${e(t(i.method === 'cash' ? 'case.instalments.method.cash' : 'case.instalments.method.transfer'))}</td><td>${e(valueText(i18n, 'case.instalments.status', i.status))}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  return renderPage(ctx, {
    title: t('case.title', { caseNumber: file.caseNumber }),
    scripts: ['/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js', '/static/case-diagram.js'],
    styles: ['/vendor/bpmn-js/assets/diagram-js.css', '/vendor/bpmn-js/assets/bpmn-js.css'],
    body: `${notice ? `<p role="status"${options.breakGlass ? ' class="warning"' : ''}>${e(notice)}</p>` : ''}<section aria-labelledby="h-client"><h2 id="h-client">${e(t('case.client'))}</h2>
<dl><dt>${e(t('case.fullName'))}</dt><dd>${e(file.client.firstName)} ${e(file.client.lastName)}</dd>
<dt>${e(t('case.pesel'))}</dt><dd>${e(file.client.pesel ?? '—')}</dd>
<dt>${e(t('case.address'))}</dt><dd>${e(file.client.address ?? '—')}</dd>
<dt>${e(t('case.need'))}</dt><dd>${e(file.need)}</dd>
<dt>${e(t('case.status'))}</dt><dd>${e(valueText(i18n, 'case.status', file.status))}${urgent}</dd></dl></section>
<section aria-labelledby="h-household"><h2 id="h-household">${e(t('case.household'))}</h2>
${list(file.household, (m) => `${e(m.firstName)} ${e(m.lastName)} (${e(m.relation)})`, t('case.household.empty'))}</section>
<section aria-labelledby="h-timeline"><h2 id="h-timeline">${e(t('case.timeline'))}</h2>
${list(file.timeline, (s) => `${when(s.at)} — ${e(what(s.what))}${s.who ? ` (${e(s.who)})` : ''}`, t('case.timeline.empty'))}</section>
<section aria-labelledby="h-decisions"><h2 id="h-decisions">${e(t('case.decisions'))}</h2>
${list(
  file.decisions,
  (d) =>
    `${e(t(d.outcome === 'grant' ? 'case.decision.grant' : 'case.decision.refusal'))} — ${
      d.number
        ? e(t('case.decision.number', { number: d.number, date: d.issuedOn ? i18n.date(d.issuedOn) : '—' }))
        : e(t('case.decision.draft'))
    } (${e(valueText(i18n, 'case.decision.status', d.status))})${d.documentId ? ` — ${documentLink(d.documentId, 'PDF')}` : ''}${
      d.dispatchedOn
        ? `<br><span class="muted">${e(
            t('case.decision.dates', {
              dispatched: i18n.date(d.dispatchedOn),
              delivered: d.deliveredOn ? i18n.date(d.deliveredOn) : '—',
              enforceable: d.enforceableOn ? i18n.date(d.enforceableOn) : '—',
            }),
          )}</span>`
        : ''
    }${recordsEvents && d.number && !d.enforceableOn && !['revoked', 'amended'].includes(d.status) ? decisionEventForm(ctx, file.id, d) : ''}${
      revises && d.enforceableOn && d.outcome === 'grant' && d.status !== 'revoked'
        ? decisionRevisionForm(ctx, file.id, d)
        : ''
    }`,
  t('case.decisions.empty'),
)}
${instalments}</section>
${options.sections ?? ''}<section aria-labelledby="h-docs"><h2 id="h-docs">${e(t('case.documents'))}</h2>
${list(file.documents, (d) => `${documentLink(d.id, d.fileName)} (${e(valueText(i18n, 'case.documents.kind', d.kind))}, ${when(d.createdAt)})`, t('case.documents.empty'))}</section>
<section aria-labelledby="h-notes"><h2 id="h-notes">${e(t('case.notes'))}</h2>
${list(file.notes, (n) => `${when(n.createdAt)} ${e(n.author ?? '')}: ${e(n.body)}`, t('case.notes.empty'))}</section>
${diagram}`,
  });
}
