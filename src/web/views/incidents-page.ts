import type { Session } from '../../auth/sessions';
import type { IncidentRow } from '../../incidents/incidents';
import { escapeHtml } from './html';
import { renderPage } from './layout';

export function incidentsPage(session: Session, incidents: IncidentRow[]): string {
  const rows = incidents
    .map(
      (
        i,
      ) => `<tr><td>${escapeHtml(new Date(i.createdAt).toLocaleString('pl-PL', { timeZone: 'Europe/Warsaw' }))}</td>
<td>${i.caseId ? `<a href="/sprawy/${escapeHtml(i.caseId)}">${escapeHtml(i.caseNumber)}</a>` : escapeHtml(i.processInstanceKey)}</td>
<td>${escapeHtml(i.stepName)}</td><td>${escapeHtml(i.errorMessage)}</td>
<td><form method="post" action="/incydenty/${escapeHtml(i.incidentKey)}/ponow"><input type="hidden" name="_csrf" value="${escapeHtml(session.csrfToken)}"><button type="submit">Ponów</button></form></td></tr>`,
    )
    .join('\n');
  return renderPage({
    title: 'Incydenty',
    session,
    body:
      incidents.length === 0
        ? '<p>Brak otwartych incydentów — wszystkie kroki automatyczne działają.</p>'
        : `<table><thead><tr><th scope="col">Od</th><th scope="col">Sprawa</th><th scope="col">Krok</th><th scope="col">Komunikat</th><th scope="col">Działanie</th></tr></thead><tbody>${rows}</tbody></table>`,
  });
}
