import { AppError } from '../../src/errors/app-error';
import {
  calculateBenefits,
  householdCriterion,
  isEligible,
  periodicBenefitRange,
  permanentBenefit,
} from '../../src/domain/eligibility';
import { incomePerPerson } from '../../src/domain/income';
import { zl } from '../../src/domain/money';
import { parametersOn } from '../../src/domain/parameters/benefit-parameters';

const DATE_2025 = '2025-06-01';
const params2025 = parametersOn(DATE_2025);
const params2023 = parametersOn('2023-06-01');
const params2024 = parametersOn('2024-06-01');

const single = (income: string) => ({ householdSize: 1, householdIncomeGrosze: zl(income) });
const family = (size: number, income: string) => ({ householdSize: size, householdIncomeGrosze: zl(income) });

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('criterion (art. 8 ust. 1 u.p.s.), 2025 figures', () => {
  it('given a single person, then 1010 zł; given a family of n, then n × 823 zł', () => {
    expect(householdCriterion(params2025, 1)).toEqual({
      amountGrosze: 101000,
      legalBasis: 'art. 8 ust. 1 pkt 1 u.p.s.',
    });
    expect(householdCriterion(params2025, 2).amountGrosze).toBe(164600);
    expect(householdCriterion(params2025, 4)).toEqual({
      amountGrosze: 329200,
      legalBasis: 'art. 8 ust. 1 pkt 3 u.p.s.',
    });
  });

  it('given a single person with income exactly at the criterion, then eligible; 1 grosz above, then not', () => {
    expect(isEligible(params2025, 1, zl('1010.00'))).toBe(true);
    expect(isEligible(params2025, 1, zl('1010.01'))).toBe(false);
  });

  it('given a family of 4 exactly at 3292 zł, then eligible; 1 grosz above, then not', () => {
    expect(isEligible(params2025, 4, zl('3292.00'))).toBe(true);
    expect(isEligible(params2025, 4, zl('3292.01'))).toBe(false);
  });

  it('given any family near the boundary, then the family criterion and the rounded-up income per person agree', () => {
    for (let size = 2; size <= 7; size += 1) {
      const criterion = size * params2025.criterionPerPersonGrosze;
      for (let income = criterion - 2 * size; income <= criterion + 2 * size; income += 1) {
        const perPerson = incomePerPerson(income, size) <= params2025.criterionPerPersonGrosze;
        expect(isEligible(params2025, size, income)).toBe(perPerson);
      }
    }
  });
});

describe('zasiłek okresowy (art. 38 u.p.s.), 2025 figures', () => {
  it('given a single person with 500 zł, then from 255 zł (50% of the 510 zł gap) to 510 zł', () => {
    expect(periodicBenefitRange(params2025, single('500.00'))).toEqual({
      eligible: true,
      gapGrosze: 51000,
      minGrosze: 25500,
      maxGrosze: 51000,
      legalBasis: { min: 'art. 38 ust. 3 pkt 1 i ust. 4 u.p.s.', max: 'art. 38 ust. 2 pkt 1 u.p.s.' },
    });
  });

  it('given a single person without income, then the maximum is capped at the per-person criterion of 823 zł', () => {
    const range = periodicBenefitRange(params2025, single('0'));
    expect(range.gapGrosze).toBe(101000);
    expect(range.minGrosze).toBe(50500);
    expect(range.maxGrosze).toBe(82300);
  });

  it('given a family of 4 with 2000 zł, then from 646 zł to 1292 zł (gap of the family criterion 3292 zł)', () => {
    const range = periodicBenefitRange(params2025, family(4, '2000.00'));
    expect(range).toMatchObject({ eligible: true, gapGrosze: 129200, minGrosze: 64600, maxGrosze: 129200 });
    expect(range.legalBasis.max).toBe('art. 38 ust. 2 pkt 2 u.p.s.');
  });

  it('given a family gap of an odd number of grosze, then the 50% minimum is rounded up', () => {
    // family of 3: criterion 2469 zł, income 1000,01 zł → gap 1468,99 zł → 50% = 734,495 zł
    expect(periodicBenefitRange(params2025, family(3, '1000.01')).minGrosze).toBe(73450);
    // single: income 500,01 zł → gap 509,99 zł → 50% = 254,995 zł
    expect(periodicBenefitRange(params2025, single('500.01')).minGrosze).toBe(25500);
  });

  it('given a gap whose half is below 20 zł, then the minimum is 20 zł', () => {
    // gap 39,98 zł → 50% = 19,99 zł → 20 zł
    expect(periodicBenefitRange(params2025, single('970.02'))).toMatchObject({
      minGrosze: 2000,
      maxGrosze: 3998,
    });
    // gap exactly 40 zł → 50% = 20 zł
    expect(periodicBenefitRange(params2025, single('970.00'))).toMatchObject({
      minGrosze: 2000,
      maxGrosze: 4000,
    });
  });

  it('given a gap below 20 zł, then the 20 zł floor wins and the range collapses to 20 zł', () => {
    expect(periodicBenefitRange(params2025, single('1000.00'))).toMatchObject({
      eligible: true,
      gapGrosze: 1000,
      minGrosze: 2000,
      maxGrosze: 2000,
    });
    expect(periodicBenefitRange(params2025, single('1009.99'))).toMatchObject({
      minGrosze: 2000,
      maxGrosze: 2000,
    });
  });

  it('given income exactly at the criterion, then no zasiłek okresowy ("niższy" — lower, art. 38 ust. 1)', () => {
    expect(periodicBenefitRange(params2025, single('1010.00'))).toMatchObject({
      eligible: false,
      minGrosze: 0,
      maxGrosze: 0,
    });
    expect(periodicBenefitRange(params2025, family(4, '3292.00')).eligible).toBe(false);
    expect(periodicBenefitRange(params2025, family(4, '3291.99'))).toMatchObject({
      eligible: true,
      minGrosze: 2000,
      maxGrosze: 2000,
    });
  });
});

