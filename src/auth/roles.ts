/** Role ids (= BPMN candidate groups) of DOMAIN.md with the Polish names people read. */
export const ROLES = {
  'first-contact': 'Pierwszy kontakt',
  benefits: 'Zespół ds. świadczeń',
  'social-work': 'Zespół ds. pracy socjalnej',
  services: 'Zespół ds. usług',
  'services-admin': 'Zespół realizacji świadczeń',
  'violence-response': 'Sekcja przeciwdziałania przemocy',
  'family-assistance': 'Asystenci rodziny',
  managers: 'Kierownicy',
  cashiers: 'Kasa',
  'process-owners': 'Właściciele procesu',
  analysts: 'Analitycy',
  admins: 'Administratorzy',
} as const;

export type RoleId = keyof typeof ROLES;
export const ROLE_IDS = Object.keys(ROLES) as RoleId[];

export function isRoleId(value: string): value is RoleId {
  return value in ROLES;
}
