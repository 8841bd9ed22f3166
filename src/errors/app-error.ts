/** The one error type: a code, an HTTP status, a Polish message for people, optional field and cause. */
export type AppErrorCode =
  | 'validation'
  | 'not-found'
  | 'forbidden'
  | 'unauthenticated'
  | 'conflict'
  | 'rate-limited'
  | 'engine-unavailable'
  | 'engine-start-failed'
  | 'java-missing'
  | 'distribution-unavailable'
  | 'internal';

const statusByCode: Record<AppErrorCode, number> = {
  validation: 400,
  'not-found': 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  'rate-limited': 429,
  'engine-unavailable': 503,
  'engine-start-failed': 503,
  'java-missing': 500,
  'distribution-unavailable': 500,
  internal: 500,
};

export interface AppErrorOptions {
  code: AppErrorCode;
  message: string;
  field?: string;
  details?: unknown;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly field?: string;
  readonly details?: unknown;

  constructor(options: AppErrorOptions) {
    super(options.message, { cause: options.cause });
    this.name = 'AppError';
    this.code = options.code;
    this.field = options.field;
    this.details = options.details;
  }

  get status(): number {
    return statusByCode[this.code];
  }
}
