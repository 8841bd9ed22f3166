/**
 * Income eligibility and the amounts of zasiłek stały (art. 37) and zasiłek okresowy (art. 38) of the ustawa
 * o pomocy społecznej (u.p.s.). Pure arithmetic on grosze; the figures come from the dated parameter set.
 *
 * - Criterion (art. 8 ust. 1): a single person (osoba samotnie gospodarująca, household of 1) — the single
 *   criterion; a family of n ≥ 2 — "kryterium dochodowe rodziny" = n × the per-person criterion (pkt 3).
 *   Eligible for cash benefits when income does NOT EXCEED the criterion (≤). For a family we compare household
 *   income with n × criterion, exactly; that equals comparing the per-person income rounded up (money.ts, 1).
 * - Zasiłek stały (art. 37, wording in force since 2024-01-01): requires income LOWER than the criterion (<;
 *   for a person in a family both their own income and the income per person, ust. 1 pkt 2). Amount (ust. 2):
 *   single — 130% of the single criterion minus the person's income, capped (pkt 1: 1229 zł in 2025);
 *   in a family — 130% of the per-person criterion minus income per person (pkt 2: no cap in the act; with the
 *   2025 figures it cannot exceed 1069,90 zł anyway). Floor (ust. 3): 100 zł. Before 2024: 100% and 30 zł —
 *   the percentage and both limits come from the parameter set. "Criterion − income" (without 130%) is the
 *   pre-2024 rule; DOMAIN.md's 130% was confirmed from secondary sources (see benefit-parameters.ts).
 *   With the 2025 figures an eligible person always gets more than 100 zł (≥ 303,01 zł single, ≥ 246,91 zł in
 *   a family), so the floor only bites under older sets or changed figures; it is applied regardless.
 * - Zasiłek okresowy (art. 38): requires income LOWER than the criterion (ust. 1). It is a range the worker
 *   decides within: at most the gap "criterion − income" (ust. 2; for a single person not more than the
 *   per-person family criterion, pkt 1; for a family the gap of the family criterion and family income, pkt 2),
 *   at least 50% of that gap (ust. 3) and never below 20 zł (ust. 4). When the gap is under 20 zł the floor
 *   wins and the range collapses to 20 zł (our reading: ust. 4 is an absolute minimum).
 */
import { assertHouseholdSize, incomePerPerson } from './income';
import { assertGrosze, percentOf } from './money';
import { type BenefitParameters, parametersOn } from './parameters/benefit-parameters';
import { invalid } from './validation';

export interface Figure {
  amountGrosze: number;
  legalBasis: string;
}

export interface BenefitInput {
  householdSize: number;
  /** Net monthly income of the whole household (art. 8 ust. 3), grosze. */
  householdIncomeGrosze: number;
  /** For zasiłek stały in a family: the applicant's own income (art. 37 ust. 1 pkt 2); checked when given. */
  applicantIncomeGrosze?: number;
}

export interface PermanentBenefit {
  /** The income conditions of art. 37 ust. 1; age / incapacity for work is established by the worker. */
  eligible: boolean;
  /** 0 when not eligible. */
  amountGrosze: number;
  /** Which limit set the amount, if any. */
  limit?: 'cap' | 'floor';
  legalBasis: string;
}

export interface PeriodicBenefitRange {
  eligible: boolean;
  /** The gap between criterion and income (0 when not eligible). */
  gapGrosze: number;
  minGrosze: number;
  maxGrosze: number;
  legalBasis: { min: string; max: string };
}

const UPS = 'u.p.s.';

export function householdCriterion(params: BenefitParameters, householdSize: number): Figure {
  const size = assertHouseholdSize(householdSize);
  return size === 1
    ? { amountGrosze: params.criterionSingleGrosze, legalBasis: `art. 8 ust. 1 pkt 1 ${UPS}` }
    : { amountGrosze: size * params.criterionPerPersonGrosze, legalBasis: `art. 8 ust. 1 pkt 3 ${UPS}` };
}

/** Income within the criterion (art. 8 ust. 1: "nie przekracza"): income exactly at the criterion is eligible. */
export function isEligible(
  params: BenefitParameters,
  householdSize: number,
  householdIncomeGrosze: number,
): boolean {
  const income = assertGrosze(householdIncomeGrosze, 'householdIncomeGrosze');
  return income <= householdCriterion(params, householdSize).amountGrosze;
}

