import { demoPesel } from '../../src/demo/demo-pesel';
import { demoPerson, DEMO_PEOPLE_COUNT } from '../../src/demo/demo-people';
import { checkPesel } from '../../src/domain/pesel';

describe('demo PESELs', () => {
  it('encode the birth date and sex, carry the serial 99 and a valid check digit', () => {
    expect(demoPesel('1958-03-14', 'K', 0)).toBe('58031499007');
    expect(checkPesel('58031499007')).toEqual({ valid: true, birthDate: '1958-03-14', sex: 'K' });
    // born in the 2000s: month + 20
    expect(demoPesel('2001-05-16', 'M', 26)).toBe('01251699531');
    expect(checkPesel('01251699531')).toEqual({ valid: true, birthDate: '2001-05-16', sex: 'M' });
  });

  it('every demo person has a valid, unique PESEL of the demo pattern', () => {
    const people = Array.from({ length: DEMO_PEOPLE_COUNT }, (_, i) => demoPerson(i));
    expect(people.filter((p) => checkPesel(p.pesel).valid)).toHaveLength(48);
    expect(new Set(people.map((p) => p.pesel)).size).toBe(48);
    expect(people.filter((p) => p.pesel.slice(6, 8) === '99')).toHaveLength(48);
    expect(
      people.filter(
        (p) => checkPesel(p.pesel).valid && (checkPesel(p.pesel) as { sex: string }).sex === p.sex,
      ),
    ).toHaveLength(48);
  });
});
