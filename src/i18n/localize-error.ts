import { z, ZodError } from 'zod';
import { AppError, type AppErrorCode } from '../errors/app-error';
import { translateDomainText } from './domain-messages';
import type { I18n, PlainKey } from './i18n';
import { LocalizedError } from './localized-error';

/** An error as a person (page) or a client (JSON API) gets it, in their locale; field names never change. */
export interface ErrorAnswer {
  code: AppErrorCode;
  status: number;
  field?: string;
  message: string;
  details?: unknown;
}

type Issue = z.core.$ZodIssue;

/**
 * Turns anything thrown into an answer in the locale: catalog errors are rendered, request validation (zod) is
 * worded per issue, and the Polish messages of the case-file modules are translated when known — otherwise
 * other locales get a generic sentence for the error code with the Polish original in brackets.
 */
export function localizeError(error: unknown, i18n: I18n): ErrorAnswer {
  if (error instanceof ZodError) return zodAnswer(error, i18n);
  const appError = asAppError(error);
  const base = {
    code: appError.code,
    status: appError.status,
    field: appError.field,
    details: appError.details,
  };
  if (appError instanceof LocalizedError) return { ...base, message: appError.render(i18n) };
  return { ...base, message: domainMessage(appError, i18n) };
}

function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const typed = error as { type?: string };
  const fixed = (key: PlainKey, code: AppErrorCode, field?: string) =>
    new LocalizedError({ code, field, cause: error }, (locale) => locale.t(key));
  if (typed.type === 'entity.parse.failed') return fixed('error.badJson', 'validation', 'body');
  if (typed.type === 'entity.too.large') return fixed('error.tooLarge', 'validation', 'body');
  // the router cannot decode a path parameter (a lone "%", bytes that are not UTF-8): the client's fault
  if (error instanceof URIError) return fixed('error.badPath', 'validation', 'path');
  return fixed('error.internal', 'internal');
}

function domainMessage(error: AppError, i18n: I18n): string {
  if (i18n.locale === 'pl') return error.message;
  const known = translateDomainText(i18n.locale, error.message);
  if (known !== undefined) return known;
  // the domain's validation wording, `Pole „x”: …` (domain/validation.ts, task forms)
  const field = /^Pole „(.+?)”: (.*)$/s.exec(error.message);
  if (field) {
    const [, name = '', text = ''] = field;
    return i18n.t('error.field', { field: name, message: untranslated(i18n, 'validation.invalid', text) });
  }
  return untranslated(i18n, genericKey(error.code), error.message);
}

function untranslated(i18n: I18n, generic: PlainKey, original: string): string {
  const known = translateDomainText(i18n.locale, original);
  if (known !== undefined) return known;
  return i18n.t('error.untranslated', { generic: i18n.t(generic), original });
}

function genericKey(code: AppErrorCode): PlainKey {
  switch (code) {
    case 'validation':
    case 'not-found':
    case 'forbidden':
    case 'unauthenticated':
    case 'conflict':
    case 'engine-unavailable':
      return `error.code.${code}`;
    default:
      return 'error.code.internal';
  }
}

function zodAnswer(error: ZodError, i18n: I18n): ErrorAnswer {
  const details = error.issues.map((issue) => ({
    // an issue at the root is the request body itself (a JSON array, string or null where an object belongs):
    // path parameters are parsed through pathParam, which names them
    field: issue.path.join('.') || 'body',
    message: issueText(issue, i18n),
  }));
  const first = details[0] ?? { field: '', message: i18n.t('validation.invalid') };
  return {
    code: 'validation',
    status: 400,
    field: first.field,
    message: i18n.t('error.field', { field: first.field, message: first.message }),
    details,
  };
}

const zodEnglish = z.locales.en();

/** Zod's own (English) wording, as opposed to a message the schema gives. */
function isDefaultMessage(issue: Issue): boolean {
  if (issue.message.startsWith('Invalid input')) return true;
  const fallback = zodEnglish.localeError(issue as never);
  return issue.message === (typeof fallback === 'string' ? fallback : fallback?.message);
}

/** One issue in the locale: the schema's own Polish message when there is one, else worded from the issue. */
export function issueText(issue: Issue, i18n: I18n): string {
  const custom = !isDefaultMessage(issue);
  if (custom) {
    const translated = translateDomainText(i18n.locale, issue.message);
    if (translated !== undefined) return translated;
    if (issue.code === 'custom') return untranslated(i18n, 'validation.invalid', issue.message);
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.message.endsWith('received undefined')) return i18n.t('validation.required');
      if (issue.expected === 'int') return i18n.t('validation.integer');
      if (issue.expected === 'number') return i18n.t('validation.number');
      return i18n.t('validation.expected', { expected: issue.expected });
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = Number(small ? issue.minimum : issue.maximum);
      if (issue.origin === 'string')
        return small && limit === 1
          ? i18n.t('validation.required')
          : i18n.t(small ? 'validation.minLength' : 'validation.maxLength', { count: limit });
      if (issue.origin === 'array' || issue.origin === 'set')
        return i18n.t(small ? 'validation.minItems' : 'validation.maxItems', { count: limit });
      return small
        ? i18n.t('validation.min', { minimum: limit })
        : i18n.t('validation.max', { maximum: limit });
    }
    case 'invalid_format':
      return i18n.t('validation.format', { format: issue.format });
    case 'invalid_value':
      return i18n.t('validation.oneOf', {
        values: i18n.list(
          issue.values.map((v) => String(v)),
          'disjunction',
        ),
      });
    case 'unrecognized_keys':
      return i18n.t('validation.unknownFields', { keys: i18n.list(issue.keys) });
    default:
      return i18n.t('validation.invalid');
  }
}
