import { addDays, isoWeekday, toDayNumber } from '../calendar-date';
import { spread, type Spread } from './percentile';

/** One application's way through the centre, from the case file (dates YYYY-MM-DD, Europe/Warsaw). */
export interface CaseFlow {
  caseId: string;
  caseNumber: string;
  /** Teams (role ids) the case went to; a case with two teams counts in both. */
  teams: string[];
  /** The site (siedziba) of the case's district; null when the case has no district. */
  site: string | null;
  appliedOn: string;
  /** First interview conducted. */
  interviewOn: string | null;
  /** First decision issued. */
  decisionOn: string | null;
  /** First instalment paid. */
  firstPayoutOn: string | null;
}

export const FLOW_STAGES = ['interview', 'decision', 'firstPayout'] as const;
export type FlowStage = (typeof FLOW_STAGES)[number];

const STAGE_DATE: Record<FlowStage, (flow: CaseFlow) => string | null> = {
  interview: (flow) => flow.interviewOn,
  decision: (flow) => flow.decisionOn,
  firstPayout: (flow) => flow.firstPayoutOn,
};

/** Calendar days from the application to a stage (the application's day not counted: same day = 0). */
export function daysToStage(flow: CaseFlow, stage: FlowStage): number | undefined {
  const on = STAGE_DATE[stage](flow);
  if (on === null) return undefined;
  return toDayNumber(on) - toDayNumber(flow.appliedOn);
}

export type StageSpreads = Record<FlowStage, Spread>;

/** Median and 90th percentile (nearest rank) of the days to each stage, over the cases that reached it. */
export function stageSpreads(flows: readonly CaseFlow[]): StageSpreads {
  const result = {} as StageSpreads;
  for (const stage of FLOW_STAGES) {
    const days = flows.map((flow) => daysToStage(flow, stage)).filter((d): d is number => d !== undefined);
    result[stage] = spread(days);
  }
  return result;
}

export interface GroupSpreads {
  key: string;
  applications: number;
  stages: StageSpreads;
}

/** The spreads per team (a case in each of its teams) or per site (cases without a site under ''). */
export function spreadsBy(flows: readonly CaseFlow[], by: 'team' | 'site'): GroupSpreads[] {
  const groups = new Map<string, CaseFlow[]>();
  for (const flow of flows) {
    const keys = by === 'team' ? flow.teams : [flow.site ?? ''];
    for (const key of keys) {
      const members = groups.get(key);
      if (members) members.push(flow);
      else groups.set(key, [flow]);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, members]) => ({ key, applications: members.length, stages: stageSpreads(members) }));
}

/** The Monday (YYYY-MM-DD) of the ISO week a day falls in. */
export function weekOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export interface WeekCount {
  week: string;
  count: number;
}

/**
 * Applications per ISO week from the first week to the last one of the period, weeks without applications
 * included (a trend line must not skip an empty week).
 */
export function applicationsPerWeek(appliedOn: readonly string[], from: string, to: string): WeekCount[] {
  const counts = new Map<string, number>();
  for (const day of appliedOn) {
    const week = weekOf(day);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  const weeks: WeekCount[] = [];
  for (let week = weekOf(from); week <= to; week = addDays(week, 7))
    weeks.push({ week, count: counts.get(week) ?? 0 });
  return weeks;
}
