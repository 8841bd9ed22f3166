import { counterSymbol, formatCaseNumber, validateCaseNumberPattern } from '../../src/domain/case-number';

describe('case numbers', () => {
  it('fills the running number and the year into the sign pattern', () => {
    expect(formatCaseNumber('MOPS.ŚW.5011.{n}.{yyyy}', 123, 2026)).toBe('MOPS.ŚW.5011.123.2026');
    expect(formatCaseNumber('OPS-{yyyy}/{n}', 7, 2027)).toBe('OPS-2027/7');
  });

  it('rejects a pattern without the number or the year, and a number below 1', () => {
    expect(validateCaseNumberPattern('MOPS.{yyyy}')).toMatch(/\{n\}/);
    expect(validateCaseNumberPattern('MOPS.{n}')).toMatch(/\{yyyy\}/);
    expect(() => formatCaseNumber('X.{n}.{yyyy}', 0, 2026)).toThrow(RangeError);
  });

  it('names the counter by the symbol before the number', () => {
    expect(counterSymbol('MOPS.ŚW.5011.{n}.{yyyy}')).toBe('MOPS.ŚW.5011.');
  });
});
