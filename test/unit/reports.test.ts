import { benefitReport, type PaidBenefitFact } from '../../src/domain/reports/benefit-report';
import { csvAmount, toCsv } from '../../src/domain/reports/csv';
import { payoutRegister, type RegisterRow } from '../../src/domain/reports/payout-register';
import {
  parseReportMonth,
  parseReportPeriod,
  previousHalfYear,
  previousMonth,
} from '../../src/domain/reports/report-period';

const paid = (over: Partial<PaidBenefitFact> & { instalmentId: string }): PaidBenefitFact => ({
  clientId: 'c1',
  caseId: 'k1',
  benefitForm: 'zasilek-okresowy',
  amountGrosze: 10_000,
  householdSize: 1,
  reasons: [],
  ...over,
});

describe('report periods', () => {
  it('reads a half-year and a year as inclusive calendar ranges', () => {
    expect(parseReportPeriod('2026-H1')).toEqual({
      code: '2026-H1',
      kind: 'half-year',
      year: 2026,
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(parseReportPeriod('2026-H2').from).toBe('2026-07-01');
    expect(parseReportPeriod('2026-H2').to).toBe('2026-12-31');
    expect(parseReportPeriod(' 2026-h2 ').code).toBe('2026-H2');
    expect(parseReportPeriod('2025')).toMatchObject({ kind: 'year', from: '2025-01-01', to: '2025-12-31' });
  });

  it('names the field of a malformed period or month', () => {
    expect(() => parseReportPeriod('2026-H3')).toThrow(expect.objectContaining({ field: 'period' }) as Error);
    expect(() => parseReportMonth('2026-13', 'month')).toThrow(
      expect.objectContaining({ field: 'month' }) as Error,
    );
  });

  it('knows the last day of a month, February of a leap year included', () => {
    expect(parseReportMonth('2028-02')).toMatchObject({ from: '2028-02-01', to: '2028-02-29' });
    expect(parseReportMonth('2026-02').to).toBe('2026-02-28');
  });

  it('defaults to the half-year being filed and the month before', () => {
    expect(previousHalfYear('2026-07-10')).toBe('2026-H1');
    expect(previousHalfYear('2026-01-15')).toBe('2025-H2');
    expect(previousMonth('2026-01-15')).toBe('2025-12');
    expect(previousMonth('2026-10-01')).toBe('2026-09');
  });
});

describe('MRPiPS-03 aggregates', () => {
  const report = benefitReport({
    paid: [
      paid({ instalmentId: 'i1', clientId: 'a', householdSize: 3, reasons: ['poverty', 'unemployment'] }),
      paid({ instalmentId: 'i2', clientId: 'a', householdSize: 3, reasons: ['poverty', 'unemployment'] }),
      paid({ instalmentId: 'i3', clientId: 'b', amountGrosze: 45_050, benefitForm: 'zasilek-staly' }),
      paid({
        instalmentId: 'i4',
        clientId: 'a',
        amountGrosze: 20_001,
        benefitForm: 'zasilek-celowy',
        householdSize: 3,
        reasons: ['poverty'],
      }),
    ],
    decisions: [
      { outcome: 'grant', clientId: 'a' },
      { outcome: 'grant', clientId: 'a' },
      { outcome: 'refuse', clientId: 'c' },
    ],
    contracts: [
      { planId: 'p1', clientId: 'a', householdSize: 3 },
      { planId: 'p2', clientId: 'd', householdSize: 2 },
    ],
  });

  it('counts benefits, amounts and persons per form, in the form order of the report', () => {
    expect(report.byForm).toEqual([
      {
        form: 'zasilek-staly',
        persons: 1,
        families: 1,
        personsInFamilies: 1,
        benefits: 1,
        amountGrosze: 45_050,
      },
      {
        form: 'zasilek-okresowy',
        persons: 1,
        families: 1,
        personsInFamilies: 3,
        benefits: 2,
        amountGrosze: 20_000,
      },
      {
        form: 'zasilek-celowy',
        persons: 1,
        families: 1,
        personsInFamilies: 3,
        benefits: 1,
        amountGrosze: 20_001,
      },
    ]);
  });

  it('counts a person once in the total even with several forms; the amount is the sum to the grosz', () => {
    expect(report.total).toEqual({
      form: 'total',
      persons: 2,
      families: 2,
      personsInFamilies: 4,
      benefits: 4,
      amountGrosze: 85_051,
    });
  });

  it('counts a family under each of its reasons, and one without a reason as not recorded', () => {
    expect(report.byReason).toEqual([
      { reason: 'poverty', families: 1, personsInFamilies: 3 },
      { reason: 'unemployment', families: 1, personsInFamilies: 3 },
      { reason: 'not-recorded', families: 1, personsInFamilies: 1 },
    ]);
  });

  it('counts decisions by outcome and social contracts with the persons they cover', () => {
    expect(report.decisions).toEqual({ granted: 2, refused: 1, partiesGranted: 1 });
    expect(report.contracts).toEqual({ contracts: 2, persons: 2, personsInFamilies: 5 });
  });

  it('is empty, not failing, for a period without payouts', () => {
    const empty = benefitReport({ paid: [], decisions: [], contracts: [] });
    expect(empty.byForm).toEqual([]);
    expect(empty.total.amountGrosze).toBe(0);
    expect(empty.total.persons).toBe(0);
  });
});

describe('payouts register', () => {
  const row = (over: Partial<RegisterRow> & { instalmentId: string }): RegisterRow => ({
    paidOn: '2026-03-10',
    caseId: 'k',
    caseNumber: 'A.1.2026',
    person: 'Jan Kowalski',
    benefitForm: 'zasilek-okresowy',
    method: 'cash',
    month: '2026-03',
    instalmentNo: 1,
    amountGrosze: 100,
    ...over,
  });

  it('orders by day and case and totals per method to the grosz', () => {
    const register = payoutRegister([
      row({ instalmentId: 'x', paidOn: '2026-03-20', method: 'transfer', amountGrosze: 61_234 }),
      row({ instalmentId: 'y', paidOn: '2026-03-05', caseNumber: 'B.2.2026', amountGrosze: 33_301 }),
      row({ instalmentId: 'z', paidOn: '2026-03-05', caseNumber: 'A.9.2026', amountGrosze: 1 }),
    ]);
    expect(register.rows.map((r) => r.instalmentId)).toEqual(['z', 'y', 'x']);
    expect(register.count).toBe(3);
    expect(register.totalGrosze).toBe(94_536);
    expect(register.byMethod).toEqual([
      { method: 'cash', count: 2, totalGrosze: 33_302 },
      { method: 'transfer', count: 1, totalGrosze: 61_234 },
    ]);
  });
});

describe('CSV for Polish Excel', () => {
  it('starts with a BOM, separates by semicolons, quotes where needed, ends lines with CRLF', () => {
    expect(
      toCsv([
        ['Osoba', 'Kwota'],
        ['Nowak; Anna', '12,50'],
        ['O"Brien', 3],
      ]),
    ).toBe('\uFEFFOsoba;Kwota\r\n"Nowak; Anna";12,50\r\n"O""Brien";3\r\n');
  });

  it('writes amounts in złote with a decimal comma, without floats', () => {
    expect(csvAmount(123_456)).toBe('1234,56');
    expect(csvAmount(5)).toBe('0,05');
    expect(csvAmount(-5)).toBe('-0,05');
    expect(csvAmount(900_719_925_474_099)).toBe('9007199254740,99');
  });
});
