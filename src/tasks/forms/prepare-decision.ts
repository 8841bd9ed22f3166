import { z } from 'zod';
import { warsawDate } from '../../domain/calendar-date';
import { calculateBenefits } from '../../domain/eligibility';
import { formatZl, zl } from '../../domain/money';
import { polishDate } from '../../documents/polish-format';
import { AppError } from '../../errors/app-error';
import { BANK_ACCOUNT_FIELD, PAYOUT_METHOD_OPTIONS, saveClientAccount } from './payout-fields';
import { caseOfInstance, type TaskForm } from './task-form';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'data w formacie RRRR-MM-DD');
const schema = z.object({
  outcome: z.enum(['grant', 'refuse'], { message: 'wybierz: przyznać albo odmówić' }),
  amount: z.string().trim().optional(),
  periodFrom: isoDate.optional().or(z.literal('')),
  periodTo: isoDate.optional().or(z.literal('')),
  payoutMethod: z.enum(['cash', 'transfer']).default('cash'),
  bankAccount: z.string().trim().optional(),
  enforceability: z.enum(['appeal-window', 'fully-granted', 'immediate']).default('fully-granted'),
  justification: z.string().trim().min(20, 'uzasadnienie faktyczne: min. 20 znaków').max(10_000),
});

const PERIODIC_BASIS =
  'art. 8 ust. 1, art. 38 i art. 106 ust. 1 ustawy z dnia 12 marca 2004 r. o pomocy społecznej';

/**
 * Plan pomocy i projekt decyzji (benefits): zasiłek okresowy within the range the law gives for this household
 * (computed from the interview's income, never typed blindly), or a refusal. The draft goes to the case file with
 * its preparer (the approver must be someone else); the engine gets decisionId, decisionOutcome, payoutMethod.
 */
