import { checkPesel } from '../../src/domain/pesel';

describe('PESEL', () => {
  it('accepts a valid number and decodes date and sex', () => {
    expect(checkPesel('44051401359')).toEqual({ valid: true, birthDate: '1944-05-14', sex: 'M' });
    expect(checkPesel('02270803624')).toEqual({ valid: true, birthDate: '2002-07-08', sex: 'K' });
  });

  it.each([
    ['44051401358', /kontrolna/],
    ['4405140135', /11 cyfr/],
    ['4405140135a', /11 cyfr/],
    ['44023001356', /dat/],
  ])('rejects %s', (pesel, reason) => {
    const result = checkPesel(pesel);
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.reason).toMatch(reason);
  });
});
