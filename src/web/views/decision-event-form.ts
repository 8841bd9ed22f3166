import type { CaseFile } from '../../cases/case-file';
import { escapeHtml as e } from './html';
import type { SignedInContext } from './page-context';

const KINDS = ['delivered', 'appeal-waived', 'appeal-filed', 'appeal-decided'] as const;
const RULINGS = ['upheld', 'changed', 'revoked', 'remanded'] as const;

/**
 * The office's form under an issued decision that is not yet enforceable: the advice of delivery, a waiver, an
 * appeal, the SKO's ruling — each goes to the case file and, as a message, to the decision's process.
 */
export function decisionEventForm(
  ctx: SignedInContext,
  caseId: string,
  decision: CaseFile['decisions'][number],
): string {
  const { t, lookup } = ctx.i18n;
  const base = `de-${decision.id.slice(0, 8)}`;
  const option = (prefix: string, value: string) =>
    `<option value="${value}">${e(lookup(`${prefix}.${value}`) ?? value)}</option>`;
  return `<form method="post" action="/sprawy/${e(caseId)}/decyzje/${e(decision.id)}/zdarzenia" class="decision-event">
<input type="hidden" name="_csrf" value="${e(ctx.session.csrfToken)}">
<fieldset><legend>${e(t('decisionEvent.legend', { number: decision.number ?? '' }))}</legend>
<label for="${base}-kind">${e(t('decisionEvent.kind'))}</label>
<select id="${base}-kind" name="kind" required>${KINDS.map((k) => option('decisionEvent.kind', k)).join('')}</select>
<label for="${base}-on">${e(t('decisionEvent.on'))}</label>
<input id="${base}-on" name="on" type="date" required>
<label for="${base}-ruling">${e(t('decisionEvent.ruling'))}</label>
<select id="${base}-ruling" name="ruling"><option value="">${e(t('decisionEvent.ruling.none'))}</option>${RULINGS.map((r) => option('decisionEvent.ruling', r)).join('')}</select>
<button type="submit">${e(t('decisionEvent.submit'))}</button>
</fieldset></form>`;
}

/**
 * The benefits team's form under an issued grant: the centre revokes or changes its own decision from a month
 * (art. 106 ust. 5 u.p.s., art. 154/155 KPA) — the payout stops from that month and what was paid for it already is
 * recovered (art. 98 u.p.s.).
 */
export function decisionRevisionForm(
  ctx: SignedInContext,
  caseId: string,
  decision: CaseFile['decisions'][number],
): string {
  const { t } = ctx.i18n;
  const base = `dr-${decision.id.slice(0, 8)}`;
  const field = (name: string, label: string, type: string, extra = '') =>
    `<label for="${base}-${name}">${e(label)}</label>
<input id="${base}-${name}" name="${name}" type="${type}" required${extra}>`;
  return `<form method="post" action="/sprawy/${e(caseId)}/decyzje/${e(decision.id)}/zdarzenia" class="decision-event">
<input type="hidden" name="_csrf" value="${e(ctx.session.csrfToken)}">
<fieldset><legend>${e(t('decisionRevision.legend', { number: decision.number ?? '' }))}</legend>
<label for="${base}-kind">${e(t('decisionRevision.kind'))}</label>
<select id="${base}-kind" name="kind" required><option value="revoke">${e(t('decisionRevision.kind.revoke'))}</option><option value="change">${e(t('decisionRevision.kind.change'))}</option></select>
${field('fromMonth', t('decisionRevision.fromMonth'), 'month', ' pattern="\\d{4}-\\d{2}" placeholder="RRRR-MM"')}
${field('revokingNumber', t('decisionRevision.revokingNumber'), 'text')}
${field('on', t('decisionRevision.on'), 'date')}
<label for="${base}-reason">${e(t('decisionRevision.reason'))}</label>
<textarea id="${base}-reason" name="reason" required minlength="10"></textarea>
<button type="submit">${e(t('decisionRevision.submit'))}</button>
</fieldset></form>`;
}
