import type { Queryable } from '../db/database';
import type { FeedEvent } from './feed-event';

/**
 * Camunda 7 copies an incident onto the call activity in each calling instance, pointing at its cause
 * (causeIncidentId). Only the root cause is something a person can act on (its configuration is the failed
 * external task or job); the copies are kept in engine_events only, so the incidents page has one row per cause.
 */
export function isRootCause(event: Pick<FeedEvent, 'incidentId' | 'causeIncidentId'>): boolean {
  return event.causeIncidentId === null || event.causeIncidentId === event.incidentId;
}

const ENDED: Record<string, string> = { 'incident-resolved': 'RESOLVED', 'incident-deleted': 'DELETED' };

/** incident-created inserts the root cause; incident-resolved / incident-deleted close it (in either order). */
export async function projectIncident(tx: Queryable, event: FeedEvent): Promise<void> {
  if (!event.type.startsWith('incident-') || !isRootCause(event)) return;
  const created = event.type === 'incident-created';
  const state = created ? 'ACTIVE' : ENDED[event.type];
  if (!state) return;
  const at = new Date(event.at);
  await tx.query(
    `INSERT INTO incidents (incident_key, process_instance_key, element_id, error_type, error_message, job_key, state,
       created_at, resolved_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (incident_key) DO UPDATE SET
       ${
         created
           ? `process_instance_key = EXCLUDED.process_instance_key, element_id = EXCLUDED.element_id,
       error_type = EXCLUDED.error_type, error_message = EXCLUDED.error_message, job_key = EXCLUDED.job_key,
       created_at = EXCLUDED.created_at`
           : `state = EXCLUDED.state, resolved_at = EXCLUDED.resolved_at`
       }`,
    [
      event.incidentId,
      event.processInstanceId ?? '',
      event.elementId ?? '',
      event.incidentType ?? '',
      event.incidentMessage ?? '',
      event.configuration,
      state,
      at,
      created ? null : at,
    ],
  );
}
