/**
 * Income for social assistance (art. 8 u.p.s.), in grosze per month.
 *
 * Art. 8 ust. 3: the income of a person is the sum of monthly revenues (przychody) from the month before the
 * application — or from the month of the application if income was lost — whatever their title and source,
 * less (1) the monthly personal income tax, (2) health insurance contributions and social insurance
 * contributions, (3) alimony paid to other persons. The income of a family is the sum of its members' incomes
 * (art. 6 / art. 8 ust. 3); income per person is that sum divided by the number of persons.
 * Farmland: from 1 ha przeliczeniowy a fixed monthly income is assumed (art. 8 ust. 8), the amount set by the
 * verification regulation (`incomePerHectareGrosze` of the parameter set).
 * Not modelled here (they change what enters `grossGrosze`, not the arithmetic): the exclusions of art. 8
 * ust. 4 and the one-off income spread over 12 months of art. 8 ust. 11–12.
 */
import { parseDate } from './calendar-date';
import { assertGrosze, divideGrosze, fractionOf } from './money';
import type { BenefitParameters } from './parameters/benefit-parameters';
import { invalid } from './validation';

export interface MemberIncome {
  /** Przychód of the month, all titles and sources together. */
  grossGrosze: number;
  /** Miesięczne obciążenie podatkiem dochodowym od osób fizycznych (art. 8 ust. 3 pkt 1). */
  incomeTaxGrosze?: number;
  /** Składki na ubezpieczenie zdrowotne (art. 8 ust. 3 pkt 2). */
  healthInsuranceGrosze?: number;
  /** Składki na ubezpieczenia społeczne (art. 8 ust. 3 pkt 2). */
  socialInsuranceGrosze?: number;
  /** Alimenty świadczone na rzecz innych osób (art. 8 ust. 3 pkt 3). */
  alimonyPaidGrosze?: number;
  /** Hektary przeliczeniowe of farmland, a decimal string with up to 4 places ('2.5', '1,2345'). */
  farmHectares?: string;
}

export interface MemberIncomeResult {
  /** Revenue less tax and contributions, plus farm income. */
  netGrosze: number;
  farmGrosze: number;
  alimonyPaidGrosze: number;
  /** netGrosze − alimony paid: what this member adds to the household income (may be negative). */
  incomeGrosze: number;
}

export interface HouseholdIncome {
  householdSize: number;
  members: MemberIncomeResult[];
  /** Sum of the members' incomes, not below zero. */
  householdGrosze: number;
  /** householdGrosze ÷ size, rounded up to the full grosz (see `incomePerPerson`). */
  perPersonGrosze: number;
}

const HECTARES = /^(\d+)(?:[.,](\d{1,4}))?$/;
const HECTARE_SCALE = 10_000;

/** Hectares as an integer number of ten-thousandths of a hectare: '2.5' → 25000, '0,0001' → 1. */
export function parseHectares(hectares: string, field = 'farmHectares'): number {
  const match = typeof hectares === 'string' ? HECTARES.exec(hectares.trim()) : null;
  if (!match)
    throw invalid(field, 'liczba hektarów przeliczeniowych: nieujemna liczba, do 4 miejsc po przecinku');
  const [, whole = '0', fraction = ''] = match;
  const value = Number(whole) * HECTARE_SCALE + Number(fraction.padEnd(4, '0'));
  if (!Number.isSafeInteger(value)) throw invalid(field, 'liczba hektarów jest za duża');
  return value;
}

/** Farm income of a month: hectares przeliczeniowe × amount per 1 ha, half-up to the full grosz (our choice). */
export function farmIncome(hectares: string, incomePerHectareGrosze: number, field = 'farmHectares'): number {
  assertGrosze(incomePerHectareGrosze, 'incomePerHectareGrosze');
  return fractionOf(incomePerHectareGrosze, parseHectares(hectares, field), HECTARE_SCALE, 'half-up');
}

