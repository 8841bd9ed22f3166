import type { IncidentRow } from '../../incidents/incidents';
import type { FailedCommand } from '../../engine-commands/failed-commands';
import type { FailedMessage } from '../../notifications/outbox';
import { escapeHtml } from './html';
import { renderPage } from './layout';
import type { SignedInContext } from './page-context';

export function incidentsPage(
  ctx: SignedInContext,
  incidents: IncidentRow[],
  failedLetters: FailedMessage[] = [],
  failedCommands: FailedCommand[] = [],
): string {
  const { i18n, session } = ctx;
  const { t } = i18n;
  // the step names come from the diagrams and the messages from the workers: they stay as they are (Polish)
  const rows = incidents
    .map(
      (i) => `<tr><td>${escapeHtml(i18n.dateTime(i.createdAt))}</td>
<td>${i.caseId ? `<a href="/sprawy/${escapeHtml(i.caseId)}">${escapeHtml(i.caseNumber)}</a>` : escapeHtml(i.processInstanceKey)}</td>
<td>${escapeHtml(i.stepName)}</td><td>${escapeHtml(i.errorMessage)}</td>
<td><form method="post" action="/incydenty/${escapeHtml(i.incidentKey)}/ponow"><input type="hidden" name="_csrf" value="${escapeHtml(session.csrfToken)}"><button type="submit">${escapeHtml(t('incidents.retry'))}</button></form></td></tr>`,
    )
    .join('\n');
  const th = (text: string) => `<th scope="col">${escapeHtml(text)}</th>`;
  // a letter that finally failed: the case, the letter's subject and the last error (never the recipient)
  const letters = failedLetters.length
    ? `<h2>${escapeHtml(t('incidents.letters.title'))}</h2><table><thead><tr>${th(t('incidents.col.since'))}${th(t('incidents.col.case'))}${th(t('incidents.letters.col.channel'))}${th(t('incidents.letters.col.subject'))}${th(t('incidents.letters.col.attempts'))}${th(t('incidents.col.message'))}</tr></thead><tbody>${failedLetters
        .map(
          (m) => `<tr><td>${escapeHtml(i18n.dateTime(m.createdAt))}</td>
<td>${m.caseId ? `<a href="/sprawy/${escapeHtml(m.caseId)}">${escapeHtml(m.caseNumber)}</a>` : ''}</td>
<td>${escapeHtml(m.channel)}</td><td>${escapeHtml(m.subject)}</td><td>${m.attempts}</td><td>${escapeHtml(m.lastError ?? '')}</td></tr>`,
        )
        .join('\n')}</tbody></table>`
    : '';
  // a command the engine never took (a message nothing will wait for any more): the case and why
  const commands = failedCommands.length
    ? `<h2>${escapeHtml(t('incidents.commands.title'))}</h2><table><thead><tr>${th(t('incidents.col.since'))}${th(t('incidents.col.case'))}${th(t('incidents.commands.col.subject'))}${th(t('incidents.letters.col.attempts'))}${th(t('incidents.col.message'))}</tr></thead><tbody>${failedCommands
        .map(
          (c) => `<tr><td>${escapeHtml(i18n.dateTime(c.createdAt))}</td>
<td>${c.caseId ? `<a href="/sprawy/${escapeHtml(c.caseId)}">${escapeHtml(c.caseNumber)}</a>` : ''}</td>
<td>${escapeHtml(c.subject)}</td><td>${c.attempts}</td><td>${escapeHtml(c.lastError ?? '')}</td></tr>`,
        )
        .join('\n')}</tbody></table>`
    : '';
  return renderPage(ctx, {
    title: t('incidents.title'),
    body:
      letters +
      commands +
      (incidents.length === 0
        ? `<p>${escapeHtml(t('incidents.empty'))}</p>`
        : `<table><thead><tr>${th(t('incidents.col.since'))}${th(t('incidents.col.case'))}${th(t('incidents.col.step'))}${th(t('incidents.col.message'))}${th(t('incidents.col.action'))}</tr></thead><tbody>${rows}</tbody></table>`),
  });
}
