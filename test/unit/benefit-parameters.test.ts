import { AppError } from '../../src/errors/app-error';
import { addDays } from '../../src/domain/calendar-date';
import { BENEFIT_PARAMETERS, parametersOn } from '../../src/domain/parameters/benefit-parameters';

describe('benefit parameters: one dated, versioned set', () => {
  it('given 2025-01-01 or later, then the figures of Dz.U. 2024 poz. 1044 (DOMAIN.md)', () => {
    for (const date of ['2025-01-01', '2025-12-31', '2026-06-15']) {
      const params = parametersOn(date);
      expect(params.source).toContain('Dz.U. 2024 poz. 1044');
      expect(params).toMatchObject({
        validFrom: '2025-01-01',
        criterionSingleGrosze: 101000,
        criterionPerPersonGrosze: 82300,
        incomePerHectareGrosze: 45900,
        permanentCriterionPercent: 130,
        permanentMaxGrosze: 122900,
        permanentMinGrosze: 10000,
        periodicMinGrosze: 2000,
        periodicMinGapPercent: 50,
      });
      expect(params.validTo).toBeUndefined();
    }
  });

  it('given a day of 2024, then the 2021 criteria with the 130% rule, 1000 zł cap and 100 zł floor of 2024', () => {
    expect(parametersOn('2024-12-31')).toMatchObject({
      validFrom: '2024-01-01',
      criterionSingleGrosze: 77600,
      criterionPerPersonGrosze: 60000,
      incomePerHectareGrosze: 34500,
      permanentCriterionPercent: 130,
      permanentMaxGrosze: 100000,
      permanentMinGrosze: 10000,
    });
  });

  it('given a day of 2022–2023, then 776 / 600 / 345 zł, the 719 zł cap and the 30 zł floor (Dz.U. 2021 poz. 1296)', () => {
    const params = parametersOn('2022-01-01');
    expect(params).toBe(parametersOn('2023-12-31'));
    expect(params.source).toContain('Dz.U. 2021 poz. 1296');
    expect(params).toMatchObject({
      criterionSingleGrosze: 77600,
      criterionPerPersonGrosze: 60000,
      incomePerHectareGrosze: 34500,
      permanentCriterionPercent: 100,
      permanentMaxGrosze: 71900,
      permanentMinGrosze: 3000,
      periodicMinGrosze: 2000,
    });
  });

  it('given a date before the first set, then a clear error naming the field and the first date', () => {
    expect(() => parametersOn('2021-12-31')).toThrow(/sprzed 2022-01-01/);
    try {
      parametersOn('2021-12-31');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).field).toBe('date');
      expect((error as AppError).status).toBe(400);
    }
  });

  it('given a malformed or non-existent date, then a validation error', () => {
    expect(() => parametersOn('2025-02-29')).toThrow(AppError);
    expect(() => parametersOn('1.01.2025')).toThrow(/RRRR-MM-DD/);
  });

  it('then the sets follow one another without gaps or overlaps, and only the last is open-ended', () => {
    BENEFIT_PARAMETERS.forEach((set, i) => {
      const next = BENEFIT_PARAMETERS[i + 1];
      if (next) expect(addDays(set.validTo ?? '', 1)).toBe(next.validFrom);
      else expect(set.validTo).toBeUndefined();
    });
  });

  it('then every amount is a whole number of grosze and every set says where it comes from and how it was checked', () => {
    for (const set of BENEFIT_PARAMETERS) {
      for (const key of Object.keys(set).filter((k) => k.endsWith('Grosze')))
        expect(Number.isSafeInteger(set[key as keyof typeof set])).toBe(true);
      expect(set.source.length).toBeGreaterThan(10);
      expect(set.verification.length).toBeGreaterThan(10);
      expect(typeof set.verified).toBe('boolean');
    }
    expect(Object.isFrozen(BENEFIT_PARAMETERS)).toBe(true);
    expect(BENEFIT_PARAMETERS.every((set) => Object.isFrozen(set))).toBe(true);
  });
});
