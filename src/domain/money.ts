/**
 * Money is an integer number of grosze (1 zł = 100 gr) in a JS `number` that is a safe integer.
 * No floating-point arithmetic on amounts anywhere: parsing goes through the decimal string, products and
 * quotients through BigInt with an explicit rounding mode.
 *
 * Rounding modes (the semantics of java.math.RoundingMode, applied to the magnitude, so symmetric for
 * negative amounts):
 * - `half-up` — to the nearest grosz, a half away from zero (0.5 gr → 1 gr, −0.5 gr → −1 gr);
 * - `down`    — towards zero (truncate);
 * - `up`      — away from zero.
 *
 * Where the project rounds, and why (the act — ustawa o pomocy społecznej, u.p.s. — has no general rounding
 * rule for these figures; where a choice is ours it says so):
 * 1. Income per person in a family (art. 8 ust. 1 pkt 2, art. 37 ust. 2 pkt 2 u.p.s.): household income ÷ size,
 *    rounded UP to the full grosz (`income.ts`, `incomePerPerson`). Our choice: the criterion is a whole number
 *    of grosze, so "rounded-up income per person ≤ criterion" holds exactly when "household income ≤ size ×
 *    criterion" (the family criterion of art. 8 ust. 1 pkt 3) — the figure shown never contradicts the
 *    eligibility, which is itself decided without rounding. A benefit computed by subtracting it from a
 *    criterion is then never above the statutory difference (at most 1 gr below the exact fraction).
 * 2. 130% of the criterion for zasiłek stały (art. 37 ust. 2 u.p.s., since 2024-01-01): half-up. Our choice; with
 *    whole-złoty criteria (all sets so far) the product is exact and no rounding happens.
 * 3. The 50% floor of zasiłek okresowy (art. 38 ust. 3 u.p.s.: "nie może być niższa niż 50% różnicy"): UP. A
 *    statutory minimum must not be undercut by rounding; for 50% this equals half-up (only halves occur).
 * 4. Farm income, hectares przeliczeniowe × the amount per 1 ha (art. 8 u.p.s. and the verification regulation):
 *    half-up to the full grosz. Our choice (hectares have up to 4 decimals, so fractions of a grosz occur).
 * 5. The benefit amounts themselves (zasiłek stały, the range of zasiłek okresowy) are differences of whole-grosze
 *    figures and limits, so they need no further rounding; they are NOT rounded to full złote (no such rule in
 *    u.p.s.; the decision states the amount in złote and grosze).
 */
import { invalid } from './validation';

export type Rounding = 'half-up' | 'down' | 'up';

/** True for a safe integer number (a valid amount of grosze, any sign). */
export function isGrosze(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Checks an amount of grosze given to the domain; `field` names it in the error. Returns the value. */
export function assertGrosze(
  value: unknown,
  field: string,
  options: { allowNegative?: boolean } = {},
): number {
  if (!isGrosze(value)) throw invalid(field, 'kwota musi być całkowitą liczbą groszy');
  if (!options.allowNegative && value < 0) throw invalid(field, 'kwota nie może być ujemna');
  return value;
}

// digits with optional thousands groups (space, no-break space, narrow no-break space), optional 1–2 decimals
const DECIMAL_AMOUNT = /^(-)?(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d{1,2}))?$/;

/**
 * Grosze from a decimal amount in złote without float error: `zl('1010.00')` → 101000, `zl('1 010,5')` → 101050,
 * `zl(823)` → 82300. A number is read through its shortest decimal form (`String(n)`), so 0.1 + 0.2
 * (0.30000000000000004) is rejected rather than silently rounded; so is any third decimal place.
 */
