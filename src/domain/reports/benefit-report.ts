import { AID_REASONS } from '../routing-codes';
import { formOrder } from './benefit-forms';

/**
 * MRPiPS-03-style aggregates of one period, computed from facts the case file holds (no I/O here).
 *
 * Definitions (the report page and the README repeat them):
 * - A **benefit** (świadczenie) is one instalment of the payouts ledger with status `paid` whose payout day
 *   (`paid_at`, Europe/Warsaw) falls in the period; a benefit granted by decision, since every instalment belongs
 *   to a granting decision. Its **amount** is the instalment's `amount_grosze`; the period's total therefore equals
 *   the ledger's `SUM(amount_grosze)` of the same instalments, to the grosz.
 * - A **person granted a benefit** is the party of the decision (the case's client) with at least one such benefit;
 *   counted once per row (once in "total" even with several forms).
 * - A **family** is the household the party represents: one per party. **Persons in families** adds the household
 *   size of each family once: the size recorded by the case's latest interview (income statement), else the party
 *   alone (1).
 * - **By form**: the plan's `benefit_type` of the instalment's decision (zasiłek stały, okresowy, celowy, …).
 * - **By reason**: the art. 7 reasons recorded for the case (first contact, applications); a family with several
 *   reasons counts under each (as on the form, the rows do not add up to the total); a case with none recorded is
 *   counted under "not recorded".
 * - **Decisions**: decisions with an issue date in the period, by outcome (granted / refused).
 * - **Social contracts**: assistance plans marked as a social contract, and social-work plans submitted with a
 *   contract (from the day saved until `contractUntil`), whose period overlaps the report's period;
 *   persons = distinct parties, persons in families as above.
 */
export interface PaidBenefitFact {
  instalmentId: string;
  clientId: string;
  caseId: string;
  benefitForm: string;
  amountGrosze: number;
  /** Household size of the case's latest interview (≥ 1). */
  householdSize: number;
  reasons: readonly string[];
}

export interface SocialContractFact {
  planId: string;
  clientId: string;
  householdSize: number;
}

export interface DecisionFact {
  outcome: 'grant' | 'refuse';
  clientId: string;
}

export interface FormRow {
  form: string;
  persons: number;
  families: number;
  personsInFamilies: number;
  benefits: number;
  amountGrosze: number;
}

export interface ReasonRow {
  reason: string;
  families: number;
  personsInFamilies: number;
}

export interface BenefitReport {
  byForm: FormRow[];
  total: FormRow;
  byReason: ReasonRow[];
  decisions: { granted: number; refused: number; partiesGranted: number };
  contracts: { contracts: number; persons: number; personsInFamilies: number };
}

export const TOTAL_ROW = 'total';
export const REASON_NOT_RECORDED = 'not-recorded';

export function benefitReport(input: {
  paid: readonly PaidBenefitFact[];
  decisions: readonly DecisionFact[];
  contracts: readonly SocialContractFact[];
}): BenefitReport {
  const groups = new Map<string, PaidBenefitFact[]>();
  for (const fact of input.paid) {
    const group = groups.get(fact.benefitForm);
    if (group) group.push(fact);
    else groups.set(fact.benefitForm, [fact]);
  }
  const byForm = [...groups.entries()]
    .map(([form, facts]) => formRow(form, facts))
    .sort((a, b) => formOrder(a.form) - formOrder(b.form) || a.form.localeCompare(b.form));

  const reasonRows = new Map<string, Map<string, number>>();
  for (const fact of input.paid) {
    const reasons = fact.reasons.length > 0 ? [...new Set(fact.reasons)] : [REASON_NOT_RECORDED];
    for (const reason of reasons) {
      const families = reasonRows.get(reason) ?? new Map<string, number>();
      families.set(fact.clientId, Math.max(families.get(fact.clientId) ?? 0, fact.householdSize));
      reasonRows.set(reason, families);
    }
  }
  const reasonOrder = (reason: string) => {
    const index = (AID_REASONS as readonly string[]).indexOf(reason);
    return index === -1 ? AID_REASONS.length + (reason === REASON_NOT_RECORDED ? 1 : 0) : index;
  };
  const byReason = [...reasonRows.entries()]
    .map(([reason, families]) => ({
      reason,
      families: families.size,
      personsInFamilies: sum([...families.values()]),
    }))
    .sort((a, b) => reasonOrder(a.reason) - reasonOrder(b.reason) || a.reason.localeCompare(b.reason));

  const contractFamilies = familySizes(input.contracts);
  return {
    byForm,
    total: formRow(TOTAL_ROW, input.paid),
    byReason,
    decisions: {
      granted: input.decisions.filter((d) => d.outcome === 'grant').length,
      refused: input.decisions.filter((d) => d.outcome === 'refuse').length,
      partiesGranted: new Set(input.decisions.filter((d) => d.outcome === 'grant').map((d) => d.clientId))
        .size,
    },
    contracts: {
      contracts: new Set(input.contracts.map((c) => c.planId)).size,
      persons: contractFamilies.size,
      personsInFamilies: sum([...contractFamilies.values()]),
    },
  };
}

function formRow(form: string, facts: readonly PaidBenefitFact[]): FormRow {
  const families = familySizes(facts);
  return {
    form,
    persons: families.size,
    families: families.size,
    personsInFamilies: sum([...families.values()]),
    benefits: new Set(facts.map((f) => f.instalmentId)).size,
    amountGrosze: sum(facts.map((f) => f.amountGrosze)),
  };
}

/** One entry per party: the household size (the largest recorded among the facts, so the order does not matter). */
function familySizes(facts: readonly { clientId: string; householdSize: number }[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const fact of facts) {
    sizes.set(fact.clientId, Math.max(sizes.get(fact.clientId) ?? 0, Math.max(1, fact.householdSize)));
  }
  return sizes;
}

function sum(values: readonly number[]): number {
  return values.reduce((acc, value) => acc + value, 0);
}
