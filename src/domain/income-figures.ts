/**
 * The income figures the process needs from an income statement of the case file (art. 8 u.p.s.): the household
 * (size, income) for the criterion, the applicant's own income and the household of an obliged relative for the
 * DPS fee (art. 61: the resident pays at most 70% of their OWN income; a spouse, descendant or ascendant pays
 * only from income above 300% of the criterion of their household).
 *
 * The statement's household size and income are what the interview established and what the decision is drafted
 * from, so they are taken as they are. Its `items` may break the income down by person, each item a
 * `MemberIncome` (revenue, tax, contributions, alimony paid, farm hectares) with a `role`:
 * - `applicant` (at most one): the applicant's own income, art. 8 ust. 3 applied by `memberIncome`, not below 0;
 * - `relative`: every member of the obliged relative's household (also those without income, they are its size);
 * - `member`: another member of the applicant's household (part of the household total; not needed here).
 * Without an `applicant` item the applicant's own income is the household income in a one-person household and
 * unknown (null) in a family. Without `relative` items there is no obliged relative: income 0, household of 1
 * (what the dps-fee table expects).
 */
import { assertHouseholdSize, householdIncome, memberIncome, type MemberIncome } from './income';
import { assertGrosze } from './money';
import type { BenefitParameters } from './parameters/benefit-parameters';
import { invalid } from './validation';

export type IncomeItemRole = 'applicant' | 'member' | 'relative';
export interface IncomeItem extends MemberIncome {
  role: IncomeItemRole;
}

export interface IncomeStatement {
  householdSize: number;
  householdIncomeGrosze: number;
  /** The `items` column (jsonb) as read: validated here. */
  items: unknown;
}

export interface IncomeFigures {
  householdSize: number;
  householdIncomeGrosze: number;
  /** null: a family whose statement does not give the applicant's own income. */
  applicantIncomeGrosze: number | null;
  relativeIncomeGrosze: number;
  relativeHouseholdSize: number;
}

const ROLES: readonly IncomeItemRole[] = ['applicant', 'member', 'relative'];

export function incomeFigures(
  statement: IncomeStatement,
  params: Pick<BenefitParameters, 'incomePerHectareGrosze'>,
): IncomeFigures {
  const householdSize = assertHouseholdSize(statement.householdSize);
  const householdIncomeGrosze = assertGrosze(statement.householdIncomeGrosze, 'householdIncomeGrosze');
  const items = incomeItems(statement.items);

  const applicants = items.filter((item) => item.role === 'applicant');
  if (applicants.length > 1) throw invalid('items', 'wnioskodawca może być tylko jeden (role "applicant")');
  const applicant = applicants[0];
  const applicantIncomeGrosze = applicant
    ? Math.max(0, memberIncome(applicant, params, 'items.applicant').incomeGrosze)
    : householdSize === 1
      ? householdIncomeGrosze
      : null;

  const relatives = items.filter((item) => item.role === 'relative');
  const relative = relatives.length > 0 ? householdIncome(relatives, params) : undefined;
  return {
    householdSize,
    householdIncomeGrosze,
    applicantIncomeGrosze,
    relativeIncomeGrosze: relative?.householdGrosze ?? 0,
    relativeHouseholdSize: relative?.householdSize ?? 1,
  };
}

function incomeItems(items: unknown): IncomeItem[] {
  if (items === null || items === undefined) return [];
  if (!Array.isArray(items)) throw invalid('items', 'musi być listą dochodów osób');
  return items.map((item: unknown, i) => {
    if (typeof item !== 'object' || item === null) throw invalid(`items[${i}]`, 'brak danych o dochodzie');
    const role = (item as { role?: unknown }).role;
    if (!ROLES.includes(role as IncomeItemRole))
      throw invalid(`items[${i}].role`, 'jedno z: applicant, member, relative');
    return item as IncomeItem;
  });
}
