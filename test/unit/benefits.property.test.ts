import fc from 'fast-check';
import { formatCaseNumber, counterSymbol, validateCaseNumberPattern } from '../../src/domain/case-number';
import {
  calculateBenefits,
  isEligible,
  periodicBenefitRange,
  permanentBenefit,
} from '../../src/domain/eligibility';
import { incomePerPerson } from '../../src/domain/income';
import { parametersOn } from '../../src/domain/parameters/benefit-parameters';
import { dateBetween, RUNS } from './domain-arbitraries';

/** The field a domain validation error names, or 'no error'. */
function fieldOf(run: () => unknown): string {
  try {
    run();
    return 'no error';
  } catch (error) {
    return (error as { field?: string }).field ?? 'no field';
  }
}

const benefitDate = dateBetween('2022-01-01', '2030-12-31');
const householdSize = fc.integer({ min: 1, max: 12 });
const input = fc
  .tuple(benefitDate, householdSize, fc.integer({ min: 0, max: 3 }))
  .chain(([date, size, scale]) =>
    fc.record({
      date: fc.constant(date),
      householdSize: fc.constant(size),
      // most draws around the criterion, where the floors and caps bite
      householdIncomeGrosze: fc.integer({ min: 0, max: size * 101_000 * (scale + 1) }),
    }),
  );

describe('benefit amounts from the dated parameters (properties)', () => {
  it('zasiłek okresowy: when eligible, at least 20 zł (the floor), at least half the gap and min ≤ max', () => {
    fc.assert(
      fc.property(input, (request) => {
        const params = parametersOn(request.date);
        const range = periodicBenefitRange(params, request);
        if (!range.eligible) {
          expect(range).toMatchObject({ gapGrosze: 0, minGrosze: 0, maxGrosze: 0 });
          return;
        }
        expect(range.minGrosze).toBeGreaterThanOrEqual(params.periodicMinGrosze);
        expect(range.minGrosze).toBeGreaterThanOrEqual(2000);
        expect(range.minGrosze * 2).toBeGreaterThanOrEqual(range.gapGrosze);
        expect(range.minGrosze).toBeLessThanOrEqual(range.maxGrosze);
        // the maximum is the gap (capped for a single person) unless the floor wins
        expect(range.maxGrosze === range.minGrosze || range.maxGrosze <= range.gapGrosze).toBe(true);
      }),
      RUNS,
    );
  });

  it('zasiłek stały: when eligible, between the floor and the cap of its parameter set (100–1229 zł from 2025)', () => {
    fc.assert(
      fc.property(input, (request) => {
        const params = parametersOn(request.date);
        const permanent = permanentBenefit(params, request);
        if (!permanent.eligible) {
          expect(permanent.amountGrosze).toBe(0);
          return;
        }
        expect(permanent.amountGrosze).toBeGreaterThanOrEqual(params.permanentMinGrosze);
        if (request.householdSize === 1)
          expect(permanent.amountGrosze).toBeLessThanOrEqual(params.permanentMaxGrosze);
        if (request.date >= '2025-01-01') {
          expect(permanent.amountGrosze).toBeGreaterThanOrEqual(10_000);
          if (request.householdSize === 1) expect(permanent.amountGrosze).toBeLessThanOrEqual(122_900);
        }
      }),
      RUNS,
    );
  });

  it('income per person is household income ÷ size rounded up to the grosz, and agrees with the eligibility', () => {
    fc.assert(
      fc.property(input, (request) => {
        const params = parametersOn(request.date);
        const perPerson = incomePerPerson(request.householdIncomeGrosze, request.householdSize);
        expect(perPerson * request.householdSize).toBeGreaterThanOrEqual(request.householdIncomeGrosze);
        expect((perPerson - 1) * request.householdSize).toBeLessThan(request.householdIncomeGrosze);
        const eligible = isEligible(params, request.householdSize, request.householdIncomeGrosze);
        if (request.householdSize > 1) expect(eligible).toBe(perPerson <= params.criterionPerPersonGrosze);
        else expect(eligible).toBe(request.householdIncomeGrosze <= params.criterionSingleGrosze);
      }),
      RUNS,
    );
  });

  it('more income never raises a benefit (zasiłek stały and the top of zasiłek okresowy)', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 100_000 }), (request, more) => {
        const params = parametersOn(request.date);
        const richer = { ...request, householdIncomeGrosze: request.householdIncomeGrosze + more };
        expect(permanentBenefit(params, richer).amountGrosze).toBeLessThanOrEqual(
          permanentBenefit(params, request).amountGrosze,
        );
        expect(periodicBenefitRange(params, richer).maxGrosze).toBeLessThanOrEqual(
          periodicBenefitRange(params, request).maxGrosze,
        );
      }),
      RUNS,
    );
  });

  it('the API calculation is the sum of its parts and names the parameter set in force that day', () => {
    fc.assert(
      fc.property(input, (request) => {
        const params = parametersOn(request.date);
        const result = calculateBenefits(request);
        expect(result.parametersValidFrom).toBe(params.validFrom);
        expect(result.permanent.amountGrosze).toBe(permanentBenefit(params, request).amountGrosze);
        expect(result.periodic.minGrosze).toBe(periodicBenefitRange(params, request).minGrosze);
      }),
      RUNS,
    );
  });

  it('a wrong household size or a fractional amount is refused naming the field', () => {
    fc.assert(
      fc.property(
        benefitDate,
        fc.oneof(fc.integer({ max: 0 }), fc.double({ noInteger: true })),
        fc.integer({ min: 0, max: 1_000_000_000 }).map((n) => n + 0.5),
        (date, size, half) => {
          expect(
            fieldOf(() => calculateBenefits({ date, householdSize: size, householdIncomeGrosze: 0 })),
          ).toBe('householdSize');
          expect(
            fieldOf(() => calculateBenefits({ date, householdSize: 2, householdIncomeGrosze: half })),
          ).toBe('householdIncomeGrosze');
        },
      ),
      RUNS,
    );
  });
});

const plain = fc.string({ maxLength: 12 }).filter((s) => !s.includes('{') && !s.includes('}'));
const pattern = fc.tuple(plain, plain, plain).map(([a, b, c]) => `${a}{n}${b}{yyyy}${c}`);

describe('case numbers (properties)', () => {
  it('a pattern with {n} and {yyyy} gives distinct numbers for distinct sequence numbers, with the year in it', () => {
    fc.assert(
      fc.property(
        pattern,
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 2000, max: 2100 }),
        (p, a, b, year) => {
          expect(validateCaseNumberPattern(p)).toBeUndefined();
          const first = formatCaseNumber(p, a, year);
          expect(first.startsWith(counterSymbol(p))).toBe(true);
          expect(first).toContain(String(year));
          expect(first.startsWith(`${counterSymbol(p)}${a}`)).toBe(true);
          expect(formatCaseNumber(p, b, year) === first).toBe(a === b);
        },
      ),
      RUNS,
    );
  });

  it('a pattern missing {n} or {yyyy}, or a sequence below 1, is refused', () => {
    fc.assert(
      fc.property(plain, fc.integer({ max: 0 }), (text, seq) => {
        expect(validateCaseNumberPattern(`${text}{yyyy}`)).toMatch(/\{n\}/);
        expect(validateCaseNumberPattern(`${text}{n}`)).toMatch(/\{yyyy\}/);
        expect(() => formatCaseNumber(`${text}{n}.{yyyy}`, seq, 2026)).toThrow(RangeError);
      }),
      RUNS,
    );
  });
});
