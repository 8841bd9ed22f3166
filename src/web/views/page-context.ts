import type { Request } from 'express';
import type { Session } from '../../auth/sessions';
import type { I18n } from '../../i18n';

/** What every page needs besides its data: the locale, the session (if any) and where the language switch returns. */
export interface PageContext {
  i18n: I18n;
  session?: Session;
  /** A same-origin GET address of this page, for the language switcher to come back to. */
  returnTo: string;
}

export type SignedInContext = PageContext & { session: Session };

/** POST actions that render a page: the GET address of that page. */
const RETURN_FOR_POST: [RegExp, string][] = [
  [/^\/zadania\/([A-Za-z0-9][A-Za-z0-9:._-]{0,63})\/zakoncz$/, '/zadania/$1'],
  [/^\/wyplaty\/([0-9a-f-]{36})\/(?:eksport|wyslana|pozycje\/[0-9a-f-]{36})$/, '/wyplaty/$1'],
  [/^\/sprawy\/([0-9a-f-]{36})\/dostep-nadzwyczajny$/, '/sprawy/$1'],
];

export function pageContext(req: Request): PageContext {
  return { i18n: req.i18n, session: req.session, returnTo: returnAddress(req) };
}

/** For routes behind requireSession. */
export function signedIn(req: Request): SignedInContext {
  if (!req.session) throw new Error('signedIn() used on a route without requireSession');
  return { ...pageContext(req), session: req.session };
}

function returnAddress(req: Request): string {
  if (req.method === 'GET' || req.method === 'HEAD') return req.originalUrl;
  const rule = RETURN_FOR_POST.find(([pattern]) => pattern.test(req.path));
  return rule ? req.path.replace(rule[0], rule[1]) : req.path;
}
