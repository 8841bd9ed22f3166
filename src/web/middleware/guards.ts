import type { RequestHandler } from 'express';
import { LocalizedError, localizedError } from '../../i18n';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** 401 for the API, the login page for people. */
export const requireSession: RequestHandler = (req, res, next) => {
  if (req.session) return next();
  if (req.originalUrl.startsWith('/api/')) {
    return next(localizedError({ code: 'unauthenticated' }, 'error.unauthenticated'));
  }
  res.redirect(303, `/logowanie?next=${encodeURIComponent(req.originalUrl)}`);
};

/** Synchronizer token: every state-changing request carries the session's token (header or form field). */
export const requireCsrf: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const body = req.body as Record<string, unknown> | undefined;
  const sent = req.get('x-csrf-token') ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
  if (req.session && sent === req.session.csrfToken) return next();
  next(localizedError({ code: 'forbidden' }, 'error.csrf'));
};

export function requireRole(...roles: string[]): RequestHandler {
  return (req, _res, next) => {
    const mine = req.session?.user.roles ?? [];
    if (roles.some((role) => mine.includes(role))) return next();
    next(
      new LocalizedError({ code: 'forbidden' }, (i18n) =>
        i18n.t('error.roleRequired', { roles: i18n.list(roles, 'disjunction') }),
      ),
    );
  };
}
