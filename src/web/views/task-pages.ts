import type { Session } from '../../auth/sessions';
import { ROLES, isRoleId } from '../../auth/roles';
import type { TaskRow } from '../../tasks/task-queries';
import { escapeHtml } from './html';
import { renderPage } from './layout';

const csrf = (session: Session) =>
  `<input type="hidden" name="_csrf" value="${escapeHtml(session.csrfToken)}">`;
const groupName = (group: string) => (isRoleId(group) ? ROLES[group] : group);

export function taskListPage(session: Session, tasks: TaskRow[], notice?: string): string {
  const rows = tasks
    .map(
      (t) => `<tr>
  <td><a href="/zadania/${escapeHtml(t.userTaskKey)}">${escapeHtml(t.name)}</a></td>
  <td>${escapeHtml(t.caseNumber ?? '—')}</td>
  <td>${escapeHtml(t.clientName ?? '—')}</td>
  <td>${escapeHtml(t.candidateGroups.map(groupName).join(', '))}</td>
  <td>${escapeHtml(new Date(t.createdAt).toLocaleString('pl-PL', { timeZone: 'Europe/Warsaw' }))}</td>
  <td>${t.assignee ? escapeHtml(t.assignee) : `<form method="post" action="/zadania/${escapeHtml(t.userTaskKey)}/przejmij">${csrf(session)}<button type="submit">Przejmij</button></form>`}</td>
</tr>`,
    )
    .join('\n');
  const table =
    tasks.length === 0
      ? '<p>Brak otwartych zadań Twoich zespołów.</p>'
      : `<table><caption class="muted">Otwarte zadania zespołów: ${escapeHtml(session.user.roles.map(groupName).join(', '))}</caption>
<thead><tr><th scope="col">Zadanie</th><th scope="col">Znak sprawy</th><th scope="col">Osoba</th><th scope="col">Zespół</th><th scope="col">Utworzone</th><th scope="col">Przypisane</th></tr></thead>
<tbody>${rows}</tbody></table>`;
  return renderPage({
    title: 'Zadania',
    session,
    body: `${notice ? `<p role="status">${escapeHtml(notice)}</p>` : ''}${table}`,
  });
}

export function newApplicationPage(session: Session): string {
  return renderPage({
    title: 'Nowy wniosek',
    session,
    body: `<p>Rozpocznij przyjęcie wniosku; dane osoby wpiszesz w zadaniu „Przyjęcie wniosku”.</p>
<form method="post" action="/wnioski">${csrf(session)}
  <label for="channel">Sposób złożenia</label>
  <select id="channel" name="channel">
    <option value="in-person">Osobiście</option><option value="phone">Telefonicznie</option>
    <option value="mail">Pocztą</option><option value="epuap">ePUAP</option>
  </select>
  <p><button type="submit">Rozpocznij</button></p>
</form>`,
  });
}

export interface TaskFormView {
  userTaskKey: string;
  elementId: string;
  name: string;
  values: Record<string, string>;
  error?: { field?: string; message: string };
}

export function taskFormPage(session: Session, view: TaskFormView): string {
  const field = (name: string, label: string, extra = '') => {
    const invalid = view.error?.field === name;
    return `<label for="${name}">${label}</label>
<input id="${name}" name="${name}" value="${escapeHtml(view.values[name])}" ${extra} ${invalid ? `aria-invalid="true" aria-describedby="${name}-error"` : ''}>
${invalid ? `<p id="${name}-error" class="error">${escapeHtml(view.error?.message)}</p>` : ''}`;
  };
  const fields =
    view.elementId === 'receive-application'
      ? `${field('firstName', 'Imię', 'required autocomplete="off"')}
${field('lastName', 'Nazwisko', 'required autocomplete="off"')}
${field('pesel', 'PESEL (jeśli osoba go ma)', 'inputmode="numeric" pattern="[0-9]{11}" autocomplete="off"')}
${field('need', 'Z czym osoba przychodzi (potrzeba)', 'required')}`
      : `<fieldset><legend>Rozstrzygnięcie</legend>
<label><input type="radio" name="decision" value="grant" ${view.values.decision === 'grant' ? 'checked' : ''}> Przyznać</label>
<label><input type="radio" name="decision" value="refuse" ${view.values.decision === 'refuse' ? 'checked' : ''}> Odmówić</label>
${view.error?.field === 'decision' ? `<p class="error">${escapeHtml(view.error.message)}</p>` : ''}</fieldset>`;
  const general =
    view.error && !['firstName', 'lastName', 'pesel', 'need', 'decision'].includes(view.error.field ?? '')
      ? `<p class="error" role="alert">${escapeHtml(view.error.message)}</p>`
      : view.error
        ? `<p class="error" role="alert">Popraw zaznaczone pole.</p>`
        : '';
  return renderPage({
    title: view.name,
    session,
    body: `${general}<form method="post" action="/zadania/${escapeHtml(view.userTaskKey)}/zakoncz" novalidate>${csrf(session)}
${fields}
<p><button type="submit">Zakończ zadanie</button> <a href="/zadania">Anuluj</a></p></form>`,
  });
}
