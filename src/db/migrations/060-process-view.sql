-- The managers' process view (src/monitoring/process-view.ts): the finished steps of one process version (median
-- time spent) and the steps still open there (the cases waiting) are read from engine_events by definition id and
-- type; a step's end is matched to its start by the activity instance.
CREATE INDEX engine_events_definition_activity_idx ON engine_events (process_definition_id, type, element_id, at)
  WHERE type IN ('activity-started', 'activity-ended');
CREATE INDEX engine_events_activity_instance_idx ON engine_events (activity_instance_id, type)
  WHERE activity_instance_id IS NOT NULL;
