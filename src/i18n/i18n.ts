import type { MessageParams, ParamValue, PluralForms } from './catalog';
import { en } from './en';
import { pl, type MessageKey } from './pl';

export type Locale = 'pl' | 'en';

/** Polish first: the default and the source of every text. */
export const LOCALES: readonly Locale[] = ['pl', 'en'];
export const DEFAULT_LOCALE: Locale = 'pl';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

const CATALOGS: Record<Locale, Record<MessageKey, string | PluralForms>> = { pl, en };

/** The Intl locale of each of ours: numbers, dates and lists are formatted by the platform's CLDR data. */
const INTL_LOCALE: Record<Locale, string> = { pl: 'pl-PL', en: 'en-GB' };

/** Dates and times of the case file are shown in the centre's time zone, whatever the server's. */
export const TIME_ZONE = 'Europe/Warsaw';

type Params<K extends MessageKey> = MessageParams<(typeof pl)[K]>;
export type TArgs<K extends MessageKey> = [Params<K>] extends [never] ? [] : [Record<Params<K>, ParamValue>];
/** Keys whose texts take no placeholders. */
export type PlainKey = { [K in MessageKey]: TArgs<K> extends [] ? K : never }[MessageKey];

/** Texts and formats of one locale. Create with `i18nFor(locale)` (cheap: formatters are cached per locale). */
export interface I18n {
  readonly locale: Locale;
  readonly intlLocale: string;
  t: <K extends MessageKey>(key: K, ...args: TArgs<K>) => string;
  /** The text of a key built from data (a status from the database), or undefined when the catalog lacks it. */
  lookup: (key: string) => string | undefined;
  /** A timestamp, in Europe/Warsaw: "30.11.2026, 06:29" / "30/11/2026, 06:29". */
  dateTime: (value: string | Date) => string;
  /** A calendar date (YYYY-MM-DD, no time zone shift): "1 marca 2026" / "1 March 2026". */
  date: (isoDate: string) => string;
  /** A calendar month (YYYY-MM): "marzec 2026" / "March 2026". */
  month: (isoMonth: string) => string;
  /** An amount of grosze: "1 010,00 zł" / "PLN 1,010.00"; exact (through the decimal string, never a float). */
  money: (grosze: number) => string;
  number: (value: number) => string;
  /** "a, b lub c" / "a, b or c" (`disjunction`) and "a, b i c" / "a, b and c" (`conjunction`). */
  list: (items: string[], type?: 'conjunction' | 'disjunction') => string;
}

const cache = new Map<Locale, I18n>();

export function i18nFor(locale: Locale): I18n {
  let i18n = cache.get(locale);
  if (!i18n) {
    i18n = createI18n(locale);
    cache.set(locale, i18n);
  }
  return i18n;
}

function createI18n(locale: Locale): I18n {
  const intlLocale = INTL_LOCALE[locale];
  const catalog = CATALOGS[locale];
  const plurals = new Intl.PluralRules(intlLocale);
  const numbers = new Intl.NumberFormat(intlLocale);
  const dateTimes = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  });
  const dates = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'long', timeZone: 'UTC' });
  const months = new Intl.DateTimeFormat(intlLocale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  // 'always': four-digit amounts are grouped too, so that columns of amounts line up (as formatZl does)
  const money = new Intl.NumberFormat(intlLocale, {
    style: 'currency',
    currency: 'PLN',
    useGrouping: 'always' as unknown as boolean, // ES2023 option; the lib typings of ES2022 know only booleans
  });
  const lists = {
    conjunction: new Intl.ListFormat(intlLocale, { type: 'conjunction' }),
    disjunction: new Intl.ListFormat(intlLocale, { type: 'disjunction' }),
  };

  const formatParam = (value: ParamValue): string =>
    typeof value === 'number'
      ? numbers.format(value)
      : value instanceof Date
        ? dateTimes.format(value)
        : value;

  return {
    locale,
    intlLocale,
    t: (key, ...args) => {
      const params = (args[0] ?? {}) as Record<string, ParamValue>;
      const message = catalog[key];
      const text =
        typeof message === 'string' ? message : pluralForm(message, plurals, Number(params.count ?? 0));
      return interpolate(text, params, formatParam);
    },
    lookup: (key) => {
      const message = Object.prototype.hasOwnProperty.call(catalog, key)
        ? catalog[key as MessageKey]
        : undefined;
      return typeof message === 'string' ? message : undefined;
    },
    dateTime: (value) => dateTimes.format(typeof value === 'string' ? new Date(value) : value),
    date: (isoDate) => formatCalendar(dates, isoDate, /^(\d{4})-(\d{2})-(\d{2})$/),
    month: (isoMonth) => formatCalendar(months, `${isoMonth}-01`, /^(\d{4})-(\d{2})-(\d{2})$/),
    money: (grosze) => money.format(groszeToDecimal(grosze) as unknown as number),
    number: (value) => numbers.format(value),
    list: (items, type = 'conjunction') => lists[type].format(items),
  };
}

/** Replaces `{name}` with its value; an unknown placeholder stays visible rather than vanishing. */
export function interpolate(
  text: string,
  params: Record<string, ParamValue>,
  format: (value: ParamValue) => string = String,
): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? format(params[name]!) : whole,
  );
}

function pluralForm(forms: PluralForms, rules: Intl.PluralRules, count: number): string {
  return forms[rules.select(count)] ?? forms.other;
}

/** Grosze as an exact decimal string ("-1010.05"): Intl formats it digit for digit, no float rounding. */
export function groszeToDecimal(grosze: number): string {
  if (!Number.isSafeInteger(grosze)) throw new RangeError(`not an amount of grosze: ${grosze}`);
  const magnitude = String(Math.abs(grosze)).padStart(3, '0');
  return `${grosze < 0 ? '-' : ''}${magnitude.slice(0, -2)}.${magnitude.slice(-2)}`;
}

/** A calendar value shown as such: midnight UTC formatted in UTC, so no time zone can move it a day. */
function formatCalendar(format: Intl.DateTimeFormat, iso: string, shape: RegExp): string {
  const match = shape.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match;
  return format.format(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))));
}
