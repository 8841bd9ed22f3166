-- Camunda 7: the engine host's event feed replaces the Zeebe exporter (docs/engine-host-contract.md, "Event feed").
-- engine_events is the log of every event applied, one row per event id (the host delivers at least once; the
-- insert with ON CONFLICT DO NOTHING in the projection's transaction applies each event once). The projection
-- tables keep their names and columns and hold Camunda 7 ids from here on (user_task_key = task id,
-- process_instance_key = process instance id, process_definition_key = process definition id, bpmn_process_id =
-- process definition key, element_id = activity id, element_instance_key = activity instance id).
DROP TABLE engine_records;

CREATE TABLE engine_events (
  id text PRIMARY KEY,
  seq bigint NOT NULL,
  type text NOT NULL,
  at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  process_instance_id text,
  root_process_instance_id text,
  process_definition_id text,
  process_definition_key text,
  element_id text,
  element_type text,
  activity_instance_id text,
  canceled boolean,
  task_id text,
  incident_id text,
  -- the event as received; emptied by the retention (src/projection/prune-events.ts)
  payload jsonb
);
-- a case's timeline and where it stands: every event of the case's instance tree, in order
CREATE INDEX engine_events_root_idx ON engine_events (root_process_instance_id, seq);
-- model coverage per process and element counts (index-only for the coverage query)
CREATE INDEX engine_events_definition_idx ON engine_events (process_definition_key, element_id, type) INCLUDE (canceled);
-- "everything after this point" (test scenarios) and the newest event
CREATE INDEX engine_events_seq_idx ON engine_events (seq);

-- a task name may be an expression in Camunda 7: the engine's name of this task, next to the diagram's
ALTER TABLE user_tasks ADD COLUMN name text;
