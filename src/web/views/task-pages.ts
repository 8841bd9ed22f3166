import { randomUUID } from 'node:crypto';
import { AID_REASONS, CONTACT_OUTCOMES, NEED_KINDS } from '../../domain/routing-codes';
import type { CaseSummary } from '../../cases/case-summary';
import type { I18n, MessageKey } from '../../i18n';
import { PERSON_FIELDS, URGENT_FIELD } from '../../tasks/forms/person-fields';
import type { FieldSpec } from '../../tasks/forms/task-form';
import type { InboxPage, InboxQuery } from '../../tasks/task-queries';
import { escapeHtml } from './html';
import { renderPage, scriptMessages } from './layout';
import type { SignedInContext } from './page-context';
import { roleName } from './roles';

const e = escapeHtml;
const csrf = (ctx: SignedInContext) =>
  `<input type="hidden" name="_csrf" value="${e(ctx.session.csrfToken)}">`;

/** The inbox table alone: the page embeds it and the refresh script swaps it in without a reload. */
export function inboxTable(ctx: SignedInContext, page: InboxPage, query: InboxQuery): string {
  const { i18n } = ctx;
  const { t } = i18n;
  if (page.items.length === 0) return `<p>${e(t('inbox.empty'))}</p>`;
  // task names come from the diagrams (Polish, owned by the process owners)
  const rows = page.items
    .map((task) => {
      const flag = task.overdue ? t('inbox.overdue') : task.dueSoon ? t('inbox.dueSoon') : '';
      const due = task.dueAt
        ? `<span class="${task.overdue ? 'overdue' : task.dueSoon ? 'due-soon' : ''}"><time datetime="${e(task.dueAt)}">${e(i18n.dateTime(task.dueAt))}</time>${flag ? ` (${e(flag)})` : ''}</span>`
        : '—';
      const action = task.assignee
        ? e(task.assignee)
        : `<form method="post" action="/zadania/${e(task.userTaskKey)}/przejmij">${csrf(ctx)}<button type="submit" aria-label="${e(t('inbox.claimLabel', { task: task.name, caseNumber: task.caseNumber ?? '' }).trim())}">${e(t('inbox.claim'))}</button></form>`;
      return `<tr>
  <td><a href="/zadania/${e(task.userTaskKey)}">${e(task.name)}</a></td>
  <td>${task.caseId ? `<a href="/sprawy/${e(task.caseId)}">${e(task.caseNumber)}</a>` : '—'}</td>
  <td>${e(task.clientName ?? '—')}</td>
  <td>${e(task.candidateGroups.map((g) => roleName(i18n, g)).join(', '))}</td>
  <td>${due}</td>
  <td>${e(i18n.number(task.priority))}</td>
  <td>${action}</td>
</tr>`;
    })
    .join('\n');
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const link = (n: number) =>
    `?${new URLSearchParams({ ...stringQuery(query), page: String(n) }).toString()}`;
  const nav = `<nav aria-label="${e(t('inbox.pager'))}" class="pager">
  ${page.page > 1 ? `<a href="${e(link(page.page - 1))}">${e(t('inbox.pager.previous'))}</a>` : ''}
  <span>${e(
    page.totalCapped
      ? t('inbox.pager.statusCapped', { page: page.page, pages, count: page.total })
      : t('inbox.pager.status', { page: page.page, pages, count: page.total }),
  )}</span>
  ${page.page < pages ? `<a href="${e(link(page.page + 1))}">${e(t('inbox.pager.next'))}</a>` : ''}
</nav>`;
  const th = (key: MessageKey & `inbox.col.${string}`) => `<th scope="col">${e(t(key))}</th>`;
  return `<table>
<caption class="muted">${e(t('inbox.caption'))}</caption>
<thead><tr>${th('inbox.col.task')}${th('inbox.col.caseNumber')}${th('inbox.col.client')}${th('inbox.col.team')}${th('inbox.col.due')}${th('inbox.col.priority')}${th('inbox.col.assignee')}</tr></thead>
<tbody>${rows}</tbody></table>
${nav}`;
}

