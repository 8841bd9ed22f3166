/** PESEL: 11 digits, weights 1-3-7-9, a valid birth date encoded with the century in the month. */
const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

export type PeselCheck =
  { valid: true; birthDate: string; sex: 'K' | 'M' } | { valid: false; reason: string };

export function checkPesel(pesel: string): PeselCheck {
  if (!/^\d{11}$/.test(pesel)) return { valid: false, reason: 'PESEL musi mieć 11 cyfr' };
  const digits = [...pesel].map(Number);
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * (digits[i] ?? 0), 0);
  if ((10 - (sum % 10)) % 10 !== digits[10]) return { valid: false, reason: 'błędna cyfra kontrolna PESEL' };
  const birthDate = decodeBirthDate(digits);
  if (!birthDate) return { valid: false, reason: 'PESEL zawiera nieistniejącą datę urodzenia' };
  return { valid: true, birthDate, sex: (digits[9] ?? 0) % 2 === 0 ? 'K' : 'M' };
}

function decodeBirthDate(d: number[]): string | undefined {
  const yy = (d[0] ?? 0) * 10 + (d[1] ?? 0);
  const mmRaw = (d[2] ?? 0) * 10 + (d[3] ?? 0);
  const dd = (d[4] ?? 0) * 10 + (d[5] ?? 0);
  const centuries: [number, number][] = [
    [80, 1800],
    [60, 2200],
    [40, 2100],
    [20, 2000],
    [0, 1900],
  ];
  const [offset, century] = centuries.find(([o]) => mmRaw > o) ?? [0, 1900];
  const month = mmRaw - offset;
  const year = century + yy;
  const date = new Date(Date.UTC(year, month - 1, dd));
  if (month < 1 || month > 12 || date.getUTCDate() !== dd || date.getUTCMonth() !== month - 1)
    return undefined;
  return date.toISOString().slice(0, 10);
}
