import type { Session } from '../../auth/sessions';
import type { CaseFile } from '../../cases/case-file';
import { formatZl } from '../../domain/money';
import { escapeHtml } from './html';
import { renderPage } from './layout';

const STATUS: Record<string, string> = { open: 'w toku', closed: 'zakończona' };
const DECISION_STATUS: Record<string, string> = {
  draft: 'projekt',
  approved: 'zatwierdzona',
  issued: 'wydana',
  final: 'ostateczna',
};
const INSTALMENT_STATUS: Record<string, string> = {
  scheduled: 'zaplanowana',
  queued: 'na liście wypłat',
  paid: 'wypłacona',
  cancelled: 'anulowana',
};
const when = (iso: string) => new Date(iso).toLocaleString('pl-PL', { timeZone: 'Europe/Warsaw' });

/** The whole case file on one page, with where the case stands in its diagram (bpmn-js viewer). */
export function casePage(session: Session, file: CaseFile): string {
  const list = <T>(items: T[], render: (item: T) => string, empty: string) =>
    items.length === 0
      ? `<p class="muted">${empty}</p>`
      : `<ul>${items.map((item) => `<li>${render(item)}</li>`).join('')}</ul>`;
  const diagram = file.bpmnProcessId
    ? `<section aria-labelledby="h-diagram"><h2 id="h-diagram">Gdzie jest sprawa</h2>
<p>Bieżące kroki: ${escapeHtml(file.activeSteps.join(', ') || 'brak (proces zakończony)')}</p>
<figure><div id="diagram" class="diagram" data-process="${escapeHtml(file.bpmnProcessId)}" data-active="${escapeHtml(file.activeElements.join(','))}"></div>
<figcaption class="muted">Diagram procesu; bieżące kroki są obwiedzione na pomarańczowo.</figcaption></figure></section>`
    : '';
  return renderPage({
    title: `Sprawa ${file.caseNumber}`,
    session,
    scripts: ['/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js', '/static/case-diagram.js'],
    styles: ['/vendor/bpmn-js/assets/diagram-js.css', '/vendor/bpmn-js/assets/bpmn-js.css'],
    body: `<section aria-labelledby="h-client"><h2 id="h-client">Osoba</h2>
<dl><dt>Imię i nazwisko</dt><dd>${escapeHtml(file.client.firstName)} ${escapeHtml(file.client.lastName)}</dd>
<dt>PESEL</dt><dd>${escapeHtml(file.client.pesel ?? '—')}</dd>
<dt>Adres</dt><dd>${escapeHtml(file.client.address ?? '—')}</dd>
<dt>Potrzeba</dt><dd>${escapeHtml(file.need)}</dd>
<dt>Status</dt><dd>${escapeHtml(STATUS[file.status] ?? file.status)}${file.urgent ? ' — <strong>pilne</strong>' : ''}</dd></dl></section>
<section aria-labelledby="h-household"><h2 id="h-household">Gospodarstwo domowe</h2>
${list(file.household, (m) => `${escapeHtml(m.firstName)} ${escapeHtml(m.lastName)} (${escapeHtml(m.relation)})`, 'Brak wpisanych członków gospodarstwa.')}</section>
<section aria-labelledby="h-timeline"><h2 id="h-timeline">Przebieg sprawy</h2>
${list(file.timeline, (t) => `<time datetime="${escapeHtml(t.at)}">${escapeHtml(when(t.at))}</time> — ${escapeHtml(t.what)}${t.who ? ` (${escapeHtml(t.who)})` : ''}`, 'Brak kroków.')}</section>
<section aria-labelledby="h-decisions"><h2 id="h-decisions">Decyzje i wypłaty</h2>
${list(
  file.decisions,
  (d) =>
    `${d.outcome === 'grant' ? 'Przyznanie' : 'Odmowa'} — ${d.number ? `nr ${escapeHtml(d.number)} z ${escapeHtml(d.issuedOn)}` : 'projekt'} (${escapeHtml(DECISION_STATUS[d.status] ?? d.status)})${
      d.documentId ? ` — <a href="/dokumenty/${escapeHtml(d.documentId)}">PDF</a>` : ''
    }`,
  'Brak decyzji.',
)}
${
  file.instalments.length === 0
    ? ''
    : `<table><caption class="muted">Raty</caption><thead><tr><th scope="col">Nr</th><th scope="col">Miesiąc</th><th scope="col">Kwota</th><th scope="col">Sposób</th><th scope="col">Stan</th></tr></thead><tbody>${file.instalments
        .map(
          (i) =>
            `<tr><td>${i.instalmentNo}</td><td>${escapeHtml(i.month)}</td><td>${escapeHtml(formatZl(i.amountGrosze))}</td><td>${i.method === 'cash' ? 'kasa' : 'przelew'}</td><td>${escapeHtml(INSTALMENT_STATUS[i.status] ?? i.status)}</td></tr>`,
        )
        .join('')}</tbody></table>`
}</section>
<section aria-labelledby="h-docs"><h2 id="h-docs">Dokumenty</h2>
${list(file.documents, (d) => `<a href="/dokumenty/${escapeHtml(d.id)}">${escapeHtml(d.fileName)}</a> (${escapeHtml(d.kind)}, ${escapeHtml(when(d.createdAt))})`, 'Brak dokumentów.')}</section>
<section aria-labelledby="h-notes"><h2 id="h-notes">Notatki</h2>
${list(file.notes, (n) => `${escapeHtml(when(n.createdAt))} ${escapeHtml(n.author ?? '')}: ${escapeHtml(n.body)}`, 'Brak notatek.')}</section>
${diagram}`,
  });
}