/** One member's income under art. 8 ust. 3; `field` prefixes the names in validation errors. */
export function memberIncome(
  member: MemberIncome,
  params: Pick<BenefitParameters, 'incomePerHectareGrosze'>,
  field = 'member',
): MemberIncomeResult {
  if (typeof member !== 'object' || member === null) throw invalid(field, 'brak danych o dochodzie');
  const gross = assertGrosze(member.grossGrosze, `${field}.grossGrosze`);
  const tax = assertGrosze(member.incomeTaxGrosze ?? 0, `${field}.incomeTaxGrosze`);
  const health = assertGrosze(member.healthInsuranceGrosze ?? 0, `${field}.healthInsuranceGrosze`);
  const social = assertGrosze(member.socialInsuranceGrosze ?? 0, `${field}.socialInsuranceGrosze`);
  const alimony = assertGrosze(member.alimonyPaidGrosze ?? 0, `${field}.alimonyPaidGrosze`);
  const farm =
    member.farmHectares === undefined
      ? 0
      : farmIncome(member.farmHectares, params.incomePerHectareGrosze, `${field}.farmHectares`);
  if (tax + health + social > gross + farm)
    throw invalid(`${field}.grossGrosze`, 'podatek i składki nie mogą przekraczać przychodu');
  const net = gross - tax - health - social + farm;
  return { netGrosze: net, farmGrosze: farm, alimonyPaidGrosze: alimony, incomeGrosze: net - alimony };
}

/**
 * Income per person in a family: household income ÷ size, rounded UP to the full grosz. Our documented choice
 * (see money.ts, point 1): since criteria are whole grosze, the rounded figure is ≤ the criterion exactly when
 * the household income is ≤ size × criterion, so the displayed figure and the eligibility never disagree.
 */
export function incomePerPerson(householdGrosze: number, householdSize: number): number {
  assertGrosze(householdGrosze, 'householdIncomeGrosze');
  assertHouseholdSize(householdSize);
  return divideGrosze(householdGrosze, householdSize, 'up');
}

/**
 * Household income of the month (art. 8 ust. 3): the members' incomes summed. Alimony paid by one member lowers
 * the sum even beyond that member's own income; the household total is not taken below zero (our choice:
 * a negative income has no meaning for the criterion and would inflate a difference-based benefit).
 * Every member of the household is listed, also those without income (their count is the household size).
 */
export function householdIncome(
  members: readonly MemberIncome[],
  params: Pick<BenefitParameters, 'incomePerHectareGrosze'>,
): HouseholdIncome {
  const given: unknown = members;
  if (!Array.isArray(given) || given.length === 0)
    throw invalid('members', 'gospodarstwo domowe musi mieć co najmniej jedną osobę');
  const results = members.map((member, i) => memberIncome(member, params, `members[${i}]`));
  const sum = results.reduce((total, member) => total + member.incomeGrosze, 0);
  const householdGrosze = Math.max(0, sum);
  return {
    householdSize: members.length,
    members: results,
    householdGrosze,
    perPersonGrosze: incomePerPerson(householdGrosze, members.length),
  };
}

/**
 * The month whose income counts (art. 8 ust. 3): the month before the application ('YYYY-MM'), or the month of
 * the application itself when the applicant lost income (utrata dochodu).
 */
export function incomeMonth(applicationDate: string, incomeLost: boolean): string {
  const { year, month } = parseDate(applicationDate, 'applicationDate');
  if (typeof incomeLost !== 'boolean') throw invalid('incomeLost', 'musi być wartością tak/nie');
  const index = year * 12 + (month - 1) - (incomeLost ? 0 : 1);
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function assertHouseholdSize(size: unknown, field = 'householdSize'): number {
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 1)
    throw invalid(field, 'liczba osób w gospodarstwie domowym musi być liczbą całkowitą ≥ 1');
  return size;
}
