import { AppError, type AppErrorCode } from '../errors/app-error';

/** What went wrong with an engine call, as callers need to tell it apart. */
export type EngineErrorCode =
  /** The task, instance or definition is not (any more) in the engine: someone else finished it first. */
  | 'not-found'
  /** Another person holds the task (`TaskAlreadyClaimedException`). */
  | 'already-claimed'
  /** A concurrent change won (`OptimisticLockingException`, HTTP 409). */
  | 'conflict'
  /** No execution or start event waits for the message (Camunda 7 does not buffer messages): retry later. */
  | 'message-not-correlated'
  /** Several executions wait for the message and the call did not ask for all of them. */
  | 'message-ambiguous'
  /** The external task's lock is held by another worker, or it expired. */
  | 'lock-lost'
  /** The engine refused the request as invalid (HTTP 400): a modelling or programming error named by its message. */
  | 'invalid'
  /** Wrong or missing engine credentials, or no permission (HTTP 401/403). */
  | 'unauthorized'
  /** No answer, a network error, a gateway error (502–504) or a timeout: try again later. */
  | 'engine-unavailable'
  /** The engine failed (HTTP 500) for a reason not listed above. */
  | 'engine-failure';

export interface EngineErrorOptions {
  code: EngineErrorCode;
  /** What the adapter was doing, e.g. `POST /task/{id}/claim`; never contains credentials. */
  operation: string;
  /** The HTTP status; undefined when no answer came. */
  status?: number;
  /** The engine's exception type from the error body (`type`), e.g. `TaskAlreadyClaimedException`. */
  type?: string;
  /** The engine's own message (English, technical). */
  message?: string;
  cause?: unknown;
}

/**
 * A failed engine call: a typed `code` to react to (retry a message later, report a lost lock), the HTTP `status`,
 * the engine's exception `type` and its `message`. It is technical; `engineError()` turns it into what a person
 * reads.
 */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly operation: string;
  readonly status?: number;
  readonly type?: string;

  constructor(options: EngineErrorOptions) {
    super(options.message ?? `${options.operation}: HTTP ${options.status ?? 'brak odpowiedzi'}`, {
      cause: options.cause,
    });
    this.name = 'EngineError';
    this.code = options.code;
    this.operation = options.operation;
    this.status = options.status;
    this.type = options.type;
  }

  /** For logs: no credentials, no stack of the HTTP client. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      operation: this.operation,
      status: this.status,
      type: this.type,
      message: this.message,
    };
  }
}

export function isEngineError(error: unknown, code?: EngineErrorCode): error is EngineError {
  return error instanceof EngineError && (code === undefined || error.code === code);
}

/**
 * What a person reads when an engine call failed, led in by what they tried (`Nie udało się przypisać zadania`):
 * 404 or a conflict on a task → someone else finished or took it (409); 400 → the engine's reason (400); 5xx or no
 * answer → the engine is unavailable (503). Never a 500 for a business conflict. The EngineError stays the cause
 * and its code is in `details.engineCode`.
 */
export function engineError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  if (!(error instanceof EngineError))
    return new AppError({ code: 'internal', message: `${what}: nieoczekiwany błąd.`, cause: error });
  return new AppError({
    code: APP_CODE[error.code],
    message: `${what}${userText(error)}`,
    details: { engineCode: error.code },
    cause: error,
  });
}

/** Classifies an HTTP error answer of the REST API (`{type, message}` body). */
export function engineErrorFromResponse(operation: string, httpStatus: number, body: string): EngineError {
  const { type, message } = parseErrorBody(body);
  return new EngineError({
    code: classify(httpStatus, type, message),
    operation,
    status: httpStatus,
    type,
    message,
  });
}

/** A request that got no answer (connection refused, reset, timeout). */
export function engineErrorFromNetwork(operation: string, cause: unknown): EngineError {
  const reason =
    cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : '';
  return new EngineError({
    code: 'engine-unavailable',
    operation,
    message: `${operation}: brak odpowiedzi silnika (${reason || String(cause)})`,
    cause,
  });
}

function classify(status: number, type: string | undefined, message: string | undefined): EngineErrorCode {
  const text = message ?? '';
  if (type === 'TaskAlreadyClaimedException' || /is already claimed by/i.test(text)) return 'already-claimed';
  if (type === 'MismatchingMessageCorrelationException' || /Cannot correlate (a )?message/i.test(text)) {
    return /No process definition or execution matches/i.test(text)
      ? 'message-not-correlated'
      : 'message-ambiguous';
  }
  if (/locked by worker|lock that (has )?expired|is not locked/i.test(text)) return 'lock-lost';
  if (type === 'OptimisticLockingException' || status === 409) return 'conflict';
  if (status === 404 || type === 'NotFoundException') return 'not-found';
  if (/cannot find|does not exist|not found|no \w+ found|task is null/i.test(text) && status < 502)
    return 'not-found';
  if (status === 401 || status === 403 || type === 'AuthorizationException') return 'unauthorized';
  if (status === 400) return 'invalid';
  if (status >= 502) return 'engine-unavailable';
  return 'engine-failure';
}

function parseErrorBody(body: string): { type?: string; message?: string } {
  try {
    const parsed = JSON.parse(body) as { type?: unknown; message?: unknown };
    return {
      type: typeof parsed.type === 'string' ? parsed.type : undefined,
      message: typeof parsed.message === 'string' ? parsed.message : undefined,
    };
  } catch {
    return { message: body.trim().slice(0, 300) || undefined };
  }
}

const APP_CODE: Record<EngineErrorCode, AppErrorCode> = {
  'not-found': 'conflict',
  'already-claimed': 'conflict',
  conflict: 'conflict',
  'message-not-correlated': 'conflict',
  'message-ambiguous': 'conflict',
  'lock-lost': 'conflict',
  invalid: 'validation',
  unauthorized: 'engine-unavailable',
  'engine-unavailable': 'engine-unavailable',
  'engine-failure': 'engine-unavailable',
};

/** Each text starts with `: ` after the lead-in, as the English catalog (i18n/domain-messages.ts) matches them. */
function userText(error: EngineError): string {
  switch (error.code) {
    case 'not-found':
      return ': zadanie zostało już zakończone, anulowane albo przejęte przez kogoś innego. Odśwież listę.';
    case 'already-claimed':
      return ': zadanie przejęła już inna osoba. Odśwież listę.';
    case 'conflict':
      return ': ktoś inny właśnie zmienił to samo. Odśwież stronę i spróbuj ponownie.';
    case 'message-not-correlated':
      return ': proces nie czeka teraz na to zdarzenie (ten krok jeszcze nie nadszedł albo już minął). Spróbuj ponownie później.';
    case 'message-ambiguous':
      return ': na to zdarzenie czeka więcej niż jeden proces. Zgłoś to administratorowi.';
    case 'lock-lost':
      return ': ten krok procesu wykonuje już inny proces roboczy.';
    case 'invalid':
      return `: silnik procesów odrzucił żądanie (${error.message.slice(0, 300)}).`;
    case 'unauthorized':
      return ': aplikacja nie ma dostępu do silnika procesów (dane logowania do silnika). Zgłoś to administratorowi.';
    case 'engine-unavailable':
      return ': silnik procesów nie odpowiada. Spróbuj za chwilę.';
    case 'engine-failure':
      return ': silnik procesów zgłosił błąd. Spróbuj za chwilę, a jeśli błąd się powtarza, zgłoś to administratorowi.';
  }
}
