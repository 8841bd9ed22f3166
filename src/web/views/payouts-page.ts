import type { BatchSummary } from '../../payouts/batch-files';
import type { BatchLine } from '../../payouts/batch-lines';
import { escapeHtml as e } from './html';
import { renderPage } from './layout';
import type { SignedInContext } from './page-context';

const th = (text: string) => `<th scope="col">${e(text)}</th>`;

export function payoutsPage(ctx: SignedInContext, batches: BatchSummary[]): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const rows = batches
    .map((b) => {
      const link = (format: 'pdf' | 'elixir' | 'csv') =>
        `<a href="/wyplaty/${e(b.id)}/${format}">${e(t(`payouts.file.${format}`))}</a>`;
      const files =
        b.kind === 'cash-list'
          ? link('pdf')
          : b.status === 'open'
            ? e(t('payouts.files.afterExport'))
            : `${link('elixir')} · ${link('csv')}`;
      return `<tr><td><a href="/wyplaty/${e(b.id)}">${e(b.label)}</a></td><td><time datetime="${e(b.payoutDate)}">${e(i18n.date(b.payoutDate))}</time></td><td>${e(t(b.kind === 'cash-list' ? 'payouts.kind.cash' : 'payouts.kind.transfer'))}</td><td>${e(statusLabel(ctx, b))}</td><td>${e(i18n.number(b.count))}</td><td>${e(i18n.money(b.totalGrosze))}</td><td>${files}</td></tr>`;
    })
    .join('\n');
  return renderPage(ctx, {
    title: t('payouts.title'),
    body:
      batches.length === 0
        ? `<p>${e(t('payouts.empty'))}</p>`
        : `<table><thead><tr>${th(t('payouts.col.batch'))}${th(t('payouts.col.date'))}${th(t('payouts.col.kind'))}${th(t('payouts.col.status'))}${th(t('payouts.col.count'))}${th(t('payouts.col.total'))}${th(t('payouts.col.files'))}</tr></thead><tbody>${rows}</tbody></table>`,
  });
}

function statusLabel(ctx: SignedInContext, batch: Pick<BatchSummary, 'kind' | 'status'>): string {
  return batch.kind === 'cash-list'
    ? ctx.i18n.t('payouts.status.cash-list')
    : (ctx.i18n.lookup(`payouts.status.${batch.status}`) ?? batch.status);
}

/**
 * One batch: its lines and, for a transfer batch, the next step of its lifecycle — export (freezes the file), sent to
 * the bank, then each line confirmed or rejected from the bank's statement.
 */
export function batchPage(
  ctx: SignedInContext,
  batch: BatchSummary,
  lines: BatchLine[],
  info: string,
): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const csrf = `<input type="hidden" name="_csrf" value="${e(ctx.session.csrfToken)}">`;
  const mayRun = ['services-admin', 'managers'].some((r) => ctx.session.user.roles.includes(r));
  const transfer = batch.kind === 'bank-transfer';
  const action = (path: string, label: string) =>
    `<form method="post" action="/wyplaty/${e(batch.id)}/${path}" class="inline">${csrf}<button type="submit">${e(label)}</button></form>`;
  const step =
    transfer && mayRun
      ? batch.status === 'open'
        ? `<p>${e(t('payouts.export.hint'))}</p>${action('eksport', t('payouts.export'))}`
        : batch.status === 'exported'
          ? action('wyslana', t('payouts.markSent'))
          : ''
      : '';
  const settleForm = (line: BatchLine) => {
    const base = `line-${line.lineNo}`;
    return `<form method="post" action="/wyplaty/${e(batch.id)}/pozycje/${e(line.instalmentId)}" class="settle">${csrf}
<fieldset><legend>${e(t('payouts.settle.legend', { line: String(line.lineNo) }))}</legend>
<label><input type="radio" name="result" value="confirmed" required> ${e(t('payouts.line.confirmed'))}</label>
<label><input type="radio" name="result" value="rejected"> ${e(t('payouts.line.rejected'))}</label>
<label for="${base}-reason">${e(t('payouts.settle.reason'))}</label>
<input id="${base}-reason" name="reason" maxlength="500">
<button type="submit">${e(t('payouts.settle.submit'))}</button></fieldset></form>`;
  };
  const rows = lines
    .map((line) => {
      const status = i18n.lookup(`payouts.line.${line.status}`) ?? line.status;
      const settle =
        transfer && mayRun && batch.status === 'sent' && line.status === 'sent' ? settleForm(line) : '';
      return `<tr><td>${e(i18n.number(line.lineNo))}</td><td>${e(line.name)}</td><td>${e(line.caseNumber)}</td><td>${e(line.month)}</td>${transfer ? `<td>${e(line.account)}</td>` : ''}<td>${e(i18n.money(line.amountGrosze))}</td><td>${e(status)}${line.rejectionReason ? `: ${e(line.rejectionReason)}` : ''}${settle}</td></tr>`;
    })
    .join('\n');
  const notice = info ? i18n.lookup(`payouts.info.${info}`) : undefined;
  return renderPage(ctx, {
    title: t('payouts.batch.title', { label: batch.label }),
    body: `${notice ? `<p role="status" class="notice">${e(notice)}</p>` : ''}
<p>${e(t('payouts.col.kind'))}: ${e(t(transfer ? 'payouts.kind.transfer' : 'payouts.kind.cash'))} · ${e(t('payouts.col.status'))}: <strong>${e(statusLabel(ctx, batch))}</strong> · ${e(t('payouts.col.total'))}: ${e(i18n.money(batch.totalGrosze))}</p>
${step}
${
  !transfer
    ? `<p><a href="/wyplaty/${e(batch.id)}/pdf">${e(t('payouts.file.pdf'))}</a></p>`
    : batch.status !== 'open'
      ? `<p>${e(t('payouts.col.files'))}: <a href="/wyplaty/${e(batch.id)}/elixir">${e(t('payouts.file.elixir'))}</a> · <a href="/wyplaty/${e(batch.id)}/csv">${e(t('payouts.file.csv'))}</a></p>`
      : ''
}
<table><thead><tr>${th(t('payouts.col.lineNo'))}${th(t('payouts.col.name'))}${th(t('payouts.col.case'))}${th(t('payouts.col.month'))}${transfer ? th(t('payouts.col.account')) : ''}${th(t('payouts.col.amount'))}${th(t('payouts.col.status'))}</tr></thead><tbody>${rows}</tbody></table>
<p><a href="/wyplaty">${e(t('payouts.back'))}</a></p>`,
  });
}
