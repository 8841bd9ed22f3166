import { Router } from 'express';
import { z } from 'zod';
import {
  clearLoginFailures,
  loginBlocked,
  recordLoginFailure,
  type LoginThrottle,
} from '../../auth/login-throttle';
import { verifyAgainstDummy, verifyPassword } from '../../auth/password';
import { createSession, destroySession } from '../../auth/sessions';
import { findUserForLogin } from '../../auth/users';
import { localizeError, localizedError } from '../../i18n';
import type { WebDeps } from '../context';
import { SESSION_COOKIE } from '../cookies';
import { requireCsrf, requireSession } from '../middleware/guards';
import { loginPage } from '../views/login-page';
import { pageContext } from '../views/page-context';

export const credentials = z.object({
  login: z.string().trim().min(1, 'podaj login').max(100),
  password: z.string().min(1, 'podaj hasło').max(200),
});

/** Login (page and JSON), logout; failed logins are limited per account and per address (in the database). */
export function authRoutes(deps: WebDeps): Router {
  const router = Router();
  const throttle: LoginThrottle = {
    maxFailures: deps.config.LOGIN_MAX_FAILURES,
    windowMinutes: deps.config.LOGIN_FAILURE_WINDOW_MINUTES,
    now: () => new Date(),
  };
  const secure = deps.config.NODE_ENV === 'production';

  /**
   * Failures are counted in the database per account and per address (every replica sees them); an unknown login
   * costs the same scrypt as a wrong password, so the answer's time tells nothing about which accounts exist.
   */
  async function authenticate(body: unknown, address: string) {
    const input = credentials.parse(body);
    if (await loginBlocked(deps.db, throttle, input.login, address)) {
      throw localizedError({ code: 'rate-limited' }, 'login.rateLimited', {
        minutes: throttle.windowMinutes,
      });
    }
    const user = await findUserForLogin(deps.db, input.login);
    const ok = user
      ? await verifyPassword(input.password, user.passwordHash)
      : await verifyAgainstDummy(input.password);
    if (!user || !ok) {
      await recordLoginFailure(deps.db, throttle, input.login, address);
      throw localizedError({ code: 'unauthenticated' }, 'login.invalid');
    }
    await clearLoginFailures(deps.db, input.login);
    return user;
  }

  function setCookie(res: import('express').Response, id: string) {
    res.cookie(SESSION_COOKIE, id, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
  }

  router.get('/logowanie', (req, res) => {
    res.type('html').send(
      loginPage(pageContext(req), {
        next: typeof req.query.next === 'string' ? req.query.next : undefined,
      }),
    );
  });

  router.post('/logowanie', async (req, res) => {
    const body = req.body as Record<string, string>;
    const next =
      typeof body.next === 'string' && body.next.startsWith('/') && !body.next.startsWith('//')
        ? body.next
        : '/zadania';
    try {
      const user = await authenticate(body, req.ip ?? 'unknown');
      const session = await createSession(deps.db, user.id);
      setCookie(res, session.id);
      req.log.info('Zalogowano', { userId: user.id });
      res.redirect(303, next);
    } catch (error) {
      const answer = localizeError(error, req.i18n);
      const failed = answer.status >= 500;
      if (failed) req.log.error('Logowanie nie powiodło się', { error });
      const message = failed ? req.i18n.t('login.failed') : answer.message;
      res
        .status(answer.status)
        .type('html')
        .send(loginPage(pageContext(req), { next, error: message, login: body.login }));
    }
  });

  router.post('/api/session', async (req, res) => {
    const user = await authenticate(req.body, req.ip ?? 'unknown');
    const session = await createSession(deps.db, user.id);
    setCookie(res, session.id);
    res.status(201).json({
      user: { login: user.login, displayName: user.displayName, roles: user.roles },
      csrfToken: session.csrfToken,
    });
  });

  router.get('/api/session', requireSession, (req, res) => {
    const session = req.session;
    res.json({ user: session?.user, csrfToken: session?.csrfToken });
  });

  const logout = async (req: import('express').Request, res: import('express').Response) => {
    if (req.session) await destroySession(deps.db, req.session.id);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  };
  router.post('/wyloguj', requireSession, requireCsrf, async (req, res) => {
    await logout(req, res);
    res.redirect(303, '/logowanie');
  });
  router.delete('/api/session', requireSession, requireCsrf, async (req, res) => {
    await logout(req, res);
    res.status(204).end();
  });
  return router;
}
