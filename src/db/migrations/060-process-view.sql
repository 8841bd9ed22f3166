-- The managers' process view (src/monitoring/process-view.ts): the finished steps of one process version (median
-- time spent) and the steps still open there (the cases waiting) are read from engine_events by definition id,
-- type and step, newest first; a step's end is matched to its start by the activity instance. The included columns
-- let both reads answer from the indexes alone (index-only scans once vacuumed).
CREATE INDEX engine_events_definition_activity_idx ON engine_events (process_definition_id, type, element_id, at)
  INCLUDE (activity_instance_id, canceled)
  WHERE type IN ('activity-started', 'activity-ended');
CREATE INDEX engine_events_activity_instance_idx ON engine_events (activity_instance_id, type) INCLUDE (at)
  WHERE activity_instance_id IS NOT NULL;
