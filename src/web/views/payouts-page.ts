import type { Session } from '../../auth/sessions';
import { formatZl } from '../../domain/money';
import type { BatchSummary } from '../../payouts/batch-files';
import { escapeHtml } from './html';
import { renderPage } from './layout';

export function payoutsPage(session: Session, batches: BatchSummary[]): string {
  const rows = batches
    .map((b) => {
      const files =
        b.kind === 'cash-list'
          ? `<a href="/wyplaty/${escapeHtml(b.id)}/pdf">lista wypłat (PDF)</a>`
          : `<a href="/wyplaty/${escapeHtml(b.id)}/elixir">plik Elixir-O</a> · <a href="/wyplaty/${escapeHtml(b.id)}/csv">CSV</a>`;
      return `<tr><td>${escapeHtml(b.payoutDate)}</td><td>${b.kind === 'cash-list' ? 'kasa' : 'przelewy'}</td><td>${b.count}</td><td>${escapeHtml(formatZl(b.totalGrosze))}</td><td>${files}</td></tr>`;
    })
    .join('\n');
  return renderPage({
    title: 'Wypłaty',
    session,
    body:
      batches.length === 0
        ? '<p>Nie ma jeszcze list wypłat.</p>'
        : `<table><thead><tr><th scope="col">Dzień</th><th scope="col">Rodzaj</th><th scope="col">Pozycji</th><th scope="col">Razem</th><th scope="col">Pliki</th></tr></thead><tbody>${rows}</tbody></table>`,
  });
}
