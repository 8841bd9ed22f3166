import type { BatchSummary } from '../../payouts/batch-files';
import { escapeHtml } from './html';
import { renderPage } from './layout';
import type { SignedInContext } from './page-context';

export function payoutsPage(ctx: SignedInContext, batches: BatchSummary[]): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const rows = batches
    .map((b) => {
      const link = (format: 'pdf' | 'elixir' | 'csv') =>
        `<a href="/wyplaty/${escapeHtml(b.id)}/${format}">${escapeHtml(t(`payouts.file.${format}`))}</a>`;
      const files = b.kind === 'cash-list' ? link('pdf') : `${link('elixir')} · ${link('csv')}`;
      return `<tr><td><time datetime="${escapeHtml(b.payoutDate)}">${escapeHtml(i18n.date(b.payoutDate))}</time></td><td>${escapeHtml(t(b.kind === 'cash-list' ? 'payouts.kind.cash' : 'payouts.kind.transfer'))}</td><td>${escapeHtml(i18n.number(b.count))}</td><td>${escapeHtml(i18n.money(b.totalGrosze))}</td><td>${files}</td></tr>`;
    })
    .join('\n');
  const th = (text: string) => `<th scope="col">${escapeHtml(text)}</th>`;
  return renderPage(ctx, {
    title: t('payouts.title'),
    body:
      batches.length === 0
        ? `<p>${escapeHtml(t('payouts.empty'))}</p>`
        : `<table><thead><tr>${th(t('payouts.col.date'))}${th(t('payouts.col.kind'))}${th(t('payouts.col.count'))}${th(t('payouts.col.total'))}${th(t('payouts.col.files'))}</tr></thead><tbody>${rows}</tbody></table>`,
  });
}
