import type { Session } from '../../auth/sessions';
import { ROLE_IDS, ROLES } from '../../auth/roles';
import type { User } from '../../auth/users';
import { escapeHtml } from './html';
import { renderPage } from './layout';

export function usersPage(
  session: Session,
  users: (User & { active: boolean })[],
  error?: { message: string; values: Record<string, unknown> },
): string {
  const v = (key: string) => escapeHtml(error?.values[key]);
  const rows = users
    .map(
      (
        u,
      ) => `<tr><td>${escapeHtml(u.login)}</td><td>${escapeHtml(u.displayName)}</td><td>${escapeHtml(u.position)}</td>
<td>${escapeHtml(u.roles.map((r) => ROLES[r as keyof typeof ROLES] ?? r).join(', '))}</td><td>${u.active ? 'aktywne' : 'zablokowane'}</td></tr>`,
    )
    .join('\n');
  const roleBoxes = ROLE_IDS.map(
    (role) =>
      `<label class="inline"><input type="checkbox" name="roles" value="${role}"> ${escapeHtml(ROLES[role])}</label>`,
  ).join('\n');
  return renderPage({
    title: 'Konta i role',
    session,
    body: `<table><thead><tr><th scope="col">Login</th><th scope="col">Imię i nazwisko</th><th scope="col">Stanowisko</th><th scope="col">Role</th><th scope="col">Stan</th></tr></thead>
<tbody>${rows}</tbody></table>
<h2>Nowe konto</h2>
${error ? `<p class="error" role="alert">${escapeHtml(error.message)}</p>` : ''}
<form method="post" action="/admin/uzytkownicy">
<input type="hidden" name="_csrf" value="${escapeHtml(session.csrfToken)}">
<label for="u-login">Login</label><input id="u-login" name="login" required value="${v('login')}" autocomplete="off">
<label for="u-name">Imię i nazwisko</label><input id="u-name" name="displayName" required value="${v('displayName')}">
<label for="u-position">Stanowisko (podpis na decyzjach)</label><input id="u-position" name="position" required value="${v('position')}">
<label for="u-site">Siedziba / filia</label><input id="u-site" name="site" value="${v('site')}">
<fieldset><legend>Role</legend>${roleBoxes}</fieldset>
<label for="u-password">Hasło początkowe (min. 12 znaków)</label><input id="u-password" name="password" type="password" required autocomplete="new-password">
<p><button type="submit">Utwórz konto</button></p>
</form>`,
  });
}
