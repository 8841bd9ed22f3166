import { Router, type Request } from 'express';
import { isLocale, LOCALE_COOKIE, LOCALES, LocalizedError, localizedError } from '../../i18n';
import type { WebDeps } from '../context';
import { requireCsrf } from '../middleware/guards';

const ONE_YEAR_MS = 365 * 24 * 60 * 60_000;

/**
 * POST /jezyk (lang, next): the language switcher in the page header — a plain form, so it works without
 * JavaScript. Signed-in people send the session's CSRF token like every other form; before signing in there is
 * no session to protect, and a cross-site form is refused by its Origin.
 */
export function localeRoutes(deps: WebDeps): Router {
  const router = Router();
  const secure = deps.config.NODE_ENV === 'production';
  router.post(
    '/jezyk',
    (req, res, next) => {
      if (req.session) return requireCsrf(req, res, next);
      if (!sameOrigin(req)) return next(localizedError({ code: 'forbidden' }, 'error.csrf'));
      next();
    },
    (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (!isLocale(body.lang)) {
        throw new LocalizedError({ code: 'validation', field: 'lang' }, (i18n) =>
          i18n.t('error.field', {
            field: 'lang',
            message: i18n.t('validation.oneOf', { values: i18n.list([...LOCALES], 'disjunction') }),
          }),
        );
      }
      res.cookie(LOCALE_COOKIE, body.lang, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        maxAge: ONE_YEAR_MS,
      });
      res.redirect(303, safeReturn(body.next));
    },
  );
  return router;
}

/** Only a path of this site: no scheme, no host, no protocol-relative or backslash tricks. */
export function safeReturn(next: unknown): string {
  if (typeof next !== 'string' || !/^\/(?![/\\])/.test(next) || /[\u0000-\u001f\\]/.test(next))
    return '/zadania';
  return next;
}

function sameOrigin(req: Request): boolean {
  const origin = req.get('origin');
  if (!origin || origin === 'null') return origin === undefined;
  try {
    return new URL(origin).host === req.host;
  } catch {
    return false;
  }
}
