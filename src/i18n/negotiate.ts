import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './i18n';

/** The cookie that keeps a person's explicit choice of language (set by the switcher in the page header). */
export const LOCALE_COOKIE = 'mops_lang';

/**
 * The best of our locales for an Accept-Language header (RFC 9110 §12.5.4): ranges by descending weight, ties in
 * header order; "en-US" matches "en"; q=0 excludes; "*" means any, i.e. the default. Undefined when nothing
 * of ours is acceptable, so the caller can fall back.
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)?.[1]).find(Boolean);
      return { range: range.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.range !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { range } of ranges) {
    if (range === '*') return DEFAULT_LOCALE;
    const primary = range.split('-')[0];
    const match = LOCALES.find((locale) => locale === primary);
    if (match) return match;
  }
  return undefined;
}

/**
 * Which locale a request gets. Pages: the person's explicit choice (cookie), else Accept-Language, else Polish.
 * The JSON API follows Accept-Language first (integrators and our own scripts send it), then the cookie.
 */
export function chooseLocale(input: {
  cookie: string | undefined;
  acceptLanguage: string | undefined;
  api: boolean;
}): Locale {
  const chosen = isLocale(input.cookie) ? input.cookie : undefined;
  const accepted = localeFromAcceptLanguage(input.acceptLanguage);
  return (input.api ? (accepted ?? chosen) : (chosen ?? accepted)) ?? DEFAULT_LOCALE;
}
