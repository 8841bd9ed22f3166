import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { AppError } from '../errors/app-error';
import { renderPage } from './views/layout';
import { escapeHtml } from './views/html';

/** The one place errors become answers: JSON for the API, a Polish page for people; 500s are logged with context. */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const appError = toAppError(error);
  if (appError.status >= 500) req.log.error('Błąd obsługi żądania', { error, path: req.path });
  if (res.headersSent) return;
  const body = {
    error: {
      code: appError.code,
      message: appError.message,
      field: appError.field,
      details: appError.details,
    },
    requestId: req.requestId,
  };
  if (
    req.path.startsWith('/api/') ||
    req.path.startsWith('/internal/') ||
    req.accepts(['html', 'json']) === 'json'
  ) {
    res.status(appError.status).json(body);
    return;
  }
  res
    .status(appError.status)
    .type('html')
    .send(
      renderPage({
        title: 'Nie udało się',
        session: req.session,
        body: `<p role="alert">${escapeHtml(appError.message)}</p><p><a href="/zadania">Wróć do listy zadań</a></p>`,
      }),
    );
};

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join('.') ?? '';
    return new AppError({
      code: 'validation',
      field,
      message: `Pole „${field}”: ${issue?.message ?? 'błędna wartość'}`,
      details: error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    });
  }
  const typed = error as { type?: string; status?: number };
  if (typed.type === 'entity.parse.failed') {
    return new AppError({
      code: 'validation',
      field: 'body',
      message: 'Treść żądania nie jest poprawnym JSON-em.',
    });
  }
  if (typed.type === 'entity.too.large') {
    return new AppError({ code: 'validation', field: 'body', message: 'Treść żądania jest za duża.' });
  }
  return new AppError({
    code: 'internal',
    message: 'Wewnętrzny błąd serwera. Zgłoś go administratorowi.',
    cause: error,
  });
}