export function taskListPage(
  ctx: SignedInContext,
  page: InboxPage,
  query: InboxQuery,
  notice?: string,
): string {
  const { i18n, session } = ctx;
  const { t } = i18n;
  const option = (value: string, label: string, current?: string) =>
    `<option value="${e(value)}"${value === (current ?? '') ? ' selected' : ''}>${e(label)}</option>`;
  const label = (id: string, text: string) => `<label for="${id}">${e(text)}</label>`;
  const filters = `<form method="get" action="/zadania" class="filters" role="search" aria-label="${e(t('inbox.filters'))}">
  ${label('f-group', t('inbox.filters.group'))}
  <select id="f-group" name="group">${option('', t('inbox.filters.group.all'))}${session.user.roles.map((r) => option(r, roleName(i18n, r), query.group)).join('')}</select>
  ${label('f-assigned', t('inbox.filters.assigned'))}
  <select id="f-assigned" name="assigned">${option('any', t('inbox.filters.assigned.any'), query.assigned)}${option('me', t('inbox.filters.assigned.me'), query.assigned)}${option('unassigned', t('inbox.filters.assigned.unassigned'), query.assigned)}</select>
  <label for="f-overdue"><input id="f-overdue" type="checkbox" name="overdue" value="true"${query.overdue === 'true' ? ' checked' : ''}> ${e(t('inbox.filters.overdue'))}</label>
  ${label('f-sort', t('inbox.filters.sort'))}
  <select id="f-sort" name="sort">${option('due', t('inbox.filters.sort.due'), query.sort)}${option('created', t('inbox.filters.sort.created'), query.sort)}${option('priority', t('inbox.filters.sort.priority'), query.sort)}</select>
  ${label('f-q', t('inbox.filters.search'))}
  <input id="f-q" name="q" value="${e(query.q)}">
  <button type="submit">${e(t('inbox.filters.submit'))}</button>
</form>`;
  return renderPage(ctx, {
    title: t('inbox.title'),
    scripts: ['/static/inbox.js'],
    body: `${notice ? `<p role="status">${e(notice)}</p>` : ''}${filters}
<div id="inbox" aria-live="polite" data-refresh="/zadania/tabela?${e(new URLSearchParams(stringQuery(query)).toString())}">${inboxTable(ctx, page, query)}</div>`,
  });
}

function stringQuery(query: InboxQuery): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => [key, String(value)]),
  );
}

export const CHANNELS = ['in-person', 'phone', 'mail', 'epuap'] as const;

