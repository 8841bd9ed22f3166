import { Router } from 'express';
import rateLimit from 'express-rate-limit';
import { z } from 'zod';
import { verifyPassword } from '../../auth/password';
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

/** Login (page and JSON), logout; login is rate-limited per address. */
export function authRoutes(deps: WebDeps): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: deps.config.NODE_ENV === 'test' ? 1000 : 10,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    message: (req: import('express').Request) => ({
      error: { code: 'rate-limited', message: req.i18n.t('login.rateLimited', { minutes: 15 }) },
    }),
  });
  const secure = deps.config.NODE_ENV === 'production';

  async function authenticate(body: unknown) {
    const input = credentials.parse(body);
    const user = await findUserForLogin(deps.db, input.login);
    const ok = user ? await verifyPassword(input.password, user.passwordHash) : false;
    if (!user || !ok) throw localizedError({ code: 'unauthenticated' }, 'login.invalid');
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

  router.post('/logowanie', limiter, async (req, res) => {
    const body = req.body as Record<string, string>;
    const next =
      typeof body.next === 'string' && body.next.startsWith('/') && !body.next.startsWith('//')
        ? body.next
        : '/zadania';
    try {
      const user = await authenticate(body);
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

  router.post('/api/session', limiter, async (req, res) => {
    const user = await authenticate(req.body);
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