export function zl(amount: string | number, field = 'amount'): number {
  let text: string;
  if (typeof amount === 'number') {
    if (!Number.isFinite(amount)) throw invalid(field, 'kwota musi być liczbą skończoną');
    text = String(amount);
  } else if (typeof amount === 'string') {
    text = amount.trim();
  } else {
    throw invalid(field, 'kwota musi być liczbą lub tekstem');
  }
  const match = DECIMAL_AMOUNT.exec(text);
  if (!match)
    throw invalid(field, `„${text}” nie jest kwotą w złotych z co najwyżej dwoma miejscami po przecinku`);
  const [, minus, whole = '0', fraction = ''] = match;
  const grosze = BigInt(whole.replace(/\D/g, '')) * 100n + BigInt(fraction.padEnd(2, '0'));
  return toSafeGrosze(minus ? -grosze : grosze, field);
}

const NBSP = '\u00a0';

/**
 * Polish display of an amount: `formatZl(101000)` → "1 010,00 zł". Separators are the no-break space U+00A0,
 * the character Intl pl-PL uses between digit groups and before "zł"; unlike Intl (CLDR minimumGroupingDigits 2)
 * we group four-digit amounts too ("1 010,00 zł", not "1010,00 zł") so that columns of amounts line up.
 */
export function formatZl(grosze: number): string {
  assertGrosze(grosze, 'grosze', { allowNegative: true });
  const magnitude = Math.abs(grosze);
  const zlote = String(Math.floor(magnitude / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const gr = String(magnitude % 100).padStart(2, '0');
  return `${grosze < 0 ? '-' : ''}${zlote},${gr}${NBSP}zł`;
}

/**
 * `grosze × numerator ÷ denominator`, rounded as told, in exact integer arithmetic (BigInt inside, so the
 * intermediate product may exceed 2^53). The denominator must be a positive integer.
 */
export function fractionOf(
  grosze: number,
  numerator: number,
  denominator: number,
  rounding: Rounding,
): number {
  assertGrosze(grosze, 'grosze', { allowNegative: true });
  if (!Number.isSafeInteger(numerator)) throw invalid('numerator', 'musi być liczbą całkowitą');
  if (!Number.isSafeInteger(denominator) || denominator <= 0)
    throw invalid('denominator', 'musi być dodatnią liczbą całkowitą');
  return toSafeGrosze(
    divideRounded(BigInt(grosze) * BigInt(numerator), BigInt(denominator), rounding),
    'result',
  );
}

/**
 * A percentage of an amount; the percentage is the fraction `percentNumerator / percentDenominator` PERCENT:
 * `percentOf(x, 50, 1, 'up')` = 50% of x, `percentOf(x, 130, 1, 'half-up')` = 130% of x,
 * `percentOf(x, 25, 2, 'down')` = 12.5% of x. The rounding mode is explicit at every call site on purpose.
 */
export function percentOf(
  grosze: number,
  percentNumerator: number,
  percentDenominator: number,
  rounding: Rounding,
): number {
  if (!Number.isSafeInteger(percentDenominator) || percentDenominator <= 0)
    throw invalid('denominator', 'musi być dodatnią liczbą całkowitą');
  return fractionOf(grosze, percentNumerator, percentDenominator * 100, rounding);
}

/** An amount divided by a positive integer (e.g. household income per person), rounded as told. */
export function divideGrosze(grosze: number, divisor: number, rounding: Rounding): number {
  return fractionOf(grosze, 1, divisor, rounding);
}

function divideRounded(dividend: bigint, divisor: bigint, rounding: Rounding): bigint {
  const negative = dividend < 0n;
  const magnitude = negative ? -dividend : dividend;
  let quotient = magnitude / divisor;
  const remainder = magnitude % divisor;
  if (remainder !== 0n) {
    if (rounding === 'up' || (rounding === 'half-up' && 2n * remainder >= divisor)) quotient += 1n;
  }
  return negative ? -quotient : quotient;
}

function toSafeGrosze(value: bigint, field: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER))
    throw invalid(field, 'kwota jest poza zakresem obsługiwanym przez system');
  return Number(value);
}
