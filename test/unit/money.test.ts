import { AppError } from '../../src/errors/app-error';
import { divideGrosze, formatZl, fractionOf, percentOf, zl } from '../../src/domain/money';

const NBSP = '\u00a0';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.field;
    throw error;
  }
  return undefined;
}

describe('money: zl() parses złote into integer grosze', () => {
  it.each([
    ['1010.00', 101000],
    ['1010', 101000],
    ['823,00', 82300],
    ['1 010,50', 101050],
    [`1${NBSP}229,00`, 122900],
    ['0.1', 10],
    ['0,05', 5],
    ['-12.34', -1234],
  ])('given the text %p, then it is %p grosze', (text, grosze) => {
    expect(zl(text)).toBe(grosze);
  });

  it('given a number with at most two decimals, then it is read exactly', () => {
    expect(zl(1010)).toBe(101000);
    expect(zl(0.29)).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(zl(1229.99)).toBe(122999);
  });

  it('given a float that is not a two-decimal amount or a third decimal place, then it refuses instead of rounding', () => {
    expect(() => zl(0.1 + 0.2)).toThrow(/dwoma miejscami/);
    expect(() => zl('1.005')).toThrow(AppError);
    expect(() => zl('12,3a')).toThrow(AppError);
    expect(() => zl(Number.NaN)).toThrow(AppError);
  });

  it('when the input is wrong, then the error names the field', () => {
    expect(fieldOf(() => zl('abc', 'grossGrosze'))).toBe('grossGrosze');
    expect(fieldOf(() => zl('abc'))).toBe('amount');
  });
});

describe('money: formatZl() displays Polish amounts', () => {
  it('given 101000 grosze, then "1 010,00 zł" with no-break spaces', () => {
    expect(formatZl(101000)).toBe(`1${NBSP}010,00${NBSP}zł`);
  });

  it.each([
    [0, `0,00${NBSP}zł`],
    [5, `0,05${NBSP}zł`],
    [82300, `823,00${NBSP}zł`],
    [-123456, `-1${NBSP}234,56${NBSP}zł`],
    [123456789, `1${NBSP}234${NBSP}567,89${NBSP}zł`],
  ])('given %p grosze, then %p', (grosze, text) => {
    expect(formatZl(grosze)).toBe(text);
  });

  it('given five or more digits of złote, then the same characters as Intl pl-PL', () => {
    const intl = new Intl.NumberFormat('pl-PL', { style: 'currency', currency: 'PLN' });
    for (const grosze of [1234567, 98765432, 100000000])
      expect(formatZl(grosze)).toBe(intl.format(grosze / 100));
  });

  it('given a fraction of a grosz, then it refuses', () => {
    expect(() => formatZl(1.5)).toThrow(AppError);
  });
});

describe('money: percentages and division with an explicit rounding mode', () => {
  it('given an odd number of grosze, when taking 50%, then the half is rounded as told', () => {
    expect(percentOf(1, 50, 1, 'half-up')).toBe(1);
    expect(percentOf(1, 50, 1, 'down')).toBe(0);
    expect(percentOf(1, 50, 1, 'up')).toBe(1);
    expect(percentOf(50999, 50, 1, 'half-up')).toBe(25500); // 254,995 zł → 255,00 zł
    expect(percentOf(50999, 50, 1, 'down')).toBe(25499);
  });

  it('given an exact result, then every mode agrees', () => {
    expect(percentOf(101000, 130, 1, 'half-up')).toBe(131300);
    expect(percentOf(101000, 130, 1, 'down')).toBe(131300);
    expect(percentOf(82300, 130, 1, 'up')).toBe(106990);
  });

  it('given 130% of an amount with a fraction, then half-up, down and up differ', () => {
    // 1,01 zł × 130% = 1,313 zł
    expect(percentOf(101, 130, 1, 'half-up')).toBe(131);
    expect(percentOf(101, 130, 1, 'down')).toBe(131);
    expect(percentOf(101, 130, 1, 'up')).toBe(132);
  });

  it('given a fractional percentage, then numerator / denominator percent', () => {
    expect(percentOf(1000, 25, 2, 'down')).toBe(125); // 12.5%
    expect(fractionOf(1000, 1, 8, 'down')).toBe(125);
  });

  it('given a negative amount, then rounding is symmetric (half away from zero, down towards zero)', () => {
    expect(percentOf(-3, 50, 1, 'half-up')).toBe(-2);
    expect(percentOf(-3, 50, 1, 'down')).toBe(-1);
    expect(percentOf(-3, 50, 1, 'up')).toBe(-2);
  });

  it('given the largest safe amount, then the intermediate product does not lose precision', () => {
    expect(percentOf(Number.MAX_SAFE_INTEGER, 50, 1, 'down')).toBe(Math.floor(Number.MAX_SAFE_INTEGER / 2));
    expect(() => percentOf(Number.MAX_SAFE_INTEGER, 200, 1, 'down')).toThrow(AppError);
  });

  it('given household income 1000,00 zł for 3 persons, then per-person rounding is explicit', () => {
    expect(divideGrosze(100000, 3, 'up')).toBe(33334);
    expect(divideGrosze(100000, 3, 'down')).toBe(33333);
    expect(divideGrosze(100000, 3, 'half-up')).toBe(33333);
    expect(divideGrosze(100001, 2, 'half-up')).toBe(50001);
  });

  it('given a zero or fractional denominator, then it refuses', () => {
    expect(fieldOf(() => fractionOf(100, 1, 0, 'down'))).toBe('denominator');
    expect(fieldOf(() => percentOf(100, 1.5, 1, 'down'))).toBe('numerator');
    expect(fieldOf(() => percentOf(0.5, 1, 1, 'down'))).toBe('grosze');
  });
});
