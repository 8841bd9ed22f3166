import type { Camunda8 } from '@camunda8/sdk';
import type { User } from '../auth/users';
import type { Database } from '../db/database';
import { engineError } from '../engine/engine-errors';
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

/** Open incidents (from the engine's records), with the step's name and the case behind each. */
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
    jobKey: r.job_key && Number(r.job_key) > 0 ? r.job_key : null,
    createdAt: new Date(r.created_at).toISOString(),
    caseId: r.case_id,
    caseNumber: r.case_number,
  }));
}

/** A person retries: the failed job gets its retries back, then the incident is resolved and the step runs again. */
export async function retryIncident(
  deps: { db: Database; engine: Camunda8 },
  incidentKey: string,
  user: User,
): Promise<void> {
  const [incident] = await deps.db.query<{ job_key: string | null; state: string }>(
    'SELECT job_key, state FROM incidents WHERE incident_key = $1',
    [incidentKey],
  );
  if (!incident) throw new AppError({ code: 'not-found', message: 'Nie ma takiego incydentu.' });
  if (incident.state !== 'ACTIVE')
    throw new AppError({ code: 'conflict', message: 'Ten incydent został już rozwiązany.' });
  const zeebe = deps.engine.getZeebeGrpcApiClient();
  try {
    if (incident.job_key && Number(incident.job_key) > 0)
      await zeebe.updateJobRetries({ jobKey: incident.job_key, retries: 3 });
    await zeebe.resolveIncident({ incidentKey });
  } catch (error) {
    throw engineError(error, 'Nie udało się ponowić kroku');
  }
  await deps.db.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'incident-retried', 'incident', $2, '{}')`,
    [user.id, incidentKey],
  );
}
