import type { Session } from '../../auth/sessions';
import { ROLES, isRoleId } from '../../auth/roles';
import type { CaseSummary } from '../../cases/case-summary';
import { PERSON_FIELDS, URGENT_FIELD } from '../../tasks/forms/person-fields';
import type { FieldSpec } from '../../tasks/forms/task-form';
import type { InboxPage, InboxQuery } from '../../tasks/task-queries';
import { escapeHtml } from './html';
import { renderPage } from './layout';

const csrf = (session: Session) =>
  `<input type="hidden" name="_csrf" value="${escapeHtml(session.csrfToken)}">`;
const groupName = (group: string) => (isRoleId(group) ? ROLES[group] : group);

const dateTime = (iso: string) => new Date(iso).toLocaleString('pl-PL', { timeZone: 'Europe/Warsaw' });

/** The inbox table alone: the page embeds it and the refresh script swaps it in without a reload. */
export function inboxTable(session: Session, page: InboxPage, query: InboxQuery): string {
  if (page.items.length === 0) return '<p>Brak otwartych zadań dla wybranych filtrów.</p>';
  const rows = page.items
    .map((t) => {
      const due = t.dueAt
        ? `<span class="${t.overdue ? 'overdue' : t.dueSoon ? 'due-soon' : ''}">${escapeHtml(dateTime(t.dueAt))}${
            t.overdue ? ' (po terminie)' : t.dueSoon ? ' (wkrótce)' : ''
          }</span>`
        : '—';
      const action = t.assignee
        ? escapeHtml(t.assignee)
        : `<form method="post" action="/zadania/${escapeHtml(t.userTaskKey)}/przejmij">${csrf(session)}<button type="submit" aria-label="Przejmij: ${escapeHtml(t.name)} ${escapeHtml(t.caseNumber ?? '')}">Przejmij</button></form>`;
      return `<tr>
  <td><a href="/zadania/${escapeHtml(t.userTaskKey)}">${escapeHtml(t.name)}</a></td>
  <td>${t.caseId ? `<a href="/sprawy/${escapeHtml(t.caseId)}">${escapeHtml(t.caseNumber)}</a>` : '—'}</td>
  <td>${escapeHtml(t.clientName ?? '—')}</td>
  <td>${escapeHtml(t.candidateGroups.map(groupName).join(', '))}</td>
  <td>${due}</td>
  <td>${t.priority}</td>
  <td>${action}</td>
</tr>`;
    })
    .join('\n');
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const link = (n: number) =>
    `?${new URLSearchParams({ ...stringQuery(query), page: String(n) }).toString()}`;
  const nav = `<nav aria-label="Strony listy" class="pager">
  ${page.page > 1 ? `<a href="${escapeHtml(link(page.page - 1))}">« poprzednia</a>` : ''}
  <span>strona ${page.page} z ${pages} (zadań: ${page.total})</span>
  ${page.page < pages ? `<a href="${escapeHtml(link(page.page + 1))}">następna »</a>` : ''}
</nav>`;
  return `<table>
<caption class="muted">Otwarte zadania — odświeżane automatycznie</caption>
<thead><tr><th scope="col">Zadanie</th><th scope="col">Znak sprawy</th><th scope="col">Osoba</th><th scope="col">Zespół</th><th scope="col">Termin</th><th scope="col">Priorytet</th><th scope="col">Przypisane</th></tr></thead>
<tbody>${rows}</tbody></table>
${nav}`;
}

