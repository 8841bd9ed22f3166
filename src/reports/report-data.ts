import type { Queryable } from '../db/database';
import {
  benefitReport,
  type BenefitReport,
  type DecisionFact,
  type PaidBenefitFact,
  type SocialContractFact,
} from '../domain/reports/benefit-report';
import { payoutRegister, type PayoutRegister } from '../domain/reports/payout-register';
import type { ReportMonth, ReportPeriod } from '../domain/reports/report-period';

/** The payout day of an instalment: `paid_at` in the Warsaw calendar. */
const PAID_ON = `(i.paid_at AT TIME ZONE 'Europe/Warsaw')::date`;

/**
 * Paid from the first day ($1) to the last day ($2), inclusive, in Warsaw: as a range of instants, so the planner
 * uses the paid-instalments index and estimates the rows (a cast of `paid_at` to a date hides both).
 */
const PAID_BETWEEN = `i.status = 'paid'
  AND i.paid_at >= ($1::date::timestamp AT TIME ZONE 'Europe/Warsaw')
  AND i.paid_at < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/Warsaw')`;

/** Household size of a case: its latest interview's income statement, else the party alone. */
const HOUSEHOLD_SIZE = `COALESCE((SELECT s.household_size FROM income_statements s WHERE s.case_id = c.id
                                   ORDER BY s.computed_at DESC LIMIT 1), 1)`;

/** The MRPiPS-03 aggregates of a period from the payouts ledger and the case file (definitions: benefit-report.ts). */
export async function loadBenefitReport(db: Queryable, period: ReportPeriod): Promise<BenefitReport> {
  // per-case facts once per case (not per instalment): the household's size and the art. 7 reasons
  const paid = await db.query<{
    id: string;
    client_id: string;
    case_id: string;
    benefit_type: string;
    amount_grosze: string | number;
    household_size: string | number;
    reasons: string[];
  }>(
    `WITH paid AS (
       SELECT i.id, i.amount_grosze, d.case_id, p.benefit_type
         FROM payout_instalments i
         JOIN decisions d ON d.id = i.decision_id
         JOIN assistance_plans p ON p.id = d.plan_id
        WHERE ${PAID_BETWEEN}),
     paid_cases AS (
       SELECT c.id, c.client_id, c.intake_id FROM cases c WHERE c.id IN (SELECT case_id FROM paid)),
     sizes AS (
       SELECT DISTINCT ON (s.case_id) s.case_id, s.household_size FROM income_statements s
        WHERE s.case_id IN (SELECT id FROM paid_cases) ORDER BY s.case_id, s.computed_at DESC),
     reasons AS (
       SELECT case_id, array_agg(DISTINCT reason ORDER BY reason) AS reasons FROM (
         SELECT k.id AS case_id, it.aid_reason AS reason FROM paid_cases k JOIN intakes it ON it.id = k.intake_id
          WHERE it.aid_reason IS NOT NULL
         UNION ALL
         SELECT a.case_id, unnest(a.reasons) FROM applications a WHERE a.case_id IN (SELECT id FROM paid_cases)
       ) recorded GROUP BY case_id)
     SELECT paid.id, k.client_id, paid.case_id, paid.benefit_type, paid.amount_grosze,
            COALESCE(sizes.household_size, 1) AS household_size, COALESCE(reasons.reasons, '{}') AS reasons
       FROM paid JOIN paid_cases k ON k.id = paid.case_id
       LEFT JOIN sizes ON sizes.case_id = paid.case_id
       LEFT JOIN reasons ON reasons.case_id = paid.case_id`,
    [period.from, period.to],
  );
  const decisions = await db.query<{ outcome: 'grant' | 'refuse'; client_id: string }>(
    `SELECT d.outcome, c.client_id FROM decisions d JOIN cases c ON c.id = d.case_id
      WHERE d.issued_on BETWEEN $1::date AND $2::date`,
    [period.from, period.to],
  );
  const contracts = await db.query<{ id: string; client_id: string; household_size: string | number }>(
    `SELECT p.id::text AS id, c.client_id, ${HOUSEHOLD_SIZE} AS household_size
       FROM assistance_plans p JOIN cases c ON c.id = p.case_id
      WHERE p.social_contract AND p.period_from <= $2::date AND p.period_to >= $1::date
     UNION ALL
     -- a contract concluded in social work: the plan form (social-work-plan) as submitted to the case file, in force
     -- from the day it was submitted (Warsaw) until its contractUntil (open-ended without one)
     SELECT s.user_task_key AS id, c.client_id, ${HOUSEHOLD_SIZE} AS household_size
       FROM task_submissions s JOIN cases c ON c.id = s.case_id
      WHERE s.element_id = 'social-work-plan' AND s.data->>'socialContract' = 'true'
        AND (s.submitted_at AT TIME ZONE 'Europe/Warsaw')::date <= $2::date
        AND COALESCE(CASE WHEN s.data->>'contractUntil' ~ '^\\d{4}-\\d{2}-\\d{2}'
                          THEN left(s.data->>'contractUntil', 10)::date END, $1::date) >= $1::date`,
    [period.from, period.to],
  );
  return benefitReport({
    paid: paid.map((r): PaidBenefitFact => ({
      instalmentId: r.id,
      clientId: r.client_id,
      caseId: r.case_id,
      benefitForm: r.benefit_type,
      amountGrosze: Number(r.amount_grosze),
      householdSize: Number(r.household_size),
      reasons: r.reasons,
    })),
    decisions: decisions.map((r): DecisionFact => ({ outcome: r.outcome, clientId: r.client_id })),
    contracts: contracts.map((r): SocialContractFact => ({
      planId: r.id,
      clientId: r.client_id,
      householdSize: Number(r.household_size),
    })),
  });
}

/** Every instalment paid in the month with the case number and the party's name (personal data: audit the read). */
export async function loadPayoutRegister(db: Queryable, month: ReportMonth): Promise<PayoutRegister> {
  const rows = await db.query<{
    id: string;
    paid_on: string;
    case_id: string;
    case_number: string;
    person: string;
    benefit_type: string;
    method: string;
    month: string;
    instalment_no: number;
    amount_grosze: string | number;
  }>(
    `SELECT i.id, ${PAID_ON}::text AS paid_on, c.id AS case_id, c.case_number,
            cl.first_name || ' ' || cl.last_name AS person, COALESCE(p.benefit_type, '') AS benefit_type,
            i.method, i.month, i.instalment_no, i.amount_grosze
       FROM payout_instalments i
       JOIN decisions d ON d.id = i.decision_id
       LEFT JOIN assistance_plans p ON p.id = d.plan_id
       JOIN cases c ON c.id = d.case_id
       JOIN clients cl ON cl.id = c.client_id
      WHERE ${PAID_BETWEEN}`,
    [month.from, month.to],
  );
  return payoutRegister(
    rows.map((r) => ({
      instalmentId: r.id,
      paidOn: r.paid_on,
      caseId: r.case_id,
      caseNumber: r.case_number,
      person: r.person,
      benefitForm: r.benefit_type,
      method: r.method,
      month: r.month,
      instalmentNo: Number(r.instalment_no),
      amountGrosze: Number(r.amount_grosze),
    })),
  );
}

/** Records that a person read the register (names of the paid): who, which month, in which format, how many rows. */
export async function auditRegisterRead(
  db: Queryable,
  userId: string,
  month: string,
  format: string,
  rows: number,
): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'payout-register-read', 'payout-register', $2, $3)`,
    [userId, month, JSON.stringify({ format, rows })],
  );
}
