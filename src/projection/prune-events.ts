import type { Database } from '../db/database';
import { TIMELINE_STEP_TYPES } from './activity-types';

export interface PruneOptions {
  /** Cases whose root instance ended longer ago than this are pruned. */
  olderThanDays: number;
  /** Root instances per transaction. */
  batchSize?: number;
  now?: Date;
}

export interface PruneReport {
  roots: number;
  deleted: number;
}

const DAY_MS = 24 * 3_600_000;

/**
 * Retention of engine_events (it grows by ~15–30 rows per instance, most of them flow-taken and activity starts):
 * once a case's root instance has ended `olderThanDays` ago, only what the case timeline reads is kept — the ended
 * steps, without their payload — and everything else of its tree is deleted; events of no instance older than that
 * go too. Idempotent and resumable (a pruned tree has no payload left); run it nightly, never in the process tests
 * (coverage reads flow-taken).
 */
export async function pruneEngineEvents(db: Database, options: PruneOptions): Promise<PruneReport> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.olderThanDays * DAY_MS);
  const report: PruneReport = { roots: 0, deleted: 0 };
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const roots = (
        await tx.query<{ key: string }>(
          `SELECT p.process_instance_key AS key FROM process_instances p
            WHERE p.process_instance_key = p.root_process_instance_key AND p.state <> 'ACTIVE' AND p.ended_at < $1
              AND EXISTS (SELECT 1 FROM engine_events e
                           WHERE e.root_process_instance_id = p.process_instance_key AND e.payload IS NOT NULL)
            LIMIT $2`,
          [cutoff, options.batchSize ?? 500],
        )
      ).map((row) => row.key);
      if (roots.length === 0) return { roots: 0, deleted: 0 };
      const deleted = await tx.query(
        `DELETE FROM engine_events WHERE root_process_instance_id = ANY($1)
            AND NOT (type = 'activity-ended' AND element_type = ANY($2)) RETURNING 1`,
        [roots, TIMELINE_STEP_TYPES],
      );
      await tx.query('UPDATE engine_events SET payload = NULL WHERE root_process_instance_id = ANY($1)', [
        roots,
      ]);
      return { roots: roots.length, deleted: deleted.length };
    });
    report.roots += batch.roots;
    report.deleted += batch.deleted;
    if (batch.roots === 0) break;
  }
  const orphans = await db.query(
    'DELETE FROM engine_events WHERE root_process_instance_id IS NULL AND at < $1 RETURNING 1',
    [cutoff],
  );
  report.deleted += orphans.length;
  return report;
}
