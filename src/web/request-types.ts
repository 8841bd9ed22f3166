import type { Session } from '../auth/sessions';
import type { Logger } from '../logger';

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
    log: Logger;
    session?: Session;
  }
}

export {};