/** Zasiłek stały (art. 37 u.p.s.). */
export function permanentBenefit(params: BenefitParameters, input: BenefitInput): PermanentBenefit {
  const { size, income } = checkInput(input);
  const single = size === 1;
  const criterion = single ? params.criterionSingleGrosze : params.criterionPerPersonGrosze;
  const personIncome = single ? income : incomePerPerson(income, size);
  const legalBasis = single
    ? `art. 37 ust. 1 pkt 1, ust. 2 pkt 1 i ust. 3 ${UPS}`
    : `art. 37 ust. 1 pkt 2, ust. 2 pkt 2 i ust. 3 ${UPS}`;
  const applicantOk =
    single || input.applicantIncomeGrosze === undefined || input.applicantIncomeGrosze < criterion;
  if (!(personIncome < criterion && applicantOk)) return { eligible: false, amountGrosze: 0, legalBasis };

  // 130% (since 2024) of a whole-grosze criterion, half-up: exact for whole-złoty criteria (money.ts, 2)
  const base = percentOf(criterion, params.permanentCriterionPercent, 1, 'half-up');
  const computed = base - personIncome;
  if (single && computed > params.permanentMaxGrosze)
    return { eligible: true, amountGrosze: params.permanentMaxGrosze, limit: 'cap', legalBasis };
  if (computed < params.permanentMinGrosze)
    return { eligible: true, amountGrosze: params.permanentMinGrosze, limit: 'floor', legalBasis };
  return { eligible: true, amountGrosze: computed, legalBasis };
}

/** Zasiłek okresowy (art. 38 u.p.s.): the range of the monthly amount. */
export function periodicBenefitRange(params: BenefitParameters, input: BenefitInput): PeriodicBenefitRange {
  const { size, income } = checkInput(input);
  const single = size === 1;
  const point = single ? 1 : 2;
  const legalBasis = {
    min: `art. 38 ust. 3 pkt ${point} i ust. 4 ${UPS}`,
    max: `art. 38 ust. 2 pkt ${point} ${UPS}`,
  };
  const gap = householdCriterion(params, size).amountGrosze - income;
  if (gap <= 0) return { eligible: false, gapGrosze: 0, minGrosze: 0, maxGrosze: 0, legalBasis };

  // 50% of the gap rounded UP: a statutory minimum must not be undercut by rounding (money.ts, 3)
  const minGrosze = Math.max(percentOf(gap, params.periodicMinGapPercent, 1, 'up'), params.periodicMinGrosze);
  const cappedGap = single ? Math.min(gap, params.criterionPerPersonGrosze) : gap;
  return { eligible: true, gapGrosze: gap, minGrosze, maxGrosze: Math.max(cappedGap, minGrosze), legalBasis };
}

export interface BenefitRequest extends BenefitInput {
  /** The day whose parameters apply ('YYYY-MM-DD', Europe/Warsaw). */
  date: string;
}

export interface BenefitCalculation {
  criterionGrosze: number;
  /** For a single person the person's income; for a family household income ÷ size, rounded up. */
  incomePerPersonGrosze: number;
  /** art. 8 ust. 1: income does not exceed the criterion. */
  eligible: boolean;
  periodic: { eligible: boolean; minGrosze: number; maxGrosze: number };
  permanent: { eligible: boolean; amountGrosze: number };
  legalBasis: {
    criterion: string;
    incomePerPerson: string;
    periodicMin: string;
    periodicMax: string;
    permanent: string;
    parameters: string;
  };
  parametersValidFrom: string;
}

/** The figures behind `POST /api/benefits/calculate`. */
export function calculateBenefits(request: BenefitRequest): BenefitCalculation {
  if (typeof request !== 'object' || request === null) throw invalid('body', 'brak danych do wyliczenia');
  const params = parametersOn(request.date);
  const { size, income } = checkInput(request);
  const criterion = householdCriterion(params, size);
  const periodic = periodicBenefitRange(params, request);
  const permanent = permanentBenefit(params, request);
  return {
    criterionGrosze: criterion.amountGrosze,
    incomePerPersonGrosze: size === 1 ? income : incomePerPerson(income, size),
    eligible: isEligible(params, size, income),
    periodic: { eligible: periodic.eligible, minGrosze: periodic.minGrosze, maxGrosze: periodic.maxGrosze },
    permanent: { eligible: permanent.eligible, amountGrosze: permanent.amountGrosze },
    legalBasis: {
      criterion: criterion.legalBasis,
      incomePerPerson: `art. 8 ust. 3 ${UPS}; dochód na osobę zaokrąglony w górę do pełnego grosza`,
      periodicMin: periodic.legalBasis.min,
      periodicMax: periodic.legalBasis.max,
      permanent: permanent.legalBasis,
      parameters: params.source,
    },
    parametersValidFrom: params.validFrom,
  };
}

function checkInput(input: BenefitInput): { size: number; income: number } {
  if (typeof input !== 'object' || input === null) throw invalid('body', 'brak danych do wyliczenia');
  const size = assertHouseholdSize(input.householdSize);
  const income = assertGrosze(input.householdIncomeGrosze, 'householdIncomeGrosze');
  if (input.applicantIncomeGrosze !== undefined)
    assertGrosze(input.applicantIncomeGrosze, 'applicantIncomeGrosze');
  return { size, income };
}
