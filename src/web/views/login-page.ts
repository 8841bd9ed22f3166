import { escapeHtml } from './html';
import { renderPage } from './layout';

export function loginPage(options: { next?: string; error?: string; login?: string }): string {
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : '';
  return renderPage({
    title: 'Logowanie',
    body: `${error}
<form method="post" action="/logowanie">
  <input type="hidden" name="next" value="${escapeHtml(options.next ?? '/zadania')}">
  <label for="login">Login</label>
  <input id="login" name="login" autocomplete="username" required value="${escapeHtml(options.login)}">
  <label for="password">Hasło</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <p><button type="submit">Zaloguj</button></p>
</form>`,
  });
}
