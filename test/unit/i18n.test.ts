import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../src/errors/app-error';
import { formatZl } from '../../src/domain/money';
import { chooseLocale, i18nFor, localeFromAcceptLanguage, localizeError, LOCALES } from '../../src/i18n';
import type { Message } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { pl } from '../../src/i18n/pl';
import { DOMAIN_MESSAGES } from '../../src/i18n/domain-messages';
import { safeReturn } from '../../src/web/routes/locale';
import { renderPage } from '../../src/web/views/layout';

const catalogs: Record<string, Record<string, Message>> = { pl, en };
const forms = (message: Message): string[] =>
  typeof message === 'string'
    ? [message]
    : Object.values(message).filter((text): text is string => typeof text === 'string');
const placeholders = (message: Message): string[] =>
  [
    ...new Set(forms(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => String(m[1])))),
  ].sort();

describe('the message catalogs', () => {
  it('has the same keys in every locale', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort());
  });

  it.each(Object.keys(catalogs))('%s has no empty texts and no markup', (locale) => {
    for (const [key, message] of Object.entries(catalogs[locale]!)) {
      for (const text of forms(message)) {
        expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
        expect({ key, markup: /<[a-z/]/i.test(text) }).toEqual({ key, markup: false });
      }
    }
  });

  it('uses the same placeholders in English as in Polish', () => {
    for (const key of Object.keys(pl) as (keyof typeof pl)[]) {
      expect({ key, placeholders: placeholders(en[key]) }).toEqual({
        key,
        placeholders: placeholders(pl[key]),
      });
    }
  });

  it.each(Object.keys(catalogs))(
    '%s has every plural form its language needs, each with {count}',
    (locale) => {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, message] of Object.entries(catalogs[locale]!)) {
        if (typeof message === 'string') continue;
        for (const category of categories) {
          const text = message[category];
          expect({ key, category, hasCount: text?.includes('{count}') }).toEqual({
            key,
            category,
            hasCount: true,
          });
        }
      }
    },
  );
});

describe('texts and formats of a locale', () => {
  const plI18n = i18nFor('pl');
  const enI18n = i18nFor('en');

  it('fills in placeholders and picks the plural form of the language', () => {
    expect(plI18n.t('case.title', { caseNumber: 'MOPS.1' })).toBe('Sprawa MOPS.1');
    expect(enI18n.t('case.title', { caseNumber: 'MOPS.1' })).toBe('Case MOPS.1');
    const status = (i18n: typeof plI18n, count: number) =>
      i18n.t('inbox.pager.status', { page: 1, pages: 2, count });
    expect(status(plI18n, 1)).toBe('strona 1 z 2 (1 zadanie)');
    expect(status(plI18n, 3)).toBe('strona 1 z 2 (3 zadania)');
    expect(status(plI18n, 5)).toBe('strona 1 z 2 (5 zadań)');
    expect(status(plI18n, 22)).toBe('strona 1 z 2 (22 zadania)');
    expect(status(enI18n, 1)).toBe('page 1 of 2 (1 task)');
    expect(status(enI18n, 1234)).toBe('page 1 of 2 (1,234 tasks)');
  });

  it('formats Polish amounts exactly like formatZl and English ones in en-GB, from whole grosze', () => {
    for (const grosze of [
      0,
      5,
      -5,
      99,
      100,
      101000,
      129200,
      100000000,
      -123456789,
      Number.MAX_SAFE_INTEGER,
    ]) {
      expect(plI18n.money(grosze)).toBe(formatZl(grosze));
    }
    expect(enI18n.money(129200)).toBe('PLN\u00a01,292.00');
    expect(enI18n.money(5)).toBe('PLN\u00a00.05');
    expect(enI18n.money(Number.MAX_SAFE_INTEGER)).toBe('PLN\u00a090,071,992,547,409.91');
    expect(() => enI18n.money(1.5)).toThrow(RangeError);
  });

  it('shows times in Europe/Warsaw and calendar dates without a time zone shift', () => {
    // 23:30 UTC on 31 March is already 1 April in Warsaw (summer time, UTC+2)
    expect(plI18n.dateTime('2026-03-31T23:30:00Z')).toBe('1.04.2026, 01:30');
    expect(enI18n.dateTime('2026-03-31T23:30:00Z')).toBe('01/04/2026, 01:30');
    expect(plI18n.date('2026-03-01')).toBe('1 marca 2026');
    expect(enI18n.date('2026-03-01')).toBe('1 March 2026');
    expect(enI18n.month('2026-12')).toBe('December 2026');
    expect(enI18n.date('not a date')).toBe('not a date');
  });
});

