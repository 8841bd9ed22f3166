/** Texts of answers to malformed requests found by the generated-request run (issue 13, "Bad input"). */
export const badInputPl = {
  'error.badPath': 'Adres zawiera błędnie zakodowany znak (np. samotne „%”).',
  'error.nulCharacter': 'Pole „{field}” zawiera znak NUL (\\0), którego nie można zapisać w aktach.',
} as const;
