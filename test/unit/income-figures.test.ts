import { AppError } from '../../src/errors/app-error';
import { incomeFigures } from '../../src/domain/income-figures';
import { parametersOn } from '../../src/domain/parameters/benefit-parameters';

const params = parametersOn('2026-01-15');

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('income figures for the process (art. 8, art. 61 u.p.s.)', () => {
  it('given a one-person household without a breakdown, then the applicant income is the household income', () => {
    expect(incomeFigures({ householdSize: 1, householdIncomeGrosze: 90_000, items: [] }, params)).toEqual({
      householdSize: 1,
      householdIncomeGrosze: 90_000,
      applicantIncomeGrosze: 90_000,
      relativeIncomeGrosze: 0,
      relativeHouseholdSize: 1,
    });
  });

  it('given a family without a breakdown, then the applicant’s own income is unknown (null)', () => {
    expect(
      incomeFigures({ householdSize: 4, householdIncomeGrosze: 400_000, items: null }, params),
    ).toMatchObject({
      applicantIncomeGrosze: null,
      relativeIncomeGrosze: 0,
      relativeHouseholdSize: 1,
    });
  });

  it('given an applicant item, then art. 8 ust. 3 applies: revenue less tax, contributions and alimony paid, farm income added', () => {
    const figures = incomeFigures(
      {
        householdSize: 2,
        householdIncomeGrosze: 300_000,
        items: [
          {
            role: 'applicant',
            grossGrosze: 300_000,
            incomeTaxGrosze: 20_000,
            healthInsuranceGrosze: 27_000,
            socialInsuranceGrosze: 41_100,
            alimonyPaidGrosze: 50_000,
            farmHectares: '1',
          },
        ],
      },
      params,
    );
    expect(figures.applicantIncomeGrosze).toBe(
      300_000 - 20_000 - 27_000 - 41_100 - 50_000 + params.incomePerHectareGrosze,
    );
  });

  it('given alimony above the applicant’s income, then the applicant income is 0, not negative', () => {
    const figures = incomeFigures(
      {
        householdSize: 1,
        householdIncomeGrosze: 0,
        items: [{ role: 'applicant', grossGrosze: 10_000, alimonyPaidGrosze: 50_000 }],
      },
      params,
    );
    expect(figures.applicantIncomeGrosze).toBe(0);
  });

  it('given the obliged relative’s household listed person by person, then its income and size', () => {
    const figures = incomeFigures(
      {
        householdSize: 1,
        householdIncomeGrosze: 150_000,
        items: [
          { role: 'relative', grossGrosze: 700_000, incomeTaxGrosze: 50_000 },
          { role: 'relative', grossGrosze: 300_000 },
          { role: 'relative', grossGrosze: 0 },
        ],
      },
      params,
    );
    expect(figures).toMatchObject({
      applicantIncomeGrosze: 150_000,
      relativeIncomeGrosze: 950_000,
      relativeHouseholdSize: 3,
    });
  });

  it('given malformed items, then a validation error names the field', () => {
    expect(
      errorOf(() => incomeFigures({ householdSize: 1, householdIncomeGrosze: 0, items: {} }, params)).field,
    ).toBe('items');
    expect(
      errorOf(() =>
        incomeFigures(
          { householdSize: 1, householdIncomeGrosze: 0, items: [{ role: 'cousin', grossGrosze: 1 }] },
          params,
        ),
      ).field,
    ).toBe('items[0].role');
    expect(
      errorOf(() =>
        incomeFigures(
          {
            householdSize: 2,
            householdIncomeGrosze: 0,
            items: [
              { role: 'applicant', grossGrosze: 1 },
              { role: 'applicant', grossGrosze: 2 },
            ],
          },
          params,
        ),
      ).field,
    ).toBe('items');
    expect(
      errorOf(() => incomeFigures({ householdSize: 0, householdIncomeGrosze: 0, items: [] }, params)).field,
    ).toBe('householdSize');
  });
});
