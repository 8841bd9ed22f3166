import type { RequestHandler } from 'express';
import { chooseLocale, i18nFor, LOCALE_COOKIE } from '../../i18n';
import { readCookie } from '../cookies';

/** Gives every request its locale (cookie / Accept-Language / Polish) and says so in Content-Language and Vary. */
export const localeMiddleware: RequestHandler = (req, res, next) => {
  const locale = chooseLocale({
    cookie: readCookie(req.headers.cookie, LOCALE_COOKIE),
    acceptLanguage: req.get('accept-language'),
    api: req.path.startsWith('/api/'),
  });
  req.i18n = i18nFor(locale);
  res.vary('Accept-Language');
  res.setHeader('Content-Language', locale);
  next();
};
