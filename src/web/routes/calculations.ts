import { Router } from 'express';
import { z } from 'zod';
import { AMOUNT_FIELD, DEADLINE_KINDS, deadlineFor } from '../../domain/deadline-query';
import { calculateBenefits } from '../../domain/eligibility';
import type { WebDeps } from '../context';
import { requireCsrf, requireSession } from '../middleware/guards';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'data w formacie RRRR-MM-DD');

export const benefitCalculationBody = z.object({
  date: isoDate.describe('Dzień, na który liczymy (parametry w mocy tego dnia)'),
  householdSize: z.number().int('liczba całkowita').min(1, 'co najmniej 1 osoba').max(30),
  householdIncomeGrosze: z
    .number()
    .int('kwota w groszach, liczba całkowita')
    .min(0, 'dochód nie może być ujemny'),
});

const amount = (max: number, what: string) =>
  z.coerce.number().int('liczba całkowita').min(0).max(max).optional().describe(what);

/**
 * `kind` (default `working-days`) says which amount the query must carry: `workingDays`, `days` or `months`;
 * the other two must be absent, so a query never means two deadlines at once.
 */
export const deadlineQuery = z
  .object({
    from: isoDate.describe('Dzień, od którego liczymy (nie wlicza się)'),
    kind: z
      .enum(DEADLINE_KINDS)
      .default('working-days')
      .describe(
        'working-days: N-ty dzień roboczy; kpa-days: termin w dniach z art. 57 § 1 KPA; kpa-months: termin w miesiącach z art. 57 § 3 KPA (oba przesuwane z soboty, niedzieli i święta na następny dzień, art. 57 § 4)',
      ),
    workingDays: amount(3650, 'Liczba dni roboczych (kind=working-days)'),
    days: amount(3650, 'Liczba dni terminu (kind=kpa-days)'),
    months: amount(120, 'Liczba miesięcy terminu (kind=kpa-months)'),
  })
  .superRefine((query, ctx) => {
    const wanted = AMOUNT_FIELD[query.kind];
    if (query[wanted] === undefined)
      ctx.addIssue({ code: 'custom', path: [wanted], message: AMOUNT_REQUIRED[wanted] });
    for (const field of Object.values(AMOUNT_FIELD))
      if (field !== wanted && query[field] !== undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: AMOUNT_FOREIGN[field] });
  });

const AMOUNT_REQUIRED = {
  workingDays: 'podaj liczbę dni roboczych',
  days: 'podaj liczbę dni terminu',
  months: 'podaj liczbę miesięcy terminu',
} as const;

const AMOUNT_FOREIGN = {
  workingDays: 'dotyczy tylko terminu w dniach roboczych (kind=working-days)',
  days: 'dotyczy tylko terminu w dniach (kind=kpa-days)',
  months: 'dotyczy tylko terminu w miesiącach (kind=kpa-months)',
} as const;

/** Public calculation endpoints the forms use (stable contracts; authenticated). */
export function calculationRoutes(_deps: WebDeps): Router {
  const router = Router();
  router.use(['/api/benefits', '/api/calendar'], requireSession, requireCsrf);

  router.post('/api/benefits/calculate', (req, res) => {
    res.json(calculateBenefits(benefitCalculationBody.parse(req.body ?? {})));
  });

  router.get('/api/calendar/deadline', (req, res) => {
    const query = deadlineQuery.parse(req.query);
    const amount = query[AMOUNT_FIELD[query.kind]] ?? 0;
    res.json(deadlineFor({ from: query.from, kind: query.kind, amount }));
  });
  return router;
}