describe('zasiłek stały (art. 37 u.p.s.)', () => {
  it('given a single person with 500 zł in 2025, then 130% × 1010 zł − 500 zł = 813 zł', () => {
    expect(permanentBenefit(params2025, single('500.00'))).toEqual({
      eligible: true,
      amountGrosze: 81300,
      legalBasis: 'art. 37 ust. 1 pkt 1, ust. 2 pkt 1 i ust. 3 u.p.s.',
    });
  });

  it('given a single person without income in 2025, then the 1313 zł difference is capped at 1229 zł', () => {
    expect(permanentBenefit(params2025, single('0'))).toMatchObject({ amountGrosze: 122900, limit: 'cap' });
  });

  it('given a single person around the cap, then exactly 1229 zł at 84 zł income and 1228,99 zł at 84,01 zł', () => {
    expect(permanentBenefit(params2025, single('83.99'))).toMatchObject({
      amountGrosze: 122900,
      limit: 'cap',
    });
    expect(permanentBenefit(params2025, single('84.00'))).toEqual(
      expect.objectContaining({ amountGrosze: 122900 }),
    );
    expect(permanentBenefit(params2025, single('84.00')).limit).toBeUndefined();
    expect(permanentBenefit(params2025, single('84.01')).amountGrosze).toBe(122899);
  });

  it('given a single person 1 grosz under the criterion, then 1313 − 1009,99 = 303,01 zł; at the criterion, then none', () => {
    expect(permanentBenefit(params2025, single('1009.99'))).toMatchObject({
      eligible: true,
      amountGrosze: 30301,
    });
    expect(permanentBenefit(params2025, single('1010.00'))).toMatchObject({
      eligible: false,
      amountGrosze: 0,
    });
  });

  it('given a family of 4 with 2000 zł in 2025, then 130% × 823 zł − 500 zł = 569,90 zł', () => {
    expect(permanentBenefit(params2025, family(4, '2000.00'))).toEqual({
      eligible: true,
      amountGrosze: 56990,
      legalBasis: 'art. 37 ust. 1 pkt 2, ust. 2 pkt 2 i ust. 3 u.p.s.',
    });
  });

  it('given a family whose income per person has a fraction of a grosz, then it is rounded up before subtracting', () => {
    // 1000,01 zł ÷ 2 = 500,005 zł → 500,01 zł → 1069,90 − 500,01
    expect(permanentBenefit(params2025, family(2, '1000.01')).amountGrosze).toBe(56989);
    // 1000,00 zł ÷ 3 = 333,33(3) zł → 333,34 zł
    expect(permanentBenefit(params2025, family(3, '1000.00')).amountGrosze).toBe(73656);
  });

  it('given a family 1 grosz under the family criterion, then the per-person income rounds up to 823 zł and is not lower', () => {
    expect(permanentBenefit(params2025, family(4, '3291.99')).eligible).toBe(false);
    expect(permanentBenefit(params2025, family(4, '3291.96')).amountGrosze).toBe(106990 - 82299);
  });

  it('given a family member whose own income is not below the per-person criterion, then not eligible (ust. 1 pkt 2)', () => {
    const input = { ...family(4, '2000.00'), applicantIncomeGrosze: zl('823.00') };
    expect(permanentBenefit(params2025, input).eligible).toBe(false);
    expect(permanentBenefit(params2025, { ...input, applicantIncomeGrosze: zl('822.99') }).eligible).toBe(
      true,
    );
  });

  it('given the 2025 figures, when the difference falls under 100 zł, then the 100 zł floor applies', () => {
    // with 2025 figures an eligible person always gets ≥ 246,91 zł, so the floor is exercised with the percentage
    // lowered to 100% (the pre-2024 rule) and the 2025 floor of 100 zł
    const hypothetical = { ...params2025, permanentCriterionPercent: 100 };
    expect(permanentBenefit(hypothetical, single('950.00'))).toMatchObject({
      amountGrosze: 10000,
      limit: 'floor',
    });
    expect(permanentBenefit(hypothetical, single('910.00'))).toMatchObject({ amountGrosze: 10000 });
    expect(permanentBenefit(hypothetical, single('909.99')).amountGrosze).toBe(10001);
    expect(permanentBenefit(hypothetical, family(2, '1560.00'))).toMatchObject({
      amountGrosze: 10000,
      limit: 'floor',
    });
  });

  it('given 2023 (pre-amendment: 100% of the criterion, floor 30 zł, cap 719 zł), then the old rule', () => {
    expect(permanentBenefit(params2023, single('760.00'))).toMatchObject({
      amountGrosze: 3000,
      limit: 'floor',
    });
    expect(permanentBenefit(params2023, single('500.00')).amountGrosze).toBe(27600);
    expect(permanentBenefit(params2023, single('0'))).toMatchObject({ amountGrosze: 71900, limit: 'cap' });
  });

  it('given 2024 (130% of 776 zł = 1008,80 zł, cap 1000 zł), then the transitional year', () => {
    expect(permanentBenefit(params2024, single('500.00')).amountGrosze).toBe(50880);
    expect(permanentBenefit(params2024, single('0'))).toMatchObject({ amountGrosze: 100000, limit: 'cap' });
    expect(permanentBenefit(params2024, family(2, '600.00')).amountGrosze).toBe(78000 - 30000);
  });
});

