import fc from 'fast-check';
import { checkNrb, formatIban, formatNrb, nrbCheckDigits } from '../../src/domain/nrb';
import { checkPesel } from '../../src/domain/pesel';
import { dateBetween, RUNS } from './domain-arbitraries';

const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/** Builds a PESEL for a birth date (1800–2299), a serial of 3 digits and a sex digit. */
function makePesel(birthDate: string, serial: number, sexDigit: number): string {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const offset = { 18: 80, 19: 0, 20: 20, 21: 40, 22: 60 }[Math.floor(year / 100)] ?? 0;
  const body =
    String(year % 100).padStart(2, '0') +
    String(month + offset).padStart(2, '0') +
    String(day).padStart(2, '0') +
    String(serial).padStart(3, '0') +
    String(sexDigit);
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (WEIGHTS[i] ?? 0), 0);
  return body + String((10 - (sum % 10)) % 10);
}

const pesel = fc
  .tuple(
    dateBetween('1800-01-01', '2299-12-31'),
    fc.integer({ min: 0, max: 999 }),
    fc.integer({ min: 0, max: 9 }),
  )
  .map(([birthDate, serial, sexDigit]) => ({
    birthDate,
    sexDigit,
    pesel: makePesel(birthDate, serial, sexDigit),
  }));

describe('PESEL (properties)', () => {
  it('a PESEL built from any date 1800–2299 is valid and gives back that birth date and the sex', () => {
    fc.assert(
      fc.property(pesel, ({ birthDate, sexDigit, pesel: number }) => {
        expect(checkPesel(number)).toEqual({
          valid: true,
          birthDate,
          sex: sexDigit % 2 === 0 ? 'K' : 'M',
        });
      }),
      RUNS,
    );
  });

  it('changing any one digit is always caught (the weights 1-3-7-9 are coprime with 10)', () => {
    fc.assert(
      fc.property(pesel, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (p, at, delta) => {
        const digits = [...p.pesel];
        digits[at] = String((Number(digits[at]) + delta) % 10);
        expect(checkPesel(digits.join('')).valid).toBe(false);
      }),
      RUNS,
    );
  });

  it('anything that is not exactly 11 digits is refused with a reason, never a throw', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }).filter((s) => !/^\d{11}$/.test(s)),
        (text) => {
          expect(checkPesel(text)).toEqual({ valid: false, reason: 'PESEL musi mieć 11 cyfr' });
        },
      ),
      RUNS,
    );
  });
});

const bban = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 24, maxLength: 24 })
  .map((d) => d.join(''));
const nrb = bban.map((b) => nrbCheckDigits(b) + b);

describe('NRB / IBAN mod 97 (properties)', () => {
  it('check digits from nrbCheckDigits make a valid NRB, and every printed form reads back to the same number', () => {
    fc.assert(
      fc.property(nrb, (number) => {
        const expected = { valid: true, nrb: number, iban: `PL${number}`, formatted: formatNrb(number) };
        expect(checkNrb(number)).toEqual(expected);
        expect(checkNrb(formatNrb(number))).toEqual(expected);
        expect(checkNrb(formatIban(number))).toEqual(expected);
        expect(checkNrb(`pl${number}`)).toEqual(expected);
        expect(formatNrb(number).replace(/ /g, '')).toBe(number);
      }),
      RUNS,
    );
  });

  it('a single changed digit is always caught', () => {
    fc.assert(
      fc.property(
        nrb,
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 1, max: 9 }),
        (number, at, delta) => {
          const digits = [...number];
          digits[at] = String((Number(digits[at]) + delta) % 10);
          expect(checkNrb(digits.join('')).valid).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('a swap of two different adjacent digits of the account part is always caught', () => {
    fc.assert(
      fc.property(nrb, fc.integer({ min: 2, max: 24 }), (number, at) => {
        fc.pre(number[at] !== number[at + 1]);
        const digits = [...number];
        [digits[at], digits[at + 1]] = [digits[at + 1] as string, digits[at] as string];
        expect(checkNrb(digits.join('')).valid).toBe(false);
      }),
      RUNS,
    );
  });

  it('a wrong length or a non-digit is refused with a reason, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const result = checkNrb(text);
        if (result.valid) expect(result.nrb).toMatch(/^\d{26}$/);
        else expect(typeof result.reason).toBe('string');
      }),
      RUNS,
    );
  });
});
