import { z } from 'zod';
import type { Database } from '../src/db/database';
import { warsawDate } from '../src/domain/calendar-date';
import { incomeFigures } from '../src/domain/income-figures';
import { parametersOn } from '../src/domain/parameters/benefit-parameters';
import { AppError } from '../src/errors/app-error';
import { complete, type JobWorkerDefinition, validatedJobWorker } from './job-worker';

const variables = z.object({ caseId: z.string().uuid(), serviceKind: z.string().nullish() });

/**
 * compute-income (benefits, services): the art. 8 income figures from the latest income statement of the case
 * (written with the family interview) → householdSize, householdIncomeGrosze (the criterion, benefit-eligibility),
 * applicantIncomeGrosze, relativeIncomeGrosze, relativeHouseholdSize (the DPS fee, dps-fee: art. 61). Only figures
 * leave the case file. Reads only, so a redelivery gives the same answer. What retrying cannot fix becomes an
 * incident with a readable message — retry it once the case file is complete: no interview yet, wrong income data,
 * or a DPS placement (serviceKind "care-home") in a family whose statement lacks the applicant's own income.
 */
export function createComputeIncomeWorker(deps: { db: Database; now?: () => Date }): JobWorkerDefinition {
  return validatedJobWorker({
    taskType: 'compute-income',
    fetchVariables: ['caseId', 'serviceKind'],
    variables,
    invalid: 'Brak zmiennej caseId (zadanie register-case nie zakończone?)',
    async handle(input) {
      const [kase] = await deps.db.query<{ case_number: string }>(
        'SELECT case_number FROM cases WHERE id = $1',
        [input.caseId],
      );
      if (!kase) return { kind: 'fail', retryable: false, message: `Nie ma w aktach sprawy ${input.caseId}` };
      const [statement] = await deps.db.query<{
        household_size: number;
        household_income_grosze: string | number;
        items: unknown;
      }>(
        `SELECT household_size, household_income_grosze, items FROM income_statements WHERE case_id = $1
          ORDER BY computed_at DESC, id DESC LIMIT 1`,
        [input.caseId],
      );
      if (!statement) {
        return {
          kind: 'fail',
          retryable: false,
          message: `Brak wywiadu z dochodem gospodarstwa w aktach sprawy ${kase.case_number} — uzupełnij wywiad i ponów krok.`,
        };
      }
      try {
        const figures = incomeFigures(
          {
            householdSize: Number(statement.household_size),
            householdIncomeGrosze: Number(statement.household_income_grosze),
            items: statement.items,
          },
          parametersOn(warsawDate((deps.now ?? (() => new Date()))())),
        );
        if (figures.applicantIncomeGrosze === null && input.serviceKind === 'care-home') {
          return {
            kind: 'fail',
            retryable: false,
            message: `W aktach sprawy ${kase.case_number} brak dochodu samego wnioskodawcy (gospodarstwo wieloosobowe) — potrzebny do odpłatności za DPS (art. 61 u.p.s.); uzupełnij wywiad i ponów krok.`,
          };
        }
        return complete({ ...figures });
      } catch (error) {
        if (error instanceof AppError && error.code === 'validation')
          return {
            kind: 'fail',
            retryable: false,
            message: `Błędne dane o dochodzie w aktach sprawy ${kase.case_number}: ${error.message}`,
          };
        throw error;
      }
    },
  });
}
