import { escapeHtml } from '../html';
import { renderPage } from '../layout';
import type { SignedInContext } from '../page-context';

/** The sections of monitoring; the pages behind them are built by their own features (issue 12). */
const SECTIONS = [
  { href: '/monitoring/procesy', key: 'processes' },
  { href: '/monitoring/terminy', key: 'deadlines' },
  { href: '/monitoring/obciazenie', key: 'workload' },
  { href: '/monitoring/reforma', key: 'reform' },
  { href: '/monitoring/przeplyw', key: 'flow' },
  { href: '/raporty', key: 'reports' },
  { href: '/incydenty', key: 'incidents', roles: ['managers', 'process-owners'] },
] as const;

/** `/monitoring`: one link per section, with a sentence of what it answers. */
export function monitoringHubPage(ctx: SignedInContext): string {
  const { t } = ctx.i18n;
  const e = escapeHtml;
  const roles = ctx.session.user.roles;
  const items = SECTIONS.filter((s) => !('roles' in s) || s.roles.some((r) => roles.includes(r)))
    .map(
      (s) =>
        `<li><a href="${s.href}">${e(t(`monitoring.section.${s.key}`))}</a> — ${e(t(`monitoring.section.${s.key}.text`))}</li>`,
    )
    .join('\n');
  return renderPage(ctx, {
    title: t('monitoring.title'),
    styles: ['/static/monitoring.css'],
    body: `<p>${e(t('monitoring.intro'))}</p>\n<ul class="monitoring-sections">${items}</ul>`,
  });
}
