import { z } from 'zod';
import { warsawDate } from '../src/domain/calendar-date';
import { calculateBenefits } from '../src/domain/eligibility';
import type { Database } from '../src/db/database';
import { complete, type JobWorkerDefinition, validatedJobWorker } from './job-worker';

const variables = z.object({ caseId: z.string().uuid() });

/**
 * compute-benefit: from the interview's household income (case file) the criterion, eligibility and the amounts
 * the law allows (art. 8, 37, 38). Returns only figures, no personal data. A missing interview cannot be fixed
 * by retrying: it becomes an incident with a readable message (retry after the interview is in the case file).
 */
export function createComputeBenefitWorker(deps: { db: Database; now?: () => Date }): JobWorkerDefinition {
  return validatedJobWorker({
    taskType: 'compute-benefit',
    fetchVariables: ['caseId'],
    variables,
    invalid: 'Brak zmiennej caseId (zadanie register-case nie zakończone?)',
    async handle(input) {
      const [income] = await deps.db.query<{
        household_size: number;
        household_income_grosze: string | number;
      }>(
        'SELECT household_size, household_income_grosze FROM income_statements WHERE case_id = $1 ORDER BY computed_at DESC LIMIT 1',
        [input.caseId],
      );
      if (!income) {
        return {
          kind: 'fail',
          retryable: false,
          message: 'Brak wywiadu z dochodem gospodarstwa w aktach sprawy — uzupełnij wywiad i ponów krok.',
        };
      }
      const calc = calculateBenefits({
        date: warsawDate((deps.now ?? (() => new Date()))()),
        householdSize: Number(income.household_size),
        householdIncomeGrosze: Number(income.household_income_grosze),
      });
      return complete({
        eligible: calc.eligible,
        criterionGrosze: calc.criterionGrosze,
        periodicEligible: calc.periodic.eligible,
        periodicMinGrosze: calc.periodic.minGrosze,
        periodicMaxGrosze: calc.periodic.maxGrosze,
        permanentAmountGrosze: calc.permanent.amountGrosze,
        parametersValidFrom: calc.parametersValidFrom,
      });
    },
  });
}
