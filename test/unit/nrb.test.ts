import {
  checkNrb,
  formatIban,
  formatNrb,
  isValidNrb,
  normalizeNrb,
  nrbCheckDigits,
} from '../../src/domain/nrb';

/**
 * Test helper, independent of the code under test: ISO 13616 check digits with BigInt.
 * For "PL" + ?? + 24 digits: 98 − (24 digits + "2521" (P=25, L=21) + "00") mod 97.
 */
function withCheckDigits(bban: string): string {
  const check = 98n - (BigInt(`${bban}252100`) % 97n);
  return check.toString().padStart(2, '0') + bban;
}

/** Hard-coded numbers published as examples: the IBAN registry example for Poland and a bank's sample. */
const KNOWN_VALID = ['PL61 1090 1014 0000 0712 1981 2874', 'PL27 1140 2004 0000 3002 0135 5387'];

describe('NRB / IBAN PL', () => {
  it.each(KNOWN_VALID)('given the published number %p, then valid', (iban) => {
    expect(isValidNrb(iban)).toBe(true);
    expect(isValidNrb(iban.slice(2))).toBe(true); // the NRB form without "PL"
  });

  it('given numbers built with check digits by the helper, then valid, in every accepted notation', () => {
    for (const bban of ['102010260000042270201111', '116022020000000012345678', '000000000000000000000000']) {
      const nrb = withCheckDigits(bban);
      expect(checkNrb(nrb)).toEqual({
        valid: true,
        nrb,
        iban: `PL${nrb}`,
        formatted: formatNrb(nrb),
      });
      expect(isValidNrb(`PL${nrb}`)).toBe(true);
      expect(isValidNrb(formatIban(nrb).toLowerCase())).toBe(true);
      expect(isValidNrb(formatNrb(nrb).replace(/ /g, '\u00a0'))).toBe(true);
      expect(nrbCheckDigits(bban)).toBe(nrb.slice(0, 2));
    }
  });

  it('given every single-digit typo of a valid number, then each one is rejected with a Polish reason', () => {
    for (const valid of [normalizeNrb(KNOWN_VALID[0] ?? ''), withCheckDigits('102010260000042270201111')]) {
      for (let position = 0; position < valid.length; position += 1) {
        for (let digit = 0; digit <= 9; digit += 1) {
          if (String(digit) === valid[position]) continue;
          const typo = valid.slice(0, position) + String(digit) + valid.slice(position + 1);
          const result = checkNrb(typo);
          expect(result.valid).toBe(false);
          if (!result.valid) expect(result.reason).toMatch(/cyfry kontrolne/);
        }
      }
    }
  });

  it('given two adjacent different digits swapped, then rejected', () => {
    const valid = normalizeNrb(KNOWN_VALID[1] ?? '');
    for (let i = 0; i + 1 < valid.length; i += 1) {
      if (valid[i] === valid[i + 1]) continue;
      const swapped = valid.slice(0, i) + (valid[i + 1] ?? '') + (valid[i] ?? '') + valid.slice(i + 2);
      expect(isValidNrb(swapped)).toBe(false);
    }
  });

  it.each([
    ['', /podaj/],
    ['61 1090 1014 0000 0712 1981 287', /26 cyfr \(podano 25\)/],
    ['61 1090 1014 0000 0712 1981 28745', /26 cyfr/],
    ['61 1090 1014 0000 0712 1981 28O4', /tylko cyfry/],
    ['DE89 3704 0044 0532 0130 00', /PL/],
  ])('given %p, then rejected: %p', (input, reason) => {
    const result = checkNrb(input);
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.reason).toMatch(reason);
  });

  it('given any notation, then normalised to 26 digits and formatted in groups', () => {
    expect(normalizeNrb('pl61 1090-1014 0000 0712 1981 2874')).toBe('61109010140000071219812874');
    expect(formatNrb('61109010140000071219812874')).toBe('61 1090 1014 0000 0712 1981 2874');
    expect(formatIban('61109010140000071219812874')).toBe('PL61 1090 1014 0000 0712 1981 2874');
  });
});
