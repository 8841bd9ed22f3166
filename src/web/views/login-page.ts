import { escapeHtml } from './html';
import { renderPage } from './layout';
import type { PageContext } from './page-context';

export function loginPage(
  ctx: PageContext,
  options: { next?: string; error?: string; login?: string },
): string {
  const { t } = ctx.i18n;
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : '';
  return renderPage(ctx, {
    title: t('login.title'),
    body: `${error}
<form method="post" action="/logowanie">
  <input type="hidden" name="next" value="${escapeHtml(options.next ?? '/zadania')}">
  <label for="login">${escapeHtml(t('login.login'))}</label>
  <input id="login" name="login" autocomplete="username" required value="${escapeHtml(options.login)}">
  <label for="password">${escapeHtml(t('login.password'))}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <p><button type="submit">${escapeHtml(t('login.submit'))}</button></p>
</form>`,
  });
}