describe('calculateBenefits: the contract of POST /api/benefits/calculate', () => {
  it('given a family of 4 with 2000 zł on 2025-06-01, then all figures with their legal basis', () => {
    expect(calculateBenefits({ date: DATE_2025, householdSize: 4, householdIncomeGrosze: 200000 })).toEqual({
      criterionGrosze: 329200,
      incomePerPersonGrosze: 50000,
      eligible: true,
      periodic: { eligible: true, minGrosze: 64600, maxGrosze: 129200 },
      permanent: { eligible: true, amountGrosze: 56990 },
      legalBasis: {
        criterion: 'art. 8 ust. 1 pkt 3 u.p.s.',
        incomePerPerson: expect.stringContaining('art. 8 ust. 3'),
        periodicMin: 'art. 38 ust. 3 pkt 2 i ust. 4 u.p.s.',
        periodicMax: 'art. 38 ust. 2 pkt 2 u.p.s.',
        permanent: 'art. 37 ust. 1 pkt 2, ust. 2 pkt 2 i ust. 3 u.p.s.',
        parameters: expect.stringContaining('Dz.U. 2024 poz. 1044'),
      },
      parametersValidFrom: '2025-01-01',
    });
  });

  it('given a single person 1 grosz above the criterion, then not eligible and no amounts', () => {
    expect(
      calculateBenefits({ date: DATE_2025, householdSize: 1, householdIncomeGrosze: 101001 }),
    ).toMatchObject({
      criterionGrosze: 101000,
      incomePerPersonGrosze: 101001,
      eligible: false,
      periodic: { eligible: false, minGrosze: 0, maxGrosze: 0 },
      permanent: { eligible: false, amountGrosze: 0 },
    });
  });

  it('given the same household on a 2024 date, then the 2024 parameters are used', () => {
    const result = calculateBenefits({ date: '2024-12-31', householdSize: 1, householdIncomeGrosze: 50000 });
    expect(result.parametersValidFrom).toBe('2024-01-01');
    expect(result.criterionGrosze).toBe(77600);
    expect(result.permanent.amountGrosze).toBe(50880);
  });

  it('given bad input, then a validation error naming the field', () => {
    const ok = { date: DATE_2025, householdSize: 2, householdIncomeGrosze: 100000 };
    expect(errorOf(() => calculateBenefits({ ...ok, householdSize: 0 })).field).toBe('householdSize');
    expect(errorOf(() => calculateBenefits({ ...ok, householdSize: 2.5 })).field).toBe('householdSize');
    expect(errorOf(() => calculateBenefits({ ...ok, householdIncomeGrosze: -1 })).field).toBe(
      'householdIncomeGrosze',
    );
    expect(errorOf(() => calculateBenefits({ ...ok, householdIncomeGrosze: 10.5 })).field).toBe(
      'householdIncomeGrosze',
    );
    expect(errorOf(() => calculateBenefits({ ...ok, date: '2021-06-01' })).field).toBe('date');
    expect(errorOf(() => calculateBenefits({ ...ok, date: '01.06.2025' })).field).toBe('date');
    expect(errorOf(() => calculateBenefits({ ...ok, applicantIncomeGrosze: -5 })).field).toBe(
      'applicantIncomeGrosze',
    );
  });
});
