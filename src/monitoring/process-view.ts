import type { User } from '../auth/users';
import { VIOLENCE_CASE_SQL, VIOLENCE_TEAM } from '../cases/case-access';
import type { Database } from '../db/database';
import { STEP_TYPES, stepFigures, type StepDuration, type StepFigures } from '../domain/process-figures';
import { inDrawingOrder } from '../domain/drawing-order';
import { diagramElements } from '../engine/diagram-elements';
import type { DefinitionVersion, EnginePort } from '../engine/port';
import { AppError } from '../errors/app-error';

/** The median is taken over steps finished in this many days (older cases are pruned from engine_events anyway). */
export const MEDIAN_WINDOW_DAYS = 90;
/** … and over at most this many most recent finished instances of each step: the transfer stays bounded. */
export const MEDIAN_SAMPLE_PER_STEP = 1000;
/** The list of cases waiting at a step shows this many, longest waiting first. */
export const WAITING_LIST_LIMIT = 500;

export const NO_SUCH_VERSION = 'Nie ma takiej wersji procesu.';

/** Every deployed version of every process, by key, newest version first. */
export async function processVersions(engine: EnginePort): Promise<DefinitionVersion[]> {
  return (await engine.definitionVersions())
    .filter((v) => v.kind === 'process')
    .sort((a, b) => a.key.localeCompare(b.key) || b.version - a.version);
}

export interface ProcessView {
  definition: DefinitionVersion;
  steps: StepFigures[];
  /** Since when finished steps count for the median (ISO). */
  medianSince: string;
}

/** One process version: its steps with the engine's counts (active, incidents) and the median time spent. */
export async function processView(
  deps: { db: Database; engine: EnginePort },
  definitionId: string,
  now: Date,
): Promise<ProcessView> {
  const definition = await processDefinition(deps.engine, definitionId);
  const since = new Date(now.getTime() - MEDIAN_WINDOW_DAYS * 24 * 3_600_000);
  const [xml, statistics] = await Promise.all([
    deps.engine.processDiagramXml(definitionId),
    deps.engine.activityStatistics(definitionId),
  ]);
  const elements = inDrawingOrder(
    diagramElements(xml).filter((e) => e.bpmnProcessId === definition.key),
    xml,
  );
  // the steps of this version's diagram (multi-instance: the inner activity); events and gateways take no time
  const timed = elements.filter((e) => STEP_TYPES.test(e.elementType)).map((e) => e.elementId);
  const durations = await stepDurations(deps.db, definitionId, timed, since);
  return {
    definition,
    steps: stepFigures({ elements, statistics, durations }),
    medianSince: since.toISOString(),
  };
}

/** A process version known to the engine, or the 404 of an unknown one. */
export async function processDefinition(
  engine: EnginePort,
  definitionId: string,
): Promise<DefinitionVersion> {
  const definition = (await processVersions(engine)).find((v) => v.id === definitionId);
  if (!definition) throw new AppError({ code: 'not-found', message: NO_SUCH_VERSION });
  return definition;
}

/**
 * Time spent in each of the given steps by its finished (not cancelled) instances, from the projection's
 * engine_events: the end of an activity instance matched to its start. Per step only the MEDIAN_SAMPLE_PER_STEP
 * latest ends since `since`, each read backwards along the index (definition, type, step, time) and stopped there —
 * the cost follows the sample, not the history (bench/process-view.ts).
 */
export async function stepDurations(
  db: Database,
  definitionId: string,
  elementIds: string[],
  since: Date,
): Promise<StepDuration[]> {
  if (elementIds.length === 0) return [];
  const rows = await db.query<{ element_id: string; ms: string | number }>(
    `SELECT step.id AS element_id, EXTRACT(EPOCH FROM (ended.at - s.at)) * 1000 AS ms
       FROM unnest($2::text[]) AS step(id)
       CROSS JOIN LATERAL (
         SELECT e.at, e.activity_instance_id FROM engine_events e
          WHERE e.process_definition_id = $1 AND e.type = 'activity-ended' AND e.element_id = step.id
            AND e.at >= $3 AND e.canceled IS NOT TRUE
          ORDER BY e.at DESC
          LIMIT $4) ended
       JOIN engine_events s ON s.activity_instance_id = ended.activity_instance_id AND s.type = 'activity-started'`,
    [definitionId, elementIds, since, MEDIAN_SAMPLE_PER_STEP],
  );
  return rows.map((r) => ({ elementId: r.element_id, durationMs: Math.max(0, Math.round(Number(r.ms))) }));
}

