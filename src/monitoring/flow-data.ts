import type { Queryable } from '../db/database';
import { addDays, warsawDate } from '../domain/calendar-date';
import {
  applicationsPerWeek,
  daysToStage,
  FLOW_STAGES,
  spreadsBy,
  stageSpreads,
  weekOf,
  type CaseFlow,
  type FlowStage,
  type GroupSpreads,
  type StageSpreads,
  type WeekCount,
} from '../domain/monitoring/case-flow';
import type { FlowCasesQuery, FlowQuery } from './monitoring-queries';

/** The default period: the 26 weeks up to today (Warsaw). */
export const DEFAULT_FLOW_DAYS = 26 * 7 - 1;

export interface FlowPeriod {
  from: string;
  to: string;
}

export function flowPeriod(query: { from?: string; to?: string }, now: Date): FlowPeriod {
  const to = query.to ?? warsawDate(now);
  const from = query.from ?? addDays(to, -DEFAULT_FLOW_DAYS);
  return { from, to: to < from ? from : to };
}

export interface FlowOutcomes {
  granted: number;
  refused: number;
  /** Visits that ended at first contact (information, certificate): no case was opened. */
  firstContact: number;
  /** Cases still without an issued decision. */
  pending: number;
}

export interface FlowMeasure extends FlowPeriod {
  applications: number;
  perWeek: WeekCount[];
  stages: StageSpreads;
  teams: GroupSpreads[];
  sites: GroupSpreads[];
  outcomes: FlowOutcomes;
  names: { teams: Record<string, string>; sites: Record<string, string> };
}

interface FlowRow {
  case_id: string;
  case_number: string;
  teams: string[];
  site: string | null;
  applied_on: string;
  interview_on: string | null;
  decision_on: string | null;
  payout_on: string | null;
  granted: boolean;
  refused: boolean;
}

export type OutcomeFlow = CaseFlow & { granted: boolean; refused: boolean };

/** Cases by the day of their first application in the period, with the first interview, decision and payout. */
export async function caseFlows(db: Queryable, period: FlowPeriod): Promise<OutcomeFlow[]> {
  const rows = await db.query<FlowRow>(
    `SELECT c.id AS case_id, c.case_number, c.teams, d.site_id AS site,
            to_char(a.applied_on, 'YYYY-MM-DD') AS applied_on,
            (SELECT to_char(min(i.conducted_on), 'YYYY-MM-DD') FROM interviews i
              WHERE i.case_id = c.id AND i.conducted_on IS NOT NULL) AS interview_on,
            (SELECT to_char(min(dc.issued_on), 'YYYY-MM-DD') FROM decisions dc
              WHERE dc.case_id = c.id AND dc.issued_on IS NOT NULL) AS decision_on,
            (SELECT to_char(min(p.paid_at AT TIME ZONE 'Europe/Warsaw'), 'YYYY-MM-DD')
               FROM payout_instalments p JOIN decisions dp ON dp.id = p.decision_id
              WHERE dp.case_id = c.id AND p.status = 'paid' AND p.paid_at IS NOT NULL) AS payout_on,
            EXISTS (SELECT 1 FROM decisions g WHERE g.case_id = c.id AND g.issued_on IS NOT NULL
                     AND g.outcome = 'grant') AS granted,
            EXISTS (SELECT 1 FROM decisions r WHERE r.case_id = c.id AND r.issued_on IS NOT NULL
                     AND r.outcome = 'refuse') AS refused
       FROM cases c
       JOIN (SELECT case_id, min(submitted_on) AS applied_on FROM applications GROUP BY case_id) a ON a.case_id = c.id
       LEFT JOIN districts d ON d.id = c.district_id
      WHERE a.applied_on BETWEEN $1::date AND $2::date
      ORDER BY a.applied_on, c.case_number`,
    [period.from, period.to],
  );
  return rows.map((row) => ({
    caseId: row.case_id,
    caseNumber: row.case_number,
    teams: row.teams,
    site: row.site,
    appliedOn: row.applied_on,
    interviewOn: row.interview_on,
    decisionOn: row.decision_on,
    firstPayoutOn: row.payout_on,
    // a case granted after a refusal (appeal, new application) counts as granted
    granted: Boolean(row.granted),
    refused: Boolean(row.refused) && !row.granted,
  }));
}

