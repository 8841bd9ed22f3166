import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../../logger';

/** Gives every request an id (echoed in X-Request-Id) and a child logger carrying it. */
export function requestContext(log: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    req.requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    req.log = log.child({ requestId: req.requestId });
    res.setHeader('X-Request-Id', req.requestId);
    next();
  };
}
