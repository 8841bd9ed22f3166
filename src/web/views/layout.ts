import { i18nFor, LOCALES } from '../../i18n';
import { escapeHtml } from './html';
import type { PageContext } from './page-context';

/**
 * The page frame: `<html lang>` of the locale, skip link, landmarks, the user and logout, the language switcher
 * (a plain form: works without JavaScript); no inline script (strict CSP).
 */
export function renderPage(
  ctx: PageContext,
  page: {
    title: string;
    body: string;
    scripts?: string[];
    styles?: string[];
  },
): string {
  const { i18n, session } = ctx;
  const t = i18n.t;
  const user = session?.user;
  const csrf = session ? `<input type="hidden" name="_csrf" value="${escapeHtml(session.csrfToken)}">` : '';
  const nav = user
    ? `<nav aria-label="${escapeHtml(t('layout.nav'))}"><a href="/zadania">${escapeHtml(t('layout.nav.tasks'))}</a>${
        // first contact's screens only for first contact (anyone else would get 403)
        user.roles.includes('first-contact')
          ? ` <a href="/pierwszy-kontakt">${escapeHtml(t('layout.nav.firstContact'))}</a> <a href="/wnioski/nowy">${escapeHtml(t('layout.nav.newApplication'))}</a>`
          : ''
      }${
        (user.roles.includes('managers') || user.roles.includes('process-owners')
          ? ` <a href="/incydenty">${escapeHtml(t('layout.nav.incidents'))}</a>`
          : '') +
        (['managers', 'analysts'].some((r) => user.roles.includes(r))
          ? ` <a href="/monitoring">${escapeHtml(t('layout.nav.monitoring'))}</a>`
          : '') +
        (user.roles.includes('process-owners')
          ? ` <a href="/modele">${escapeHtml(t('layout.nav.models'))}</a>`
          : '') +
        (user.roles.includes('managers')
          ? ` <a href="/audyt/dostep-nadzwyczajny">${escapeHtml(t('layout.nav.breakGlass'))}</a>`
          : '') +
        (['cashiers', 'services-admin', 'managers'].some((r) => user.roles.includes(r))
          ? ` <a href="/wyplaty">${escapeHtml(t('layout.nav.payouts'))}</a>`
          : '') +
        (['analysts', 'managers'].some((r) => user.roles.includes(r))
          ? ` <a href="/raporty">${escapeHtml(t('layout.nav.reports'))}</a>`
          : '') +
        (user.roles.includes('admins')
          ? ` <a href="/admin/uzytkownicy">${escapeHtml(t('layout.nav.users'))}</a> <a href="/admin/osrodek">${escapeHtml(t('layout.nav.centre'))}</a>`
          : '')
      }</nav>`
    : '';
  const logout = user
    ? `<form method="post" action="/wyloguj" class="logout">${csrf}
         <span>${escapeHtml(user.displayName)}</span> <button type="submit">${escapeHtml(t('layout.logout'))}</button>
       </form>`
    : '';
  // each other language is offered in its own words (and marked with its lang, WCAG 3.1.2)
  const switcher = `<form method="post" action="/jezyk" class="language" aria-label="${escapeHtml(t('layout.language'))}">${csrf}
         <input type="hidden" name="next" value="${escapeHtml(ctx.returnTo)}">
         ${LOCALES.filter((l) => l !== i18n.locale)
           .map(
             (l) =>
               `<button type="submit" name="lang" value="${l}" lang="${l}">${escapeHtml(i18nFor(l).t('locale.name'))}</button>`,
           )
           .join(' ')}
       </form>`;
  return `<!doctype html>
<html lang="${i18n.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} — mops-flow</title>
${(page.styles ?? []).map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n')}
<link rel="stylesheet" href="/static/app.css">
${(page.scripts ?? []).map((src) => `<script src="${escapeHtml(src)}" defer></script>`).join('\n')}
</head>
<body>
<a class="skip" href="#main">${escapeHtml(t('layout.skipLink'))}</a>
<header><strong>mops-flow</strong> ${nav}
<div class="header-end">${logout}${switcher}</div></header>
<main id="main">
<h1>${escapeHtml(page.title)}</h1>
${page.body}
</main>
</body>
</html>`;
}

/** Texts for a static script, as a data attribute of its host element (the CSP forbids inline scripts). */
export function scriptMessages(messages: Record<string, string>): string {
  return ` data-messages="${escapeHtml(JSON.stringify(messages))}"`;
}
