/**
 * Polish bank account numbers: NRB (Numer Rachunku Bankowego, 26 digits: 2 check digits, 8 digits of the bank
 * branch's settlement number, 16 digits of the account) and its IBAN form "PL" + the same 26 digits.
 * The check is the IBAN one (ISO 13616 / ISO 7064 MOD 97-10): move country code and check digits to the end,
 * letters to numbers (P = 25, L = 21), and the whole number mod 97 must be 1. Computed digit by digit, so no
 * big numbers are needed. It catches every single-digit error and every swap of two adjacent digits.
 */
import { invalid } from './validation';

export type NrbCheck =
  { valid: true; nrb: string; iban: string; formatted: string } | { valid: false; reason: string };

const PL_AS_DIGITS = '2521'; // P = 25, L = 21

/** Strips spaces (also no-break ones) and dashes, upper-cases, and drops a leading "PL": the 26 digits remain. */
export function normalizeNrb(input: string): string {
  const compact = String(input)
    .replace(/[\s\u00a0\u202f-]/g, '')
    .toUpperCase();
  return compact.startsWith('PL') ? compact.slice(2) : compact;
}

export function checkNrb(input: string): NrbCheck {
  if (typeof input !== 'string' || input.trim() === '')
    return { valid: false, reason: 'podaj numer rachunku' };
  const compact = input.replace(/[\s\u00a0\u202f-]/g, '').toUpperCase();
  if (/^[A-Z]{2}/.test(compact) && !compact.startsWith('PL'))
    return {
      valid: false,
      reason: 'obsługiwane są tylko rachunki w polskich bankach (IBAN zaczynający się od PL)',
    };
  const nrb = normalizeNrb(compact);
  if (!/^\d+$/.test(nrb))
    return { valid: false, reason: 'numer rachunku może zawierać tylko cyfry i spacje' };
  if (nrb.length !== 26)
    return { valid: false, reason: `numer rachunku musi mieć 26 cyfr (podano ${nrb.length})` };
  if (mod97(nrb.slice(2) + PL_AS_DIGITS + nrb.slice(0, 2)) !== 1)
    return { valid: false, reason: 'błędne cyfry kontrolne numeru rachunku — sprawdź, czy nie ma literówki' };
  return { valid: true, nrb, iban: `PL${nrb}`, formatted: formatNrb(nrb) };
}

export function isValidNrb(input: string): boolean {
  return checkNrb(input).valid;
}

/** "61 1090 1014 0000 0712 1981 2874": the check digits, then groups of four (the form on Polish transfers). */
export function formatNrb(input: string): string {
  const nrb = normalizeNrb(input);
  return [nrb.slice(0, 2), ...(nrb.slice(2).match(/.{1,4}/g) ?? [])].join(' ');
}

/** "PL61 1090 1014 0000 0712 1981 2874": the IBAN paper format, groups of four. */
export function formatIban(input: string): string {
  return (`PL${normalizeNrb(input)}`.match(/.{1,4}/g) ?? []).join(' ');
}

/** The two check digits for the 24 digits after them (for generating test data and for diagnostics). */
export function nrbCheckDigits(bban: string): string {
  if (!/^\d{24}$/.test(bban)) throw invalid('bban', 'musi mieć 24 cyfry');
  return String(98 - mod97(bban + PL_AS_DIGITS + '00')).padStart(2, '0');
}

function mod97(digits: string): number {
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder;
}
