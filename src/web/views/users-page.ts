import { ROLE_IDS } from '../../auth/roles';
import type { User } from '../../auth/users';
import { escapeHtml } from './html';
import { renderPage } from './layout';
import type { SignedInContext } from './page-context';
import { roleName } from './roles';

export function usersPage(
  ctx: SignedInContext,
  users: (User & { active: boolean })[],
  error?: { message: string; values: Record<string, unknown> },
): string {
  const { i18n, session } = ctx;
  const { t } = i18n;
  const v = (key: string) => escapeHtml(error?.values[key]);
  const rows = users
    .map(
      (
        u,
      ) => `<tr><td>${escapeHtml(u.login)}</td><td>${escapeHtml(u.displayName)}</td><td>${escapeHtml(u.position)}</td>
<td>${escapeHtml(u.roles.map((r) => roleName(i18n, r)).join(', '))}</td><td>${escapeHtml(t(u.active ? 'users.active' : 'users.blocked'))}</td></tr>`,
    )
    .join('\n');
  const roleBoxes = ROLE_IDS.map(
    (role) =>
      `<label class="inline"><input type="checkbox" name="roles" value="${role}"> ${escapeHtml(roleName(i18n, role))}</label>`,
  ).join('\n');
  const th = (text: string) => `<th scope="col">${escapeHtml(text)}</th>`;
  const label = (id: string, text: string) => `<label for="${id}">${escapeHtml(text)}</label>`;
  return renderPage(ctx, {
    title: t('users.title'),
    body: `<table><thead><tr>${th(t('users.col.login'))}${th(t('users.col.name'))}${th(t('users.col.position'))}${th(t('users.col.roles'))}${th(t('users.col.state'))}</tr></thead>
<tbody>${rows}</tbody></table>
<h2>${escapeHtml(t('users.new'))}</h2>
${error ? `<p class="error" role="alert">${escapeHtml(error.message)}</p>` : ''}
<form method="post" action="/admin/uzytkownicy">
<input type="hidden" name="_csrf" value="${escapeHtml(session.csrfToken)}">
${label('u-login', t('users.field.login'))}<input id="u-login" name="login" required value="${v('login')}" autocomplete="off">
${label('u-name', t('users.field.name'))}<input id="u-name" name="displayName" required value="${v('displayName')}">
${label('u-position', t('users.field.position'))}<input id="u-position" name="position" required value="${v('position')}">
${label('u-site', t('users.field.site'))}<input id="u-site" name="site" value="${v('site')}">
<fieldset><legend>${escapeHtml(t('users.field.roles'))}</legend>${roleBoxes}</fieldset>
${label('u-password', t('users.field.password'))}<input id="u-password" name="password" type="password" required autocomplete="new-password">
<p><button type="submit">${escapeHtml(t('users.create'))}</button></p>
</form>`,
  });
}
