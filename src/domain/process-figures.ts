/**
 * The figures of the managers' process view (issue 12, item 1), as pure functions: the median time spent in a step,
 * the heat level drawn on the diagram, and one row per step joining the diagram's elements, the engine's activity
 * statistics and the finished durations.
 */

/** The median of some numbers (the mean of the two middle ones for an even count, rounded); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? null;
  return Math.round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
}

/** Heat levels of the overlay: 0 no figure, 1 (shortest) … HEAT_LEVELS (the slowest step of the version). */
export const HEAT_LEVELS = 4;

/**
 * How hot a step is drawn: its median against the slowest step's median of the same version, in HEAT_LEVELS equal
 * bands (a step taking a quarter or less of the slowest is level 1). No median (nothing finished) is level 0; a
 * median of 0 (an event, a gateway) is level 1 when anything took time, so a step is never "hot" by rounding.
 */
export function heatLevel(medianMs: number | null, slowestMs: number | null): number {
  if (medianMs === null || slowestMs === null) return 0;
  if (slowestMs <= 0) return 1;
  return Math.min(HEAT_LEVELS, Math.max(1, Math.ceil((medianMs / slowestMs) * HEAT_LEVELS)));
}

export interface StepElement {
  elementId: string;
  name: string;
  elementType: string;
}

export interface StepStatistics {
  activityId: string;
  instances: number;
  incidents: number;
}

export interface StepDuration {
  elementId: string;
  durationMs: number;
}

export interface StepFigures {
  elementId: string;
  name: string;
  elementType: string;
  /** Executions waiting at the step now (the engine's activity statistics). */
  active: number;
  incidents: number;
  /** Median time spent in the step by its finished instances; null when none finished. */
  medianMs: number | null;
  /** How many finished instances the median is taken from. */
  finished: number;
  heat: number;
}

/** Suffix Camunda 7 gives the body of a multi-instance activity; its figures are the inner activity's. */
const MULTI_INSTANCE_BODY = '#multiInstanceBody';

/** Element types that are steps people ask about (the others are shown only when they hold instances). */
export const STEP_TYPES = /(Task|^task|^callActivity|^subProcess|^intermediateCatchEvent|^receiveTask)$/;

/**
 * One row per step of the version, in the diagram's order: every task, call activity, sub-process and catching
 * event, plus any other element (a start event, a gateway) only while it holds instances or incidents — events and
 * gateways take no time, their durations are left out; an activity the diagram does not name (another version's)
 * keeps its id as its name and comes last. Multi-instance bodies are left out:
 * their instances and incidents are counted on the inner activity.
 */
export function stepFigures(input: {
  elements: readonly StepElement[];
  statistics: readonly StepStatistics[];
  durations: readonly StepDuration[];
}): StepFigures[] {
  const stats = new Map<string, StepStatistics>();
  for (const s of input.statistics)
    if (!s.activityId.endsWith(MULTI_INSTANCE_BODY)) stats.set(s.activityId, s);
  const durations = new Map<string, number[]>();
  for (const d of input.durations) {
    if (d.elementId.endsWith(MULTI_INSTANCE_BODY)) continue;
    const list = durations.get(d.elementId) ?? [];
    list.push(d.durationMs);
    durations.set(d.elementId, list);
  }
  const known = new Map(input.elements.map((e) => [e.elementId, e]));
  const ids = [
    ...input.elements
      .filter((e) => !e.elementId.endsWith(MULTI_INSTANCE_BODY))
      .filter((e) => STEP_TYPES.test(e.elementType) || stats.has(e.elementId))
      .map((e) => e.elementId),
    ...[...new Set([...stats.keys(), ...durations.keys()])].filter((id) => !known.has(id)).sort(),
  ];
  const rows = ids.map((elementId) => {
    const element = known.get(elementId);
    const times = durations.get(elementId) ?? [];
    return {
      elementId,
      name: element?.name ?? elementId,
      elementType: element?.elementType ?? 'unknown',
      active: stats.get(elementId)?.instances ?? 0,
      incidents: stats.get(elementId)?.incidents ?? 0,
      medianMs: median(times),
      finished: times.length,
      heat: 0,
    };
  });
  const medians = rows.map((r) => r.medianMs).filter((m): m is number => m !== null);
  const slowest = medians.length > 0 ? Math.max(...medians) : null;
  return rows.map((r) => ({ ...r, heat: heatLevel(r.medianMs, slowest) }));
}

/** A duration as people read it: whole days, hours and minutes (seconds only under a minute). */
export function durationParts(ms: number): { days: number; hours: number; minutes: number; seconds: number } {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  return { days, hours, minutes, seconds: totalSeconds < 60 ? totalSeconds : 0 };
}
