export type { Message, PluralForms, ParamValue } from './catalog';
export type { MessageKey } from './pl';
export {
  DEFAULT_LOCALE,
  LOCALES,
  TIME_ZONE,
  i18nFor,
  isLocale,
  type I18n,
  type Locale,
  type PlainKey,
} from './i18n';
export { LOCALE_COOKIE, chooseLocale, localeFromAcceptLanguage } from './negotiate';
export { LocalizedError, localizedError } from './localized-error';
export { localizeError, type ErrorAnswer } from './localize-error';
