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
    `SELECT s.household_size, s.household_income_grosze FROM income_statements s JOIN cases c ON c.id = s.case_id
      WHERE c.process_instance_key = $1 ORDER BY s.computed_at DESC LIMIT 1`,
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
