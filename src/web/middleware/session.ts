import type { RequestHandler } from 'express';
import { loadSession } from '../../auth/sessions';
import type { Database } from '../../db/database';
import { readCookie, SESSION_COOKIE } from '../cookies';

/** Attaches the session (and its user) when the cookie names a live one. */
export function sessionMiddleware(db: Database, idleMinutes: number): RequestHandler {
  return async (req, _res, next) => {
    const id = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (id) req.session = await loadSession(db, id, idleMinutes);
    next();
  };
}
