import fc from 'fast-check';
import { divideGrosze, formatZl, fractionOf, percentOf, zl } from '../../src/domain/money';
import { grosze, nonNegativeGrosze, RUNS } from './domain-arbitraries';

describe('money in grosze (properties)', () => {
  it('formatZl never loses a grosz: the printed amount reads back to the same grosze', () => {
    fc.assert(
      fc.property(grosze, (amount) => {
        const printed = formatZl(amount);
        expect(printed.endsWith('\u00a0zł')).toBe(true);
        expect(zl(printed.slice(0, -3))).toBe(amount);
      }),
      RUNS,
    );
  });

  it('a decimal string with at most two places is read exactly (no float error)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        (zloty, gr) => {
          expect(zl(`${zloty}.${String(gr).padStart(2, '0')}`)).toBe(zloty * 100 + gr);
          expect(zl(`${zloty},${String(gr).padStart(2, '0')}`)).toBe(zloty * 100 + gr);
          expect(zl(`-${zloty}.${String(gr).padStart(2, '0')}`)).toBe(-(zloty * 100 + gr) || 0);
        },
      ),
      RUNS,
    );
  });

  it('a third decimal place is refused with the field named, never rounded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 999 }), (zloty, frac) => {
        expect(() => zl(`${zloty}.${String(frac).padStart(3, '0')}`, 'kwota')).toThrow(/kwota/);
      }),
      RUNS,
    );
  });

  it('the three rounding modes bracket the exact quotient: down ≤ half-up ≤ up, up − down ≤ 1 gr', () => {
    fc.assert(
      fc.property(nonNegativeGrosze, fc.integer({ min: 1, max: 1000 }), (amount, divisor) => {
        const down = divideGrosze(amount, divisor, 'down');
        const half = divideGrosze(amount, divisor, 'half-up');
        const up = divideGrosze(amount, divisor, 'up');
        expect(down).toBeLessThanOrEqual(half);
        expect(half).toBeLessThanOrEqual(up);
        expect(up - down).toBe(amount % divisor === 0 ? 0 : 1);
        // up is the least whole grosz whose product covers the amount
        expect(up * divisor).toBeGreaterThanOrEqual(amount);
        expect((up - 1) * divisor).toBeLessThan(amount);
        // half-up is the nearest grosz
        expect(Math.abs(half * divisor - amount) * 2).toBeLessThanOrEqual(divisor);
      }),
      RUNS,
    );
  });

  it('rounding is symmetric for negative amounts (applied to the magnitude)', () => {
    fc.assert(
      fc.property(
        nonNegativeGrosze,
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom('down' as const, 'up' as const, 'half-up' as const),
        (amount, divisor, mode) => {
          expect(divideGrosze(-amount, divisor, mode)).toBe(-divideGrosze(amount, divisor, mode) || 0);
        },
      ),
      RUNS,
    );
  });

  it('an exact fraction needs no rounding: (a × d) × n / d = a × n in every mode', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (amount, d, n) => {
          for (const mode of ['down', 'up', 'half-up'] as const)
            expect(fractionOf(amount * d, n, d, mode)).toBe(amount * n || 0);
        },
      ),
      RUNS,
    );
  });

  it('100% of an amount is the amount; 50% rounded up never undercuts half', () => {
    fc.assert(
      fc.property(nonNegativeGrosze, (amount) => {
        expect(percentOf(amount, 100, 1, 'down')).toBe(amount);
        expect(percentOf(amount, 50, 1, 'up') * 2).toBeGreaterThanOrEqual(amount);
        expect(percentOf(amount, 50, 1, 'up') * 2 - amount).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });
});