export function newApplicationPage(ctx: SignedInContext): string {
  const { t } = ctx.i18n;
  return renderPage(ctx, {
    title: t('newApplication.title'),
    body: `<p>${e(t('newApplication.intro'))}</p>
<form method="post" action="/wnioski">${csrf(ctx)}
  <label for="channel">${e(t('newApplication.channel'))}</label>
  <select id="channel" name="channel">
    ${CHANNELS.map((c) => `<option value="${c}">${e(t(`newApplication.channel.${c}`))}</option>`).join('')}
  </select>
  <p><button type="submit">${e(t('newApplication.submit'))}</button></p>
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
export function caseAside(i18n: I18n, summary: CaseSummary | undefined): string {
  const { t } = i18n;
  if (!summary)
    return `<aside class="case-aside" aria-label="${e(t('task.caseLabel'))}"><p class="muted">${e(t('task.noCase'))}</p></aside>`;
  return `<aside class="case-aside" aria-labelledby="aside-h"><h2 id="aside-h">${e(t('task.caseHeading'))} <a href="/sprawy/${e(summary.caseId)}">${e(summary.caseNumber)}</a></h2>
<dl><dt>${e(t('case.client'))}</dt><dd>${e(summary.clientName)}</dd><dt>${e(t('case.pesel'))}</dt><dd>${e(summary.pesel ?? '—')}</dd>
<dt>${e(t('case.need'))}</dt><dd>${e(summary.need)}${summary.urgent ? ` — <strong>${e(t('case.urgent'))}</strong>` : ''}</dd></dl>
<h3>${e(t('task.earlierSteps'))}</h3>${
    summary.steps.length === 0
      ? `<p class="muted">${e(t('task.noEarlierSteps'))}</p>`
      : `<ol>${summary.steps.map((s) => `<li>${e(s.name)}${s.who ? ` (${e(s.who)})` : ''}</li>`).join('')}</ol>`
  }</aside>`;
}

/** The live duplicate check's status line, with its texts for the script. */
function duplicateStatus(i18n: I18n): string {
  const { t } = i18n;
  return `<p id="duplicate-status" role="status"${scriptMessages({
    newPerson: t('duplicate.newPerson'),
    foundWithCases: t('duplicate.foundWithCases', { name: '{name}', cases: '{cases}' }),
    foundNoCases: t('duplicate.foundNoCases', { name: '{name}' }),
  })}></p>`;
}

/** A task with a form of src/tasks/forms (its labels are Polish, owned with the form). */
export function taskFormPage(ctx: SignedInContext, view: TaskFormView): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const fieldNames = view.fields.map((f) => f.name);
  const fields = view.fields.map((field) => renderField(field, view)).join('\n');
  const general =
    view.error && !fieldNames.includes(view.error.field ?? '')
      ? `<p class="error" role="alert">${e(view.error.message)}</p>`
      : view.error
        ? `<p class="error" role="alert">${e(t('task.fixField'))}</p>`
        : '';
  return renderPage(ctx, {
    title: view.name,
    scripts: fieldNames.includes('pesel') ? ['/static/duplicate-check.js'] : [],
    body: `<div class="task-layout">${caseAside(i18n, view.caseSummary)}<div>${general}${duplicateStatus(i18n)}<form method="post" action="/zadania/${e(view.userTaskKey)}/zakoncz" novalidate>${csrf(ctx)}
${fields}
<p><button type="submit">${e(t('task.complete'))}</button> <a href="/zadania">${e(t('task.cancel'))}</a></p></form></div></div>`,
  });
}

export function renderField(field: FieldSpec, view: Pick<TaskFormView, 'values' | 'error'>): string {
  const invalid = view.error?.field === field.name;
  const error = invalid ? `<p id="${field.name}-error" class="error">${e(view.error?.message)}</p>` : '';
  const hint = field.hint ? `<p id="${field.name}-hint" class="muted">${e(field.hint)}</p>` : '';
  const describedBy = [field.hint ? `${field.name}-hint` : '', invalid ? `${field.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  const aria = `${invalid ? ' aria-invalid="true"' : ''}${describedBy ? ` aria-describedby="${describedBy}"` : ''}`;
  const value = view.values[field.name] ?? '';
  const required = field.required ? ' required' : '';
  if (field.type === 'select') {
    const id = `field-${field.name}`;
    const options = (field.options ?? [])
      .map(
        (o) => `<option value="${e(o.value)}"${value === o.value ? ' selected' : ''}>${e(o.label)}</option>`,
      )
      .join('');
    return `<label for="${id}">${e(field.label)}</label><select id="${id}" name="${field.name}"${required}${aria}>${options}</select>${hint}${error}`;
  }
  if (field.type === 'radio') {
    const options = (field.options ?? [])
      .map(
        (o) =>
          `<label class="inline"><input type="radio" name="${field.name}" value="${e(o.value)}"${value === o.value ? ' checked' : ''}${required}> ${e(o.label)}</label>`,
      )
      .join('\n');
    return `<fieldset${aria}><legend>${e(field.label)}</legend>${options}${hint}${error}</fieldset>`;
  }
  const id = `field-${field.name}`;
  const label = `<label for="${id}">${e(field.label)}</label>`;
  if (field.type === 'textarea') {
    return `${label}<textarea id="${id}" name="${field.name}" rows="4" cols="60"${required}${aria}>${e(value)}</textarea>${hint}${error}`;
  }
  const type = field.type === 'date' ? 'date' : 'text';
  const mode = field.inputmode ? ` inputmode="${field.inputmode}"` : '';
  return `${label}<input id="${id}" name="${field.name}" type="${type}" value="${e(value)}" autocomplete="off"${mode}${required}${aria}>${hint}${error}`;
}

/**
 * A task with a Camunda Form: form-js renders it from the deployed schema (its labels are the process owners',
 * in Polish); the server validates the submission.
 */
export function camundaFormPage(
  ctx: SignedInContext,
  task: { userTaskKey: string; name: string; caseSummary?: CaseSummary },
): string {
  const { i18n } = ctx;
  const { t } = i18n;
  return renderPage(ctx, {
    title: task.name,
    styles: ['/vendor/form-js/assets/form-js.css'],
    scripts: ['/vendor/form-js/form-viewer.umd.js', '/static/camunda-form.js'],
    body: `<div class="task-layout">${caseAside(i18n, task.caseSummary)}<div><p id="form-status" role="status" class="error"></p>
<div id="camunda-form" data-task="${e(task.userTaskKey)}" data-csrf="${e(ctx.session.csrfToken)}"${scriptMessages(
      {
        loadFailed: t('task.formLoadFailed'),
        saving: t('task.saving'),
        completeFailed: t('task.completeFailed'),
      },
    )}></div>
<p><button type="button" id="camunda-form-submit">${e(t('task.complete'))}</button> <a href="/zadania">${e(t('task.backToTasks'))}</a></p></div></div>`,
  });
}

/** The one-screen first contact's fields, labelled in the locale (names = the keys the schema validates). */
function firstContactFields(i18n: I18n, districts: { id: string; name: string }[]): FieldSpec[] {
  const { t } = i18n;
  return [
    {
      name: 'outcome',
      label: t('firstContact.outcome'),
      type: 'radio',
      required: true,
      options: CONTACT_OUTCOMES.map((value) => ({ value, label: t(`firstContact.outcome.${value}`) })),
    },
    ...PERSON_FIELDS.map((f) => ({ ...f, label: i18n.lookup(`firstContact.field.${f.name}`) ?? f.label })),
    { name: 'need', label: t('firstContact.field.need'), type: 'textarea', required: true },
    {
      ...URGENT_FIELD,
      label: t('firstContact.field.urgent'),
      options: URGENT_FIELD.options?.map((o) => ({
        ...o,
        label: i18n.lookup(`firstContact.field.urgent.${o.value}`) ?? o.label,
      })),
    },
    ...routingFields(i18n, districts),
  ];
}

/** Need, art. 7 reason and district: what the routing table reads (the intake task asks the same). */
export function routingFields(i18n: I18n, districts: { id: string; name: string }[]): FieldSpec[] {
  const { t } = i18n;
  return [
    {
      name: 'needKind',
      label: t('routing.field.needKind'),
      type: 'select',
      required: true,
      options: NEED_KINDS.map((value) => ({ value, label: i18n.lookup(`routing.need.${value}`) ?? value })),
    },
    {
      name: 'reason',
      label: t('routing.field.reason'),
      type: 'select',
      options: [
        { value: '', label: t('routing.reason.none') },
        ...AID_REASONS.map((value) => ({ value, label: i18n.lookup(`routing.reason.${value}`) ?? value })),
      ],
    },
    {
      name: 'district',
      label: t('routing.field.district'),
      type: 'select',
      options: [
        { value: '', label: t('routing.district.none') },
        ...districts.map((d) => ({ value: d.id, label: d.name })),
      ],
    },
  ];
}

/** First contact on one screen: the person, the outcome of the conversation and the duplicate check. */
export function firstContactPage(
  ctx: SignedInContext,
  state: {
    values: Record<string, string>;
    districts: { id: string; name: string }[];
    error?: { field?: string; message: string };
    notice?: string;
  },
): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const fields = firstContactFields(i18n, state.districts);
  const names = fields.map((f) => f.name);
  const general =
    state.error && !names.includes(state.error.field ?? '')
      ? `<p class="error" role="alert">${e(state.error.message)}</p>`
      : '';
  return renderPage(ctx, {
    title: t('firstContact.title'),
    scripts: ['/static/duplicate-check.js'],
    body: `${state.notice ? `<p role="status">${e(state.notice)}</p>` : ''}${general}${duplicateStatus(i18n)}
<form method="post" action="/pierwszy-kontakt" novalidate>${csrf(ctx)}
<input type="hidden" name="requestId" value="${e(state.values.requestId ?? randomUUID())}">
${fields.map((field) => renderField(field, state)).join('\n')}
<p><button type="submit">${e(t('firstContact.submit'))}</button></p></form>`,
  });
}
