/**
 * The forms of benefit granted by decision as the case file names them (`assistance_plans.benefit_type`), in the
 * order of MRPiPS-03 section 2 (the rows the centre fills in). A form the file stores that is not listed here is
 * still counted, in its own row under its code, after these.
 */
export const BENEFIT_FORMS = [
  'zasilek-staly',
  'zasilek-okresowy',
  'zasilek-celowy',
  'zasilek-celowy-specjalny',
  'posilek',
  'schronienie',
  'uslugi-opiekuncze',
  'specjalistyczne-uslugi-opiekuncze',
  'dom-pomocy-spolecznej',
] as const;
export type BenefitForm = (typeof BENEFIT_FORMS)[number];

/** The order of a form among the report's rows (unknown codes after the known ones, alphabetically). */
export function formOrder(form: string): number {
  const index = (BENEFIT_FORMS as readonly string[]).indexOf(form);
  return index === -1 ? BENEFIT_FORMS.length : index;
}
