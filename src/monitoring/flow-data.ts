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
    `WITH a AS (SELECT case_id, min(submitted_on) AS applied_on FROM applications GROUP BY case_id
                HAVING min(submitted_on) BETWEEN $1::date AND $2::date),
          i AS (SELECT i.case_id, min(i.conducted_on) AS interview_on FROM interviews i JOIN a USING (case_id)
                 WHERE i.conducted_on IS NOT NULL GROUP BY i.case_id),
          dc AS (SELECT dc.case_id, min(dc.issued_on) AS decision_on,
                        bool_or(dc.outcome = 'grant') AS granted, bool_or(dc.outcome = 'refuse') AS refused
                   FROM decisions dc JOIN a USING (case_id) WHERE dc.issued_on IS NOT NULL GROUP BY dc.case_id),
          p AS (SELECT dp.case_id, min(p.paid_at AT TIME ZONE 'Europe/Warsaw') AS paid_on
                  FROM payout_instalments p JOIN decisions dp ON dp.id = p.decision_id JOIN a ON a.case_id = dp.case_id
                 WHERE p.status = 'paid' AND p.paid_at IS NOT NULL GROUP BY dp.case_id)
     SELECT c.id AS case_id, c.case_number, c.teams, d.site_id AS site,
            to_char(a.applied_on, 'YYYY-MM-DD') AS applied_on,
            to_char(i.interview_on, 'YYYY-MM-DD') AS interview_on,
            to_char(dc.decision_on, 'YYYY-MM-DD') AS decision_on,
            to_char(p.paid_on, 'YYYY-MM-DD') AS payout_on,
            COALESCE(dc.granted, false) AS granted, COALESCE(dc.refused, false) AS refused
       FROM a JOIN cases c ON c.id = a.case_id
       LEFT JOIN districts d ON d.id = c.district_id
       LEFT JOIN i ON i.case_id = c.id
       LEFT JOIN dc ON dc.case_id = c.id
       LEFT JOIN p ON p.case_id = c.id
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
