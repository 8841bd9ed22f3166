import { z } from 'zod';
import { incomeMonth, incomePerPerson } from '../../domain/income';
import { zl } from '../../domain/money';
import { caseOfInstance, type TaskForm } from './task-form';
import { warsawDate } from '../../domain/calendar-date';

const schema = z.object({
  conductedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'data w formacie RRRR-MM-DD'),
  householdSize: z.coerce.number().int('liczba całkowita').min(1, 'co najmniej 1 osoba').max(30),
  householdIncome: z.string().trim().min(1, 'podaj dochód netto gospodarstwa (zł)'),
  incomeLost: z.enum(['yes', 'no']).default('no'),
  summary: z.string().trim().min(10, 'opisz sytuację (min. 10 znaków)').max(10_000),
});

/**
 * Rodzinny wywiad środowiskowy: the interview and the household's monthly net income (art. 8) go to the case
 * file; compute-benefit reads them from there. The engine gets nothing personal.
 */
export const familyInterviewForm: TaskForm = {
  title: 'Rodzinny wywiad środowiskowy',
  fields: [
    { name: 'conductedOn', label: 'Data wywiadu', type: 'date', required: true },
    {
      name: 'householdSize',
      label: 'Liczba osób w gospodarstwie',
      type: 'number',
      required: true,
      inputmode: 'numeric',
    },
    {
      name: 'householdIncome',
      label: 'Dochód netto gospodarstwa z miesiąca przed wnioskiem (zł)',
      type: 'text',
      required: true,
      inputmode: 'decimal',
      hint: 'po odliczeniu podatku, składek i alimentów świadczonych na rzecz innych osób (art. 8 ust. 3), np. 2000,00',
    },
    {
      name: 'incomeLost',
      label: 'Dochód utracony (liczy się miesiąc złożenia wniosku)',
      type: 'radio',
      options: [
        { value: 'no', label: 'Nie' },
        { value: 'yes', label: 'Tak' },
      ],
    },
    { name: 'summary', label: 'Ustalenia wywiadu (potrzeby i zasoby)', type: 'textarea', required: true },
  ],
  schema,
  async submit(tx, input, ctx) {
    const data = schema.parse(input);
    const incomeGrosze = zl(data.householdIncome.replace(/\s/g, '').replace(',', '.'), 'householdIncome');
    const caseId = await caseOfInstance(tx, ctx.processInstanceKey);
    const perPerson = incomePerPerson(incomeGrosze, data.householdSize);
    await tx.query(
      `INSERT INTO interviews (case_id, due_on, conducted_on, conducted_by, summary, user_task_key) VALUES ($1, $2, $2, $3, $4, $5)
       ON CONFLICT (user_task_key) DO UPDATE SET conducted_on = EXCLUDED.conducted_on, summary = EXCLUDED.summary`,
      [caseId, data.conductedOn, ctx.userId, data.summary, ctx.userTaskKey],
    );
    await tx.query(
      `INSERT INTO income_statements (case_id, income_month, household_size, household_income_grosze, income_per_person_grosze, user_task_key)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_task_key) DO UPDATE SET income_month = EXCLUDED.income_month, household_size = EXCLUDED.household_size,
         household_income_grosze = EXCLUDED.household_income_grosze, income_per_person_grosze = EXCLUDED.income_per_person_grosze,
         computed_at = now()`,
      [
        caseId,
        incomeMonth(warsawDate(ctx.now), data.incomeLost === 'yes'),
        data.householdSize,
        incomeGrosze,
        perPerson,
        ctx.userTaskKey,
      ],
    );
    return {};
  },
};
