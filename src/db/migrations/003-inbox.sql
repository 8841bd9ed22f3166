-- Inbox: priority and a sortable due instant on the task projection; indexes for the inbox's first page.
ALTER TABLE user_tasks
  ADD COLUMN priority integer NOT NULL DEFAULT 50,
  ADD COLUMN due_at timestamptz;
CREATE INDEX user_tasks_open_due_idx ON user_tasks (due_at, created_at) WHERE state = 'CREATED';
CREATE INDEX user_tasks_assignee_idx ON user_tasks (assignee) WHERE state = 'CREATED';
CREATE INDEX user_tasks_instance_idx ON user_tasks (process_instance_key);
CREATE INDEX cases_instance_idx ON cases (process_instance_key);
CREATE INDEX clients_name_idx ON clients (lower(last_name), lower(first_name));
