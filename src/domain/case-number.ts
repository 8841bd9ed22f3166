/**
 * Case numbers in the sign pattern of the centre's filing plan (JRWA), e.g. `MOPS.ŚW.5011.{n}.{yyyy}` →
 * `MOPS.ŚW.5011.123.2026`. `{n}` is the running number within the year, `{yyyy}` the year; both are required.
 */
export const DEFAULT_CASE_NUMBER_PATTERN = 'MOPS.ŚW.5011.{n}.{yyyy}';

export function validateCaseNumberPattern(pattern: string): string | undefined {
  if (!pattern.includes('{n}')) return 'wzór znaku sprawy musi zawierać {n} (numer kolejny)';
  if (!pattern.includes('{yyyy}')) return 'wzór znaku sprawy musi zawierać {yyyy} (rok)';
  return undefined;
}

export function formatCaseNumber(pattern: string, sequence: number, year: number): string {
  const problem = validateCaseNumberPattern(pattern);
  if (problem) throw new RangeError(problem);
  if (!Number.isInteger(sequence) || sequence < 1)
    throw new RangeError('numer kolejny musi być liczbą całkowitą ≥ 1');
  return pattern.replaceAll('{n}', String(sequence)).replaceAll('{yyyy}', String(year));
}

/** The symbol part (everything before `{n}`) names the counter, so two patterns never share numbers. */
export function counterSymbol(pattern: string): string {
  return pattern.slice(0, pattern.indexOf('{n}'));
}
