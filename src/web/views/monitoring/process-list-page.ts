import type { DefinitionVersion } from '../../../engine/port';
import { escapeHtml } from '../html';
import { renderPage } from '../layout';
import type { SignedInContext } from '../page-context';

/** `/monitoring/procesy`: every deployed process and version, newest first, each linking to its diagram. */
export function processListPage(ctx: SignedInContext, versions: DefinitionVersion[]): string {
  const { i18n } = ctx;
  const { t } = i18n;
  const e = escapeHtml;
  const th = (text: string) => `<th scope="col">${e(text)}</th>`;
  const latest = new Map<string, number>();
  for (const v of versions) latest.set(v.key, Math.max(latest.get(v.key) ?? 0, v.version));
  const rows = versions
    .map(
      (v) => `<tr><th scope="row">${e(v.name ?? v.key)} <span class="muted">(${e(v.key)})</span></th>
<td><a href="/monitoring/procesy/${encodeURIComponent(v.id)}">${e(t('processes.versionLink', { version: v.version }))}</a>${
        latest.get(v.key) === v.version ? ` <span class="tag">${e(t('processes.latest'))}</span>` : ''
      }</td>
<td>${v.deployedAt ? `<time datetime="${e(v.deployedAt)}">${e(i18n.dateTime(v.deployedAt))}</time>` : '—'}</td>
<td class="num">${v.runningInstances}</td><td class="num">${v.incidents}</td></tr>`,
    )
    .join('\n');
  return renderPage(ctx, {
    title: t('processes.title'),
    styles: ['/static/monitoring.css'],
    body:
      versions.length === 0
        ? `<p>${e(t('processes.empty'))}</p>`
        : `<table><thead><tr>${th(t('processes.col.process'))}${th(t('processes.col.version'))}${th(t('processes.col.deployedAt'))}${th(t('processes.col.running'))}${th(t('processes.col.incidents'))}</tr></thead><tbody>${rows}</tbody></table>`,
  });
}
