import { AppError, type AppErrorCode } from '../errors/app-error';
import { i18nFor, type I18n, type TArgs } from './i18n';
import type { MessageKey } from './pl';

/**
 * An AppError whose message comes from the catalog: rendered for the person's locale at the edge, while its
 * `message` (logs, anything that does not know about locales) stays the Polish text.
 */
export class LocalizedError extends AppError {
  constructor(
    options: { code: AppErrorCode; field?: string; cause?: unknown },
    readonly render: (i18n: I18n) => string,
  ) {
    super({ ...options, message: render(i18nFor('pl')) });
  }
}

export function localizedError<K extends MessageKey>(
  options: { code: AppErrorCode; field?: string; cause?: unknown },
  key: K,
  ...args: TArgs<K>
): LocalizedError {
  return new LocalizedError(options, (i18n) => i18n.t(key, ...args));
}
