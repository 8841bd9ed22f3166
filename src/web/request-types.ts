import type { Session } from '../auth/sessions';
import type { I18n } from '../i18n';
import type { Logger } from '../logger';

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
    log: Logger;
    session?: Session;
    /** The texts and formats of the request's locale (middleware/locale.ts). */
    i18n: I18n;
  }
}

export {};
