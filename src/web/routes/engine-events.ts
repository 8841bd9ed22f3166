import { createHash, timingSafeEqual } from 'node:crypto';
import express, { Router, type RequestHandler } from 'express';
import type { Database } from '../../db/database';
import { AppError } from '../../errors/app-error';
import type { Logger } from '../../logger';
import { applyEvents } from '../../projection/apply-events';
import { feedBatchSchema } from '../../projection/feed-event';

export interface EngineEventRouteDeps {
  db: Database;
  log: Logger;
  /** The shared secret the engine host sends as `Authorization: Bearer <token>` (mops.feed.token). */
  feedToken: string;
}

/**
 * POST /internal/engine-events: the engine host's event feed (machine to machine: no session, no CSRF, the bearer
 * token instead). The token is checked before the body is read; 200 {applied} once the batch is in the projection.
 */
export function engineEventRoutes(deps: EngineEventRouteDeps): Router {
  const router = Router();
  router.post(
    '/internal/engine-events',
    requireFeedToken(deps.feedToken),
    express.json({ limit: '20mb' }),
    async (req, res) => {
      // anything but a JSON object (an array, a text body) is read as an object without `events`
      const body: unknown = req.body;
      const batch = feedBatchSchema.parse(
        typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {},
      );
      // PostgreSQL keeps no NUL character in text or jsonb: refused here rather than failing in the database
      if (JSON.stringify(batch).includes('\\u0000'))
        throw new AppError({
          code: 'validation',
          field: 'events',
          message: 'Pole „events”: zdarzenie zawiera znak NUL (\\u0000), którego baza nie przechowa.',
        });
      const applied = await applyEvents({ db: deps.db, log: req.log }, batch.events);
      req.log.debug('Zdarzenia silnika przyjęte', { received: batch.events.length, applied });
      res.json({ applied });
    },
  );
  return router;
}

function requireFeedToken(expected: string): RequestHandler {
  return (req, res, next) => {
    const sent = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (sent !== undefined && tokenMatches(sent, expected)) return next();
    res.set('WWW-Authenticate', 'Bearer realm="mops-engine-feed"');
    next(
      new AppError({
        code: 'unauthenticated',
        message: 'Brak lub nieprawidłowy token kanału zdarzeń silnika.',
      }),
    );
  };
}

/** Constant time in the token's content and length (both sides hashed first); an empty secret matches nothing. */
export function tokenMatches(sent: string, expected: string): boolean {
  if (expected.length === 0) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}
