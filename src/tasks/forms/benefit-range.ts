import { caseOfInstanceSql } from './task-form';
import type { Database } from '../../db/database';
import { warsawDate } from '../../domain/calendar-date';
import { calculateBenefits } from '../../domain/eligibility';
import { formatZl } from '../../domain/money';

/** The zasiłek okresowy range for the case's latest interview, as a hint beside the amount on the draft form. */
export async function periodicRangeHint(
  db: Database,
  processInstanceKey: string,
  now = new Date(),
): Promise<string | undefined> {
  const [income] = await db.query<{ household_size: number; household_income_grosze: string | number }>(
    `SELECT s.household_size, s.household_income_grosze FROM income_statements s
      WHERE s.case_id = (${caseOfInstanceSql()}) ORDER BY s.computed_at DESC LIMIT 1`,
    [processInstanceKey],
  );
  if (!income) return undefined;
  const calc = calculateBenefits({
    date: warsawDate(now),
    householdSize: Number(income.household_size),
    householdIncomeGrosze: Number(income.household_income_grosze),
  });
  if (!calc.periodic.eligible)
    return `dochód nie uprawnia do zasiłku okresowego (kryterium ${formatZl(calc.criterionGrosze)})`;
  return `zasiłek okresowy od ${formatZl(calc.periodic.minGrosze)} do ${formatZl(calc.periodic.maxGrosze)} miesięcznie (kryterium ${formatZl(calc.criterionGrosze)}, dochód na osobę ${formatZl(calc.incomePerPersonGrosze)})`;
}
