import type { Database, Queryable } from '../db/database';
import type { Logger } from '../logger';
import { logNewEvents } from './event-log';
import { isKnownType, type FeedEvent } from './feed-event';
import { projectIncident } from './project-incident';
import { projectProcess } from './project-process';
import { projectTask } from './project-task';
import { missingForProjection } from './projection-needs';

export interface ApplyEventsDeps {
  db: Database;
  log: Logger;
}

/**
 * Applies a batch of the engine host's feed in one transaction: each event id is logged in engine_events at most
 * once and only a newly logged event changes the projection (tasks, instances, incidents), so a batch delivered
 * again changes nothing. Answers how many events were new.
 */
export async function applyEvents(deps: ApplyEventsDeps, events: FeedEvent[]): Promise<number> {
  const ordered = inSeqOrder(events);
  const unknown = ordered.filter((event) => !isKnownType(event.type));
  if (unknown.length > 0)
    deps.log.warn('Nieznany typ zdarzenia silnika: zapisane w engine_events, nie zastosowane', {
      types: [...new Set(unknown.map((event) => event.type))],
      eventIds: unknown.map((event) => event.id).slice(0, 20),
    });
  return deps.db.transaction(async (tx) => {
    const fresh = await logNewEvents(tx, ordered);
    for (const event of ordered) {
      if (!fresh.has(event.id)) continue;
      const missing = missingForProjection(event);
      if (missing.length === 0) await project(tx, event);
      else
        deps.log.warn(
          'Zdarzenie silnika bez danych dla projekcji: zapisane w engine_events, nie zastosowane',
          {
            eventId: event.id,
            type: event.type,
            missing,
          },
        );
    }
    return fresh.size;
  });
}

async function project(tx: Queryable, event: FeedEvent): Promise<void> {
  if (event.type.startsWith('task-')) return projectTask(tx, event);
  if (event.type.startsWith('process-')) return projectProcess(tx, event);
  if (event.type.startsWith('incident-')) return projectIncident(tx, event);
}

/** One copy of each id, oldest first (the host sends them so; a hand-made batch may not). */
export function inSeqOrder(events: FeedEvent[]): FeedEvent[] {
  const byId = new Map<string, FeedEvent>();
  for (const event of events) if (!byId.has(event.id)) byId.set(event.id, event);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}