export const prepareDecisionForm: TaskForm = {
  title: 'Plan pomocy i projekt decyzji',
  fields: [
    {
      name: 'outcome',
      label: 'Rozstrzygnięcie',
      type: 'radio',
      required: true,
      options: [
        { value: 'grant', label: 'Przyznać zasiłek okresowy' },
        { value: 'refuse', label: 'Odmówić' },
      ],
    },
    {
      name: 'amount',
      label: 'Kwota miesięczna (zł)',
      type: 'text',
      inputmode: 'decimal',
      hint: 'w granicach wyliczonych z wywiadu',
    },
    { name: 'periodFrom', label: 'Okres od', type: 'date' },
    { name: 'periodTo', label: 'Okres do', type: 'date' },
    {
      name: 'payoutMethod',
      label: 'Sposób wypłaty',
      type: 'radio',
      options: PAYOUT_METHOD_OPTIONS,
    },
    BANK_ACCOUNT_FIELD,
    {
      name: 'enforceability',
      label: 'Wykonalność przyznania',
      type: 'radio',
      options: [
        {
          value: 'fully-granted',
          label: 'Uwzględnia żądanie strony w całości — wykonalna od doręczenia (art. 130 § 4 KPA)',
        },
        { value: 'immediate', label: 'Rygor natychmiastowej wykonalności (art. 108 § 1 KPA)' },
        { value: 'appeal-window', label: 'Wykonalna po upływie terminu na odwołanie' },
      ],
    },
    { name: 'justification', label: 'Uzasadnienie faktyczne', type: 'textarea', required: true },
  ],
  schema,
  async submit(tx, input, ctx) {
    const data = schema.parse(input);
    const caseId = await caseOfInstance(tx, ctx.processInstanceKey);
    const [income] = await tx.query<{ household_size: number; household_income_grosze: string | number }>(
      'SELECT household_size, household_income_grosze FROM income_statements WHERE case_id = $1 ORDER BY computed_at DESC LIMIT 1',
      [caseId],
    );
    if (!income)
      throw new AppError({
        code: 'conflict',
        message: 'Brak wywiadu z dochodem gospodarstwa — najpierw wywiad.',
      });
    const calc = calculateBenefits({
      date: warsawDate(ctx.now),
      householdSize: Number(income.household_size),
      householdIncomeGrosze: Number(income.household_income_grosze),
    });
    let planId: string | null = null;
    let ruling: string;
    if (data.outcome === 'grant') {
      if (!calc.periodic.eligible) {
        throw new AppError({
          code: 'validation',
          field: 'outcome',
          message: 'Dochód nie uprawnia do zasiłku okresowego — wybierz odmowę.',
        });
      }
      const typed = (data.amount ?? '').replace(/\s/g, '').replace(',', '.');
      if (!typed)
        throw new AppError({ code: 'validation', field: 'amount', message: 'Podaj kwotę miesięczną.' });
      const amount = zl(typed, 'amount');
      if (amount < calc.periodic.minGrosze || amount > calc.periodic.maxGrosze) {
        throw new AppError({
          code: 'validation',
          field: 'amount',
          message: `Kwota musi być w granicach ${formatZl(calc.periodic.minGrosze)} – ${formatZl(calc.periodic.maxGrosze)} (art. 38).`,
        });
      }
      if (!data.periodFrom || !data.periodTo || data.periodTo < data.periodFrom) {
        throw new AppError({
          code: 'validation',
          field: 'periodTo',
          message: 'Podaj okres: koniec nie wcześniej niż początek.',
        });
      }
      if (data.payoutMethod === 'transfer') await saveClientAccount(tx, caseId, data.bankAccount);
      const [plan] = await tx.query<{ id: string }>(
        `INSERT INTO assistance_plans (case_id, benefit_type, payout_method, amount_grosze, period_from, period_to, prepared_by)
         VALUES ($1, 'zasilek-okresowy', $2, $3, $4, $5, $6) RETURNING id`,
        [caseId, data.payoutMethod, amount, data.periodFrom, data.periodTo, ctx.userId],
      );
      planId = plan?.id ?? null;
      ruling = `Przyznać zasiłek okresowy w kwocie ${formatZl(amount)} miesięcznie na okres od ${polishDate(data.periodFrom)} do ${polishDate(data.periodTo)}, płatny ${
        data.payoutMethod === 'cash' ? 'w kasie Ośrodka' : 'przelewem na wskazany rachunek bankowy'
      }.`;
    } else {
      ruling = 'Odmówić przyznania zasiłku okresowego.';
    }
    const grant = data.outcome === 'grant';
    const lawJustification =
      `Kryterium dochodowe gospodarstwa wynosi ${formatZl(calc.criterionGrosze)}; dochód na osobę ${formatZl(calc.incomePerPersonGrosze)} ` +
      `(${calc.legalBasis.criterion}; ${calc.legalBasis.parameters}).`;
    const [decision] = await tx.query<{ id: string }>(
      `INSERT INTO decisions (case_id, plan_id, outcome, legal_basis, ruling, justification_facts, justification_law,
         appeal_instruction, prepared_by, user_task_key, immediate_enforceability)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (user_task_key) DO UPDATE SET plan_id = EXCLUDED.plan_id, outcome = EXCLUDED.outcome, ruling = EXCLUDED.ruling,
         justification_facts = EXCLUDED.justification_facts, justification_law = EXCLUDED.justification_law,
         immediate_enforceability = EXCLUDED.immediate_enforceability
       RETURNING id`,
      [
        caseId,
        planId,
        data.outcome,
        PERIODIC_BASIS,
        ruling,
        data.justification,
        lawJustification,
        APPEAL_INSTRUCTION,
        ctx.userId,
        ctx.userTaskKey,
        grant && data.enforceability === 'immediate',
      ],
    );
    return {
      decisionId: decision?.id,
      decisionOutcome: data.outcome,
      payoutMethod: data.payoutMethod,
      // a refusal is never enforced; a grant is at once when it gives all that was asked or has the art. 108 rygor
      immediateEnforceability: grant && data.enforceability === 'immediate',
      fullyGranted: grant && data.enforceability === 'fully-granted',
    };
  },
};

export const APPEAL_INSTRUCTION =
  'Od niniejszej decyzji przysługuje stronie odwołanie do Samorządowego Kolegium Odwoławczego za pośrednictwem ' +
  'organu, który wydał decyzję, w terminie 14 dni od dnia jej doręczenia (art. 127 § 1 i 2 oraz art. 129 § 1 i 2 KPA). ' +
  'W trakcie biegu terminu do wniesienia odwołania strona może zrzec się prawa do jego wniesienia wobec organu, który ' +
  'wydał decyzję; z dniem doręczenia oświadczenia o zrzeczeniu się prawa do wniesienia odwołania decyzja staje się ' +
  'ostateczna i prawomocna (art. 127a KPA).';
