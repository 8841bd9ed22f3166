import type { User } from '../auth/users';
import type { Database } from '../db/database';
import { engineError } from '../engine/engine-errors';
import type { EnginePort } from '../engine/port';
import { AppError } from '../errors/app-error';

export interface IncidentRow {
  incidentKey: string;
  processInstanceKey: string;
  elementId: string;
  stepName: string;
  errorType: string;
  errorMessage: string;
  jobKey: string | null;
  createdAt: string;
  caseId: string | null;
  caseNumber: string | null;
}

/** Open incidents (root causes, from the engine's event feed), with the step's name and the case behind each. */
export async function listOpenIncidents(db: Database): Promise<IncidentRow[]> {
  const rows = await db.query<{
    incident_key: string;
    process_instance_key: string;
    element_id: string;
    name: string | null;
    error_type: string;
    error_message: string;
    job_key: string | null;
    created_at: Date;
    case_id: string | null;
    case_number: string | null;
  }>(
    `SELECT i.incident_key, i.process_instance_key, i.element_id, e.name, i.error_type, i.error_message, i.job_key,
            i.created_at, c.id AS case_id, c.case_number
       FROM incidents i
       LEFT JOIN process_instances p ON p.process_instance_key = i.process_instance_key
       LEFT JOIN process_elements e ON e.bpmn_process_id = p.bpmn_process_id AND e.element_id = i.element_id
       LEFT JOIN cases c ON c.process_instance_key = COALESCE(p.root_process_instance_key, i.process_instance_key)
      WHERE i.state = 'ACTIVE' ORDER BY i.created_at`,
  );
  return rows.map((r) => ({
    incidentKey: r.incident_key,
    processInstanceKey: r.process_instance_key,
    elementId: r.element_id,
    stepName: r.name ?? r.element_id,
    errorType: r.error_type,
    errorMessage: r.error_message,
    jobKey: r.job_key ?? null,
    createdAt: new Date(r.created_at).toISOString(),
    caseId: r.case_id,
    caseNumber: r.case_number,
  }));
}

/** Retries a step gets back when a person retries its incident. */
const RETRIES_ON_RETRY = 3;

/**
 * A person retries: the failed external task (or job) gets its retries back, which resolves the incident in the
 * engine — and the copies Camunda 7 put on the calling instances' call activities — and the step runs again.
 * `job_key` is the root cause's `configuration` (external task id for `failedExternalTask`, job id for
 * `failedJob`); the projection marks the incident resolved when the engine's event arrives.
 */
export async function retryIncident(
  deps: { db: Database; engine: EnginePort },
  incidentKey: string,
  user: User,
): Promise<void> {
  const [incident] = await deps.db.query<{
    job_key: string | null;
    error_type: string;
    state: string;
    process_instance_key: string;
    element_id: string;
    error_message: string;
    case_id: string | null;
  }>(
    `SELECT i.job_key, i.error_type, i.state, i.process_instance_key, i.element_id, i.error_message, c.id AS case_id
       FROM incidents i
       LEFT JOIN process_instances p ON p.process_instance_key = i.process_instance_key
       LEFT JOIN cases c ON c.process_instance_key = COALESCE(p.root_process_instance_key, i.process_instance_key)
      WHERE i.incident_key = $1
      LIMIT 1`,
    [incidentKey],
  );
  if (!incident) throw new AppError({ code: 'not-found', message: 'Nie ma takiego incydentu.' });
  if (incident.state !== 'ACTIVE')
    throw new AppError({ code: 'conflict', message: 'Ten incydent został już rozwiązany.' });
  if (!incident.job_key || !RETRYABLE.includes(incident.error_type))
    throw new AppError({
      code: 'conflict',
      message: `Tego incydentu (${incident.error_type}) nie da się ponowić z aplikacji — zgłoś go administratorowi.`,
    });
  try {
    if (incident.error_type === 'failedJob')
      await deps.engine.setJobRetries(incident.job_key, RETRIES_ON_RETRY);
    else await deps.engine.setExternalTaskRetries(incident.job_key, RETRIES_ON_RETRY);
  } catch (error) {
    throw engineError(error, 'Nie udało się ponowić kroku');
  }
  // who retried which incident of which case (the time is the row's own `at`), once per successful retry
  await deps.db.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'incident-retried', 'incident', $2, $3)`,
    [
      user.id,
      incidentKey,
      JSON.stringify({
        caseId: incident.case_id,
        processInstanceKey: incident.process_instance_key,
        elementId: incident.element_id,
        errorType: incident.error_type,
        errorMessage: incident.error_message,
      }),
    ],
  );
}

const RETRYABLE = ['failedExternalTask', 'failedJob'];
