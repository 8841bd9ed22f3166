import type { RequestHandler } from 'express';
import { localizedError } from '../../i18n';

/**
 * Refuses a JSON/form body or a query with the NUL character (U+0000) anywhere in a string, naming the field: PostgreSQL
 * text cannot hold it, so such a value reached the database as a 500 ("invalid byte sequence for encoding UTF8:
 * 0x00" — found by the generated requests of issue 13 in a site's name and the workload's `person` filter).
 * One check here instead of a refinement on every string of every schema.
 */
export const rejectNul: RequestHandler = (req, _res, next) => {
  const field = nulPath(req.body) ?? nulPath(req.query);
  if (field === undefined) return next();
  next(localizedError({ code: 'validation', field }, 'error.nulCharacter', { field }));
};

/** The path of the first string (or key) with a NUL, iteratively: a body nested 5000 deep must not overflow the stack. */
function nulPath(root: unknown): string | undefined {
  const pending: [unknown, string][] = [[root, '']];
  while (pending.length > 0) {
    const [value, at] = pending.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return at || 'body';
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, item] = entries[i] as [string, unknown];
        const name = at ? `${at}.${key}` : key;
        if (key.includes('\u0000')) return name;
        pending.push([item, name]);
      }
    }
  }
  return undefined;
}
