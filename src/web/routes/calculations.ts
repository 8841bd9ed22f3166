import { Router } from 'express';
import { z } from 'zod';
import { addWorkingDays } from '../../domain/calendar';
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

export const deadlineQuery = z.object({
  from: isoDate.describe('Dzień, od którego liczymy (nie wlicza się)'),
  workingDays: z.coerce.number().int('liczba całkowita').min(0).max(3650),
});

/** Public calculation endpoints the forms use (stable contracts; authenticated). */
export function calculationRoutes(_deps: WebDeps): Router {
  const router = Router();
  router.use(['/api/benefits', '/api/calendar'], requireSession, requireCsrf);

  router.post('/api/benefits/calculate', (req, res) => {
    res.json(calculateBenefits(benefitCalculationBody.parse(req.body ?? {})));
  });

  router.get('/api/calendar/deadline', (req, res) => {
    const query = deadlineQuery.parse(req.query);
    res.json({ due: addWorkingDays(query.from, query.workingDays) });
  });
  return router;
}