describe('choosing the locale', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['en-US,en;q=0.9', 'en'],
    ['pl-PL,pl;q=0.9,en;q=0.8', 'pl'],
    ['de-DE,de;q=0.9,en;q=0.5,pl;q=0.4', 'en'],
    ['pl;q=0.4, en;q=0.6', 'en'],
    ['en;q=0, pl', 'pl'],
    ['fr, *;q=0.1', 'pl'],
    ['fr, de', undefined],
    ['EN-gb', 'en'],
  ])('Accept-Language %p → %p', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it('gives pages the explicit choice first and the API the Accept-Language first, else Polish', () => {
    expect(chooseLocale({ cookie: 'en', acceptLanguage: 'pl', api: false })).toBe('en');
    expect(chooseLocale({ cookie: 'en', acceptLanguage: 'pl', api: true })).toBe('pl');
    expect(chooseLocale({ cookie: 'en', acceptLanguage: 'fr', api: true })).toBe('en');
    expect(chooseLocale({ cookie: 'xx', acceptLanguage: 'en-GB', api: false })).toBe('en');
    expect(chooseLocale({ cookie: undefined, acceptLanguage: undefined, api: false })).toBe('pl');
  });

  it('returns only to a path of this site', () => {
    expect(safeReturn('/zadania?group=benefits')).toBe('/zadania?group=benefits');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'zadania', '/a\nb', 5]) {
      expect(safeReturn(bad)).toBe('/zadania');
    }
  });
});

describe('errors in the locale', () => {
  const schema = z.object({
    login: z.string().trim().min(1, 'podaj login'),
    size: z.number().int('liczba całkowita').min(1),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'data w formacie RRRR-MM-DD'),
    channel: z.enum(['phone', 'mail']),
    id: z.string().uuid(),
  });
  const zodError = () => {
    const result = schema.safeParse({ login: '', size: 1.5, date: 'jutro', channel: 'fax', id: 'x' });
    if (result.success) throw new Error('expected a failure');
    return result.error;
  };

  it('keeps the schemas’ own Polish messages in Polish and words zod’s defaults in Polish too', () => {
    const answer = localizeError(zodError(), i18nFor('pl'));
    expect(answer).toMatchObject({ status: 400, code: 'validation', field: 'login' });
    expect(answer.message).toBe('Pole „login”: podaj login');
    expect(answer.details).toEqual([
      { field: 'login', message: 'podaj login' },
      { field: 'size', message: 'liczba całkowita' },
      { field: 'date', message: 'data w formacie RRRR-MM-DD' },
      { field: 'channel', message: 'dozwolone wartości: phone lub mail' },
      { field: 'id', message: 'niepoprawny format (uuid)' },
    ]);
  });

  it('answers in English with the same field names', () => {
    const answer = localizeError(zodError(), i18nFor('en'));
    expect(answer.message).toBe('Field "login": required');
    expect(answer.details).toEqual([
      { field: 'login', message: 'required' },
      { field: 'size', message: 'enter a whole number' },
      { field: 'date', message: 'a date in the form YYYY-MM-DD' },
      { field: 'channel', message: 'allowed values: phone or mail' },
      { field: 'id', message: 'invalid format (uuid)' },
    ]);
  });

  it('translates known Polish messages of the case-file modules and brackets the unknown ones', () => {
    const en = i18nFor('en');
    const conflict = new AppError({
      code: 'conflict',
      message: 'To zadanie zostało już zakończone albo anulowane.',
    });
    expect(localizeError(conflict, en)).toMatchObject({
      status: 409,
      message: 'This task has already been completed or cancelled.',
    });
    const assigned = new AppError({ code: 'conflict', message: 'Zadanie jest już przypisane do: anna.k.' });
    expect(localizeError(assigned, en).message).toBe('The task is already assigned to: anna.k.');
    const domainField = new AppError({
      code: 'validation',
      field: 'pesel',
      message: 'Pole „pesel”: błędna cyfra kontrolna PESEL',
    });
    expect(localizeError(domainField, en)).toMatchObject({
      field: 'pesel',
      message: 'Field "pesel": wrong PESEL check digit',
    });
    const unknown = new AppError({ code: 'not-found', message: 'Nie ma decyzji 42.' });
    expect(localizeError(unknown, en).message).toBe('Not found. (in Polish: Nie ma decyzji 42.)');
    expect(localizeError(unknown, i18nFor('pl')).message).toBe('Nie ma decyzji 42.');
    expect(localizeError(new Error('boom'), en)).toMatchObject({ status: 500, code: 'internal' });
  });

  it('has every translated domain message still in the source (no stale entries)', () => {
    const source = sourceText(
      path.resolve(__dirname, '../../src'),
      path.resolve(__dirname, '../../src/i18n'),
    );
    const stale = DOMAIN_MESSAGES.filter((m) => !source.includes(m.probe)).map((m) => m.probe);
    expect(stale).toEqual([]);
  });
});

describe('the page frame', () => {
  it.each(LOCALES)(
    'says its language in <html lang> and offers the other language in its own words (%s)',
    (locale) => {
      const html = renderPage(
        { i18n: i18nFor(locale), returnTo: '/logowanie?next=%2Fzadania' },
        { title: 'X', body: '' },
      );
      expect(html).toContain(`<html lang="${locale}">`);
      expect(html).toContain('<form method="post" action="/jezyk"');
      expect(html).toContain('name="next" value="/logowanie?next=%2Fzadania"');
      const other = locale === 'pl' ? 'en' : 'pl';
      expect(html).toContain(`value="${other}" lang="${other}">${i18nFor(other).t('locale.name')}</button>`);
    },
  );
});

function sourceText(dir: string, skip: string): string {
  if (dir === skip) return '';
  return readdirSync(dir)
    .map((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return sourceText(full, skip);
      return full.endsWith('.ts') ? readFileSync(full, 'utf8') : '';
    })
    .join('\n');
}
