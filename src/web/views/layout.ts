import type { Session } from '../../auth/sessions';
import { escapeHtml } from './html';

/** The page frame: Polish, skip link, landmarks, the user and logout; no inline script (strict CSP). */
export function renderPage(page: {
  title: string;
  body: string;
  session?: Session;
  scripts?: string[];
  styles?: string[];
}): string {
  const user = page.session?.user;
  const nav = user
    ? `<nav aria-label="Główna"><a href="/zadania">Zadania</a> <a href="/pierwszy-kontakt">Pierwszy kontakt</a> <a href="/wnioski/nowy">Nowy wniosek</a>${
        (user.roles.includes('managers') || user.roles.includes('process-owners')
          ? ' <a href="/incydenty">Incydenty</a>'
          : '') +
        (['cashiers', 'services-admin', 'managers'].some((r) => user.roles.includes(r))
          ? ' <a href="/wyplaty">Wypłaty</a>'
          : '') +
        (user.roles.includes('admins') ? ' <a href="/admin/uzytkownicy">Konta</a>' : '')
      }</nav>
       <form method="post" action="/wyloguj" class="logout">
         <input type="hidden" name="_csrf" value="${escapeHtml(page.session?.csrfToken)}">
         <span>${escapeHtml(user.displayName)}</span> <button type="submit">Wyloguj</button>
       </form>`
    : '';
  return `<!doctype html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} — mops-flow</title>
${(page.styles ?? []).map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n')}
<link rel="stylesheet" href="/static/app.css">
${(page.scripts ?? []).map((src) => `<script src="${escapeHtml(src)}" defer></script>`).join('\n')}
</head>
<body>
<a class="skip" href="#main">Przejdź do treści</a>
<header><strong>mops-flow</strong> ${nav}</header>
<main id="main">
<h1>${escapeHtml(page.title)}</h1>
${page.body}
</main>
</body>
</html>`;
}
