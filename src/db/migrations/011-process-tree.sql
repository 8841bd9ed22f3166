-- Call activities: a team's sub-process runs as a child instance of the case's process. Every instance knows its
-- parent and the root (the instance the case was registered on), so tasks, records and the diagram of a child are
-- found from the case.
ALTER TABLE process_instances ADD COLUMN parent_process_instance_key text;
ALTER TABLE process_instances ADD COLUMN root_process_instance_key text;
UPDATE process_instances SET root_process_instance_key = process_instance_key WHERE root_process_instance_key IS NULL;
CREATE INDEX process_instances_root_idx ON process_instances (root_process_instance_key);

ALTER TABLE user_tasks ADD COLUMN root_process_instance_key text;
UPDATE user_tasks SET root_process_instance_key = process_instance_key WHERE root_process_instance_key IS NULL;
CREATE INDEX user_tasks_root_idx ON user_tasks (root_process_instance_key);

-- the district first contact established (from the address or the person's word); the case inherits it
ALTER TABLE intakes ADD COLUMN district_id text REFERENCES districts (id);

