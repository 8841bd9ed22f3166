import type { CatalogOf } from '../catalog';
import type { badInputPl } from './bad-input.pl';

/** English texts of answers to malformed requests (issue 13, "Bad input"). */
export const badInputEn: CatalogOf<typeof badInputPl> = {
  'error.badPath': 'The address contains a badly encoded character (e.g. a lone "%").',
  'error.nulCharacter': 'The field "{field}" contains a NUL character (\\0), which cannot be stored.',
};
