import { AppError } from '../errors/app-error';

/** Maps an engine REST failure to a clear answer; 404/409 on a task mean someone else finished it first. */
export function engineError(error: unknown, what: string): AppError {
  const status = httpStatus(error);
  if (status === 404 || status === 409) {
    return new AppError({
      code: 'conflict',
      message: `${what}: zadanie zostało już zakończone, anulowane albo przejęte przez kogoś innego. Odśwież listę.`,
      cause: error,
    });
  }
  if (status === 400) {
    return new AppError({
      code: 'validation',
      message: `${what}: silnik odrzucił żądanie (${detail(error)}).`,
      cause: error,
    });
  }
  return new AppError({
    code: 'engine-unavailable',
    message: `${what}: silnik procesów nie odpowiada. Spróbuj za chwilę.`,
    cause: error,
  });
}

function httpStatus(error: unknown): number | undefined {
  const e = error as { statusCode?: number; response?: { statusCode?: number }; code?: number };
  return e.statusCode ?? e.response?.statusCode;
}

function detail(error: unknown): string {
  const body = (error as { response?: { body?: unknown } }).response?.body;
  return typeof body === 'string'
    ? body.slice(0, 200)
    : error instanceof Error
      ? error.message
      : String(error);
}