export interface WaitingCase {
  /** The case in the case file; null for an instance no case was registered on (a test or an orphan). */
  caseId: string | null;
  caseNumber: string | null;
  /** The person's name; null where the reader may not see it (a Niebieska Karta case: `restricted`). */
  personName: string | null;
  restricted: boolean;
  /** The team: the waiting task's candidate groups, else the teams the case was routed to. */
  teams: string[];
  assignee: string | null;
  assigneeName: string | null;
  /** Since when the case waits at the step (ISO). */
  since: string;
  processInstanceId: string;
}

/**
 * The cases waiting at one step of one version (an activity instance started and not ended, from the projection),
 * longest waiting first, joined to the case file. Reading the people's names for a list is audit-logged, like an
 * inbox search: one `monitoring-waiting-cases` row with the cases found. A Niebieska Karta case shows its number
 * but not the person to anyone outside the violence-response team and managers (case-access.ts).
 */
export async function waitingCases(
  db: Database,
  user: User,
  target: { definitionId: string; elementId: string },
  channel: 'page' | 'api',
): Promise<WaitingCase[]> {
  const rows = await db.query<{
    case_id: string | null;
    case_number: string | null;
    first_name: string | null;
    last_name: string | null;
    violence: boolean | null;
    case_teams: string[] | null;
    candidate_groups: string[] | null;
    assignee: string | null;
    assignee_name: string | null;
    since: Date | string;
    process_instance_id: string;
  }>(
    `SELECT c.id AS case_id, c.case_number, cl.first_name, cl.last_name,
            CASE WHEN c.id IS NULL THEN false ELSE ${VIOLENCE_CASE_SQL} END AS violence,
            c.teams AS case_teams, t.candidate_groups, t.assignee, u.display_name AS assignee_name, s.at AS since,
            s.process_instance_id
       FROM engine_events s
       LEFT JOIN user_tasks t ON t.process_instance_key = s.process_instance_id
                             AND t.element_instance_key = s.activity_instance_id AND t.state = 'CREATED'
       LEFT JOIN users u ON u.login = t.assignee
       LEFT JOIN cases c ON c.process_instance_key = COALESCE(s.root_process_instance_id, s.process_instance_id)
       LEFT JOIN clients cl ON cl.id = c.client_id
      WHERE s.process_definition_id = $1 AND s.type = 'activity-started' AND s.element_id = $2
        AND NOT EXISTS (SELECT 1 FROM engine_events e
                         WHERE e.activity_instance_id = s.activity_instance_id AND e.type = 'activity-ended')
      ORDER BY s.at, s.seq
      LIMIT ${WAITING_LIST_LIMIT}`,
    [target.definitionId, target.elementId],
  );
  const seesViolence = user.roles.includes('managers') || user.roles.includes(VIOLENCE_TEAM);
  const cases = rows.map((r): WaitingCase => {
    const restricted = Boolean(r.violence) && !seesViolence;
    return {
      caseId: r.case_id,
      caseNumber: r.case_number,
      personName: restricted || r.first_name === null ? null : `${r.first_name} ${r.last_name ?? ''}`.trim(),
      restricted,
      teams: r.candidate_groups?.length ? r.candidate_groups : (r.case_teams ?? []),
      assignee: r.assignee,
      assigneeName: r.assignee_name,
      since: new Date(r.since).toISOString(),
      processInstanceId: r.process_instance_id,
    };
  });
  await db.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details)
     VALUES ($1, 'monitoring-waiting-cases', 'process-element', $2, $3)`,
    [
      user.id,
      `${target.definitionId}/${target.elementId}`,
      JSON.stringify({ channel, found: cases.flatMap((c) => (c.caseId ? [c.caseId] : [])) }),
    ],
  );
  return cases;
}