export async function flowMeasure(db: Queryable, query: FlowQuery, now: Date): Promise<FlowMeasure> {
  const period = flowPeriod(query, now);
  const flows = await caseFlows(db, period);
  const [visits] = await db.query<{ count: string }>(
    `SELECT count(*) AS count FROM first_contact_visits
      WHERE (created_at AT TIME ZONE 'Europe/Warsaw')::date BETWEEN $1::date AND $2::date`,
    [period.from, period.to],
  );
  return {
    ...period,
    applications: flows.length,
    perWeek: applicationsPerWeek(
      flows.map((flow) => flow.appliedOn),
      period.from,
      period.to,
    ),
    stages: stageSpreads(flows),
    teams: spreadsBy(flows, 'team'),
    sites: spreadsBy(flows, 'site'),
    outcomes: {
      granted: flows.filter((flow) => flow.granted).length,
      refused: flows.filter((flow) => flow.refused).length,
      firstContact: Number(visits?.count ?? 0),
      pending: flows.filter((flow) => flow.decisionOn === null).length,
    },
    names: await placeNames(db),
  };
}

export async function placeNames(
  db: Queryable,
): Promise<{ teams: Record<string, string>; sites: Record<string, string> }> {
  const [teams, sites] = await Promise.all([
    db.query<{ role_id: string; name: string }>('SELECT role_id, name FROM teams ORDER BY id'),
    db.query<{ id: string; name: string }>('SELECT id, name FROM sites ORDER BY id'),
  ]);
  const teamNames: Record<string, string> = {};
  for (const team of teams) teamNames[team.role_id] ??= team.name;
  return { teams: teamNames, sites: Object.fromEntries(sites.map((s) => [s.id, s.name])) };
}

export interface FlowCase {
  caseId: string;
  caseNumber: string;
  teams: string[];
  site: string | null;
  appliedOn: string;
  interviewOn: string | null;
  decisionOn: string | null;
  firstPayoutOn: string | null;
  days: Record<FlowStage, number | null>;
  outcome: 'granted' | 'refused' | 'pending' | 'none';
}

/** The cases behind one figure of the flow page. */
export async function flowCases(db: Queryable, query: FlowCasesQuery, now: Date): Promise<FlowCase[]> {
  const flows = await caseFlows(db, flowPeriod(query, now));
  return flows
    .filter(
      (flow) =>
        (query.week === undefined || weekOf(flow.appliedOn) === query.week) &&
        (query.team === undefined || flow.teams.includes(query.team)) &&
        (query.site === undefined || (flow.site ?? 'none') === query.site) &&
        (query.stage === undefined || daysToStage(flow, query.stage) !== undefined) &&
        (query.outcome === undefined || flow[query.outcome]),
    )
    .map((flow) => ({
      caseId: flow.caseId,
      caseNumber: flow.caseNumber,
      teams: flow.teams,
      site: flow.site,
      appliedOn: flow.appliedOn,
      interviewOn: flow.interviewOn,
      decisionOn: flow.decisionOn,
      firstPayoutOn: flow.firstPayoutOn,
      days: Object.fromEntries(
        FLOW_STAGES.map((stage) => [stage, daysToStage(flow, stage) ?? null]),
      ) as Record<FlowStage, number | null>,
      outcome: flow.granted
        ? 'granted'
        : flow.refused
          ? 'refused'
          : flow.decisionOn === null
            ? 'pending'
            : 'none',
    }));
}
