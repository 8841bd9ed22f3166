/**
 * What a changed model would change on past cases: pure comparison of the current version's answers with the
 * preview's, for the process owner's "try before it counts" (src/models/model-preview.ts runs both on the engine).
 */

/** One matched row of the routing table (COLLECT): a team and its site. */
export interface Route {
  team: string;
  site: string | null;
}

/** A route set as one readable label: `benefits (rzps-1), social-work (rzps-1)`; none → '' (manual routing). */
export function routeLabel(routes: Route[]): string {
  const labels = routes.map((r) => (r.site ? `${r.team} (${r.site})` : r.team));
  return [...new Set(labels)].sort().join(', ');
}

export interface CaseRef {
  caseId: string;
  caseNumber: string;
}

export interface RoutingOutcome extends CaseRef {
  before: string;
  after: string;
}

export interface RouteChange {
  from: string;
  to: string;
  count: number;
  /** Up to `examples` cases, oldest case number first. */
  examples: CaseRef[];
}

export interface RoutingDiff {
  evaluated: number;
  changed: number;
  changes: RouteChange[];
}

/** Cases whose route set differs, grouped by from → to, the biggest group first. */
export function routingDiff(outcomes: RoutingOutcome[], examples = 5): RoutingDiff {
  const groups = new Map<string, RouteChange>();
  let changed = 0;
  for (const o of outcomes) {
    if (o.before === o.after) continue;
    changed += 1;
    const key = `${o.before}\u0000${o.after}`;
    const group = groups.get(key) ?? { from: o.before, to: o.after, count: 0, examples: [] };
    group.count += 1;
    if (group.examples.length < examples) group.examples.push({ caseId: o.caseId, caseNumber: o.caseNumber });
    groups.set(key, group);
  }
  const changes = [...groups.values()].sort(
    (a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  );
  return { evaluated: outcomes.length, changed, changes };
}

/** The amounts of the eligibility table a case's decision rests on (grosze). */
export const AMOUNT_FIELDS = ['periodicMinGrosze', 'periodicMaxGrosze', 'permanentAmountGrosze'] as const;
export type AmountField = (typeof AMOUNT_FIELDS)[number];
export type Amounts = Record<AmountField, number> & { eligible: boolean };

export interface AmountOutcome extends CaseRef {
  before: Amounts;
  after: Amounts;
}

export interface AmountChange extends CaseRef {
  field: AmountField | 'eligible';
  before: number | boolean;
  after: number | boolean;
  /** after − before in grosze (0 for `eligible`). */
  deltaGrosze: number;
}

export interface AmountDiff {
  evaluated: number;
  /** Cases with at least one changed amount or a changed eligibility. */
  changedCases: number;
  /** Per field: how many cases change and the sum of the differences. */
  byField: { field: AmountField | 'eligible'; cases: number; totalDeltaGrosze: number }[];
  /** Every change of up to `examples` cases. */
  examples: AmountChange[];
}

export function amountDiff(outcomes: AmountOutcome[], examples = 10): AmountDiff {
  const fields: (AmountField | 'eligible')[] = ['eligible', ...AMOUNT_FIELDS];
  const byField = new Map(fields.map((field) => [field, { field, cases: 0, totalDeltaGrosze: 0 }]));
  const shown: AmountChange[] = [];
  let changedCases = 0;
  let shownCases = 0;
  for (const o of outcomes) {
    const changes: AmountChange[] = [];
    for (const field of fields) {
      const before = o.before[field];
      const after = o.after[field];
      if (before === after) continue;
      const deltaGrosze = typeof before === 'number' && typeof after === 'number' ? after - before : 0;
      const total = byField.get(field)!;
      total.cases += 1;
      total.totalDeltaGrosze += deltaGrosze;
      changes.push({ caseId: o.caseId, caseNumber: o.caseNumber, field, before, after, deltaGrosze });
    }
    if (changes.length === 0) continue;
    changedCases += 1;
    if (shownCases < examples) {
      shownCases += 1;
      shown.push(...changes);
    }
  }
  return {
    evaluated: outcomes.length,
    changedCases,
    byField: [...byField.values()].filter((f) => f.cases > 0),
    examples: shown,
  };
}

export interface OpenPosition extends CaseRef {
  processKey: string;
  activityId: string;
  activityName: string;
}

/** Past cases standing in an activity the new version of their diagram no longer has. */
export function removedPositions(
  positions: OpenPosition[],
  newActivities: ReadonlyMap<string, ReadonlySet<string>>,
): OpenPosition[] {
  return positions
    .filter((p) => {
      const ids = newActivities.get(p.processKey);
      return ids !== undefined && !ids.has(p.activityId);
    })
    .sort((a, b) => a.caseNumber.localeCompare(b.caseNumber) || a.activityId.localeCompare(b.activityId));
}
