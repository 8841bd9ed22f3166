import type { ErrorRequestHandler } from 'express';
import { i18nFor, localizeError } from '../i18n';
import { renderPage } from './views/layout';
import { escapeHtml } from './views/html';
import { pageContext } from './views/page-context';

/**
 * The one place errors become answers: JSON for the API, a page for people, both in the request's locale
 * (field names and codes never change); 500s are logged with context.
 */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  // a request that failed before the locale middleware (none today) still gets an answer
  const i18n = req.i18n ?? i18nFor('pl');
  const answer = localizeError(error, i18n);
  if (answer.status >= 500)
    req.log.error('Błąd obsługi żądania', {
      // an Error's own fields are not enumerable: named here, or the log says `{}`
      error:
        error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error,
      path: req.path,
    });
  if (res.headersSent) return;
  const body = {
    error: {
      code: answer.code,
      message: answer.message,
      field: answer.field,
      details: answer.details,
    },
    requestId: req.requestId,
  };
  if (
    req.path.startsWith('/api/') ||
    req.path.startsWith('/internal/') ||
    req.accepts(['html', 'json']) === 'json'
  ) {
    res.status(answer.status).json(body);
    return;
  }
  res
    .status(answer.status)
    .type('html')
    .send(
      renderPage(
        { ...pageContext(req), i18n },
        {
          title: i18n.t('error.title'),
          body: `<p role="alert">${escapeHtml(answer.message)}</p><p><a href="/zadania">${escapeHtml(i18n.t('error.backToTasks'))}</a></p>`,
        },
      ),
    );
};
