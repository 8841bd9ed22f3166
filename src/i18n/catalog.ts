/**
 * The shape of a message catalog. Polish (`pl.ts`) is the source: its keys and the placeholders in its texts
 * define the types, so every other locale must have exactly the same keys (a missing or extra key fails `tsc`)
 * and every call of `t()` must pass exactly the placeholders the Polish text names.
 *
 * A message is a text with `{name}` placeholders, or plural forms selected by `{count}` with the CLDR plural
 * categories of the locale (Polish: one, few, many, other; English: one, other).
 */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type Message = string | PluralForms;

/** The placeholder names of one text: 'Sprawa {caseNumber} z {date}' → 'caseNumber' | 'date'. */
type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The placeholder names of a message; plural forms always take `count`. */
export type MessageParams<M> = M extends string
  ? Placeholders<M>
  : M extends PluralForms
    ? 'count' | Placeholders<M[keyof M]>
    : never;

/** What a placeholder accepts: text as is, numbers and dates formatted for the locale. */
export type ParamValue = string | number | Date;

/** A catalog of the same shape as `source`: the same keys; texts stay texts, plural forms stay plural forms. */
export type CatalogOf<Source> = {
  readonly [K in keyof Source]: Source[K] extends string ? string : PluralForms;
};
