/**
 * Demo PESELs: a real birth date and a valid check digit (the app's validation accepts them), but the serial always
 * starts with 99 — no real register number looks like this pattern in the demo, so a demo person is recognised at
 * a glance ("…99…"). Pure: no I/O.
 */
const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

export function demoPesel(birthDate: string, sex: 'K' | 'M', index: number): string {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const centuryOffset = year >= 2000 ? 20 : 0;
  const yy = String(year % 100).padStart(2, '0');
  const mm = String(month + centuryOffset).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  // serial: 99, one digit of the demo index, the sex digit (even for women, odd for men)
  const sexDigit = ((index % 5) * 2 + (sex === 'M' ? 1 : 0)) % 10;
  const body = `${yy}${mm}${dd}99${Math.floor(index / 5) % 10}${sexDigit}`;
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * (WEIGHTS[i] ?? 0), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}
