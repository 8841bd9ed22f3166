import { AppError } from '../../src/errors/app-error';
import {
  farmIncome,
  householdIncome,
  incomeMonth,
  incomePerPerson,
  memberIncome,
  parseHectares,
} from '../../src/domain/income';
import { parametersOn } from '../../src/domain/parameters/benefit-parameters';

const params2025 = parametersOn('2025-01-01');

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('income (art. 8 u.p.s.): which month counts', () => {
  it('given an application on 15 March 2025, when no income was lost, then February 2025 counts', () => {
    expect(incomeMonth('2025-03-15', false)).toBe('2025-02');
  });

  it('given an application in January, when no income was lost, then December of the previous year counts', () => {
    expect(incomeMonth('2025-01-02', false)).toBe('2024-12');
  });

  it('given an applicant who lost income, then the month of the application itself counts', () => {
    expect(incomeMonth('2025-03-15', true)).toBe('2025-03');
    expect(incomeMonth('2025-01-31', true)).toBe('2025-01');
  });

  it('given a wrong date, then the error names applicationDate', () => {
    expect(errorOf(() => incomeMonth('2025-02-30', false)).field).toBe('applicationDate');
  });
});

describe('income (art. 8 ust. 3 u.p.s.): one member', () => {
  it('given 5000 zł revenue, 200 zł tax, 400 zł health and 900 zł social contributions and 500 zł alimony paid, then 3000 zł', () => {
    const result = memberIncome(
      {
        grossGrosze: 500000,
        incomeTaxGrosze: 20000,
        healthInsuranceGrosze: 40000,
        socialInsuranceGrosze: 90000,
        alimonyPaidGrosze: 50000,
      },
      params2025,
    );
    expect(result).toEqual({
      netGrosze: 350000,
      farmGrosze: 0,
      alimonyPaidGrosze: 50000,
      incomeGrosze: 300000,
    });
  });

  it('given only a revenue, then deductions default to zero', () => {
    expect(memberIncome({ grossGrosze: 123456 }, params2025).incomeGrosze).toBe(123456);
  });

  it('given tax and contributions above the revenue, then a validation error on the revenue field', () => {
    const error = errorOf(() =>
      memberIncome(
        { grossGrosze: 1000, incomeTaxGrosze: 600, socialInsuranceGrosze: 600 },
        params2025,
        'members[0]',
      ),
    );
    expect(error.field).toBe('members[0].grossGrosze');
    expect(error.status).toBe(400);
  });
});

describe('income: farmland in hectares przeliczeniowe', () => {
  it('given hectares as decimal strings, then they are read exactly in ten-thousandths', () => {
    expect(parseHectares('2.5')).toBe(25000);
    expect(parseHectares('1,2345')).toBe(12345);
    expect(parseHectares('0.0001')).toBe(1);
    expect(parseHectares('3')).toBe(30000);
  });

  it('given 2.5 ha in 2025, then 2.5 × 459 zł = 1147,50 zł a month', () => {
    expect(farmIncome('2.5', params2025.incomePerHectareGrosze)).toBe(114750);
  });

  it('given hectares that give a fraction of a grosz, then half-up to the full grosz', () => {
    expect(farmIncome('1.2345', 45900)).toBe(56664); // 566,6355 zł
    expect(farmIncome('0.0001', 45900)).toBe(5); // 4,59 gr
    expect(farmIncome('0.0001', 45000)).toBe(5); // 4,5 gr, a half → up
  });

  it('given more than four decimals, a negative or a non-number, then the error names the field', () => {
    expect(errorOf(() => parseHectares('2.50001')).field).toBe('farmHectares');
    expect(errorOf(() => parseHectares('-1')).field).toBe('farmHectares');
    expect(
      errorOf(() =>
        householdIncome([{ grossGrosze: 0 }, { grossGrosze: 0, farmHectares: 'dwa' }], params2025),
      ).field,
    ).toBe('members[1].farmHectares');
  });
});

describe('income: household and income per person', () => {
  it('given a family of 4 with one earner (2000 zł net) and three persons without income, then 500 zł per person', () => {
    const income = householdIncome(
      [
        {
          grossGrosze: 270000,
          incomeTaxGrosze: 10000,
          healthInsuranceGrosze: 20000,
          socialInsuranceGrosze: 40000,
        },
        { grossGrosze: 0 },
        { grossGrosze: 0 },
        { grossGrosze: 0 },
      ],
      params2025,
    );
    expect(income.householdSize).toBe(4);
    expect(income.householdGrosze).toBe(200000);
    expect(income.perPersonGrosze).toBe(50000);
  });

  it('given a farm and a pension in a household of 2, then both count', () => {
    const income = householdIncome(
      [{ grossGrosze: 150000 }, { grossGrosze: 0, farmHectares: '2.5' }],
      params2025,
    );
    expect(income.householdGrosze).toBe(264750);
    expect(income.perPersonGrosze).toBe(132375);
  });

  it('given alimony paid above a member’s own income, then it lowers the household sum but never below zero', () => {
    expect(
      householdIncome([{ grossGrosze: 100000 }, { grossGrosze: 20000, alimonyPaidGrosze: 50000 }], params2025)
        .householdGrosze,
    ).toBe(70000);
    expect(
      householdIncome([{ grossGrosze: 10000, alimonyPaidGrosze: 50000 }], params2025).householdGrosze,
    ).toBe(0);
  });

  it('given 1000,00 zł for 3 persons, then 333,34 zł per person (rounded up, documented choice)', () => {
    expect(incomePerPerson(100000, 3)).toBe(33334);
    expect(incomePerPerson(100002, 3)).toBe(33334); // exact, no rounding
  });

  it('given a negative amount, a fraction of a grosz or no members, then the error names the field', () => {
    expect(
      errorOf(() =>
        householdIncome([{ grossGrosze: 100 }, { grossGrosze: 100, incomeTaxGrosze: -1 }], params2025),
      ).field,
    ).toBe('members[1].incomeTaxGrosze');
    expect(errorOf(() => householdIncome([{ grossGrosze: 100.5 }], params2025)).field).toBe(
      'members[0].grossGrosze',
    );
    expect(errorOf(() => householdIncome([], params2025)).field).toBe('members');
    expect(errorOf(() => incomePerPerson(100, 0)).field).toBe('householdSize');
  });
});