export function taskListPage(session: Session, page: InboxPage, query: InboxQuery, notice?: string): string {
  const option = (value: string, label: string, current?: string) =>
    `<option value="${escapeHtml(value)}"${value === (current ?? '') ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  const filters = `<form method="get" action="/zadania" class="filters" role="search" aria-label="Filtry zadań">
  <label for="f-group">Zespół</label>
  <select id="f-group" name="group">${option('', 'wszystkie moje')}${session.user.roles.map((r) => option(r, groupName(r), query.group)).join('')}</select>
  <label for="f-assigned">Przypisanie</label>
  <select id="f-assigned" name="assigned">${option('any', 'wszystkie', query.assigned)}${option('me', 'moje', query.assigned)}${option('unassigned', 'nieprzypisane', query.assigned)}</select>
  <label for="f-overdue"><input id="f-overdue" type="checkbox" name="overdue" value="true"${query.overdue === 'true' ? ' checked' : ''}> tylko po terminie</label>
  <label for="f-sort">Kolejność</label>
  <select id="f-sort" name="sort">${option('due', 'termin', query.sort)}${option('created', 'data utworzenia', query.sort)}${option('priority', 'priorytet', query.sort)}</select>
  <label for="f-q">Szukaj (znak sprawy, nazwisko, PESEL)</label>
  <input id="f-q" name="q" value="${escapeHtml(query.q)}">
  <button type="submit">Filtruj</button>
</form>`;
  return renderPage({
    title: 'Zadania',
    session,
    scripts: ['/static/inbox.js'],
    body: `${notice ? `<p role="status">${escapeHtml(notice)}</p>` : ''}${filters}
<div id="inbox" aria-live="polite" data-refresh="/zadania/tabela?${escapeHtml(new URLSearchParams(stringQuery(query)).toString())}">${inboxTable(session, page, query)}</div>`,
  });
}

function stringQuery(query: InboxQuery): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => [key, String(value)]),
  );
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
  fields: FieldSpec[];
  values: Record<string, string>;
  error?: { field?: string; message: string };
  caseSummary?: CaseSummary;
}

/** The case beside the task: who, what for, and the steps done so far. */
export function caseAside(summary: CaseSummary | undefined): string {
  if (!summary)
    return '<aside class="case-aside" aria-label="Sprawa"><p class="muted">Sprawa nie jest jeszcze założona.</p></aside>';
  return `<aside class="case-aside" aria-labelledby="aside-h"><h2 id="aside-h">Sprawa <a href="/sprawy/${escapeHtml(summary.caseId)}">${escapeHtml(summary.caseNumber)}</a></h2>
<dl><dt>Osoba</dt><dd>${escapeHtml(summary.clientName)}</dd><dt>PESEL</dt><dd>${escapeHtml(summary.pesel ?? '—')}</dd>
<dt>Potrzeba</dt><dd>${escapeHtml(summary.need)}${summary.urgent ? ' — <strong>pilne</strong>' : ''}</dd></dl>
<h3>Wcześniejsze kroki</h3>${
    summary.steps.length === 0
      ? '<p class="muted">Brak.</p>'
      : `<ol>${summary.steps.map((s) => `<li>${escapeHtml(s.name)}${s.who ? ` (${escapeHtml(s.who)})` : ''}</li>`).join('')}</ol>`
  }</aside>`;
}

export function taskFormPage(session: Session, view: TaskFormView): string {
  const fieldNames = view.fields.map((f) => f.name);
  const fields = view.fields.map((field) => renderField(field, view)).join('\n');
  const general =
    view.error && !fieldNames.includes(view.error.field ?? '')
      ? `<p class="error" role="alert">${escapeHtml(view.error.message)}</p>`
      : view.error
        ? `<p class="error" role="alert">Popraw zaznaczone pole.</p>`
        : '';
  return renderPage({
    title: view.name,
    session,
    scripts: fieldNames.includes('pesel') ? ['/static/duplicate-check.js'] : [],
    body: `<div class="task-layout">${caseAside(view.caseSummary)}<div>${general}<p id="duplicate-status" role="status"></p><form method="post" action="/zadania/${escapeHtml(view.userTaskKey)}/zakoncz" novalidate>${csrf(session)}
${fields}
<p><button type="submit">Zakończ zadanie</button> <a href="/zadania">Anuluj</a></p></form></div></div>`,
  });
}

export function renderField(field: FieldSpec, view: Pick<TaskFormView, 'values' | 'error'>): string {
  const invalid = view.error?.field === field.name;
  const error = invalid
    ? `<p id="${field.name}-error" class="error">${escapeHtml(view.error?.message)}</p>`
    : '';
  const hint = field.hint ? `<p id="${field.name}-hint" class="muted">${escapeHtml(field.hint)}</p>` : '';
  const describedBy = [field.hint ? `${field.name}-hint` : '', invalid ? `${field.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  const aria = `${invalid ? ' aria-invalid="true"' : ''}${describedBy ? ` aria-describedby="${describedBy}"` : ''}`;
  const value = view.values[field.name] ?? '';
  const required = field.required ? ' required' : '';
  if (field.type === 'radio' || field.type === 'select') {
    const options = (field.options ?? [])
      .map(
        (o) =>
          `<label class="inline"><input type="radio" name="${field.name}" value="${escapeHtml(o.value)}"${value === o.value ? ' checked' : ''}${required}> ${escapeHtml(o.label)}</label>`,
      )
      .join('\n');
    return `<fieldset${aria}><legend>${escapeHtml(field.label)}</legend>${options}${hint}${error}</fieldset>`;
  }
  const id = `field-${field.name}`;
  const label = `<label for="${id}">${escapeHtml(field.label)}</label>`;
  if (field.type === 'textarea') {
    return `${label}<textarea id="${id}" name="${field.name}" rows="4" cols="60"${required}${aria}>${escapeHtml(value)}</textarea>${hint}${error}`;
  }
  const type = field.type === 'date' ? 'date' : 'text';
  const mode = field.inputmode ? ` inputmode="${field.inputmode}"` : '';
  return `${label}<input id="${id}" name="${field.name}" type="${type}" value="${escapeHtml(value)}" autocomplete="off"${mode}${required}${aria}>${hint}${error}`;
}

/** A task with a Camunda Form: form-js renders it from the deployed schema; the server validates the submission. */
export function camundaFormPage(
  session: Session,
  task: { userTaskKey: string; name: string; caseSummary?: CaseSummary },
): string {
  return renderPage({
    title: task.name,
    session,
    styles: ['/vendor/form-js/assets/form-js.css'],
    scripts: ['/vendor/form-js/form-viewer.umd.js', '/static/camunda-form.js'],
    body: `<div class="task-layout">${caseAside(task.caseSummary)}<div><p id="form-status" role="status" class="error"></p>
<div id="camunda-form" data-task="${escapeHtml(task.userTaskKey)}" data-csrf="${escapeHtml(session.csrfToken)}"></div>
<p><a href="/zadania">Wróć do listy zadań</a></p></div></div>`,
  });
}

const FIRST_CONTACT_FIELDS: FieldSpec[] = [
  {
    name: 'outcome',
    label: 'Wynik rozmowy',
    type: 'radio',
    required: true,
    options: [
      { value: 'application', label: 'Wniosek o pomoc (zakładamy sprawę)' },
      { value: 'information', label: 'Tylko informacja' },
      { value: 'certificate', label: 'Wydano zaświadczenie' },
    ],
  },
  ...PERSON_FIELDS,
  { name: 'need', label: 'Potrzeba lub sprawa', type: 'textarea', required: true },
  URGENT_FIELD,
];

/** First contact on one screen: the person, the outcome of the conversation and the duplicate check. */
export function firstContactPage(
  session: Session,
  state: { values: Record<string, string>; error?: { field?: string; message: string }; notice?: string },
): string {
  const names = FIRST_CONTACT_FIELDS.map((f) => f.name);
  const general =
    state.error && !names.includes(state.error.field ?? '')
      ? `<p class="error" role="alert">${escapeHtml(state.error.message)}</p>`
      : '';
  return renderPage({
    title: 'Pierwszy kontakt',
    session,
    scripts: ['/static/duplicate-check.js'],
    body: `${state.notice ? `<p role="status">${escapeHtml(state.notice)}</p>` : ''}${general}<p id="duplicate-status" role="status"></p>
<form method="post" action="/pierwszy-kontakt" novalidate>${csrf(session)}
${FIRST_CONTACT_FIELDS.map((field) => renderField(field, state)).join('\n')}
<p><button type="submit">Zapisz</button></p></form>`,
  });
}
