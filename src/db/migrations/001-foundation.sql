-- Foundation: people and sessions, the case file of the first slice, the engine projection, the audit log.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  login text NOT NULL UNIQUE,
  display_name text NOT NULL,
  position text NOT NULL DEFAULT '',
  site text NOT NULL DEFAULT '',
  roles text[] NOT NULL DEFAULT '{}',
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES users (id),
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);

-- What the first-contact worker typed: personal data stays here, the engine only gets intake_id.
CREATE TABLE intakes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_task_key text NOT NULL UNIQUE,
  first_name text NOT NULL,
  last_name text NOT NULL,
  pesel text,
  need text NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE clients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  first_name text NOT NULL,
  last_name text NOT NULL,
  pesel text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE case_number_counters (
  symbol text NOT NULL,
  year integer NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (symbol, year)
);

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_number text NOT NULL UNIQUE,
  client_id uuid NOT NULL REFERENCES clients (id),
  intake_id uuid NOT NULL UNIQUE REFERENCES intakes (id),
  process_instance_key text NOT NULL,
  need text NOT NULL,
  status text NOT NULL DEFAULT 'open',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Engine projection, fed by the record exporter (see exporter/ and src/projection/).
CREATE TABLE engine_records (
  partition_id integer NOT NULL,
  position bigint NOT NULL,
  value_type text NOT NULL,
  intent text NOT NULL,
  record_key text NOT NULL,
  process_instance_key text,
  bpmn_process_id text,
  element_id text,
  element_type text,
  at timestamptz NOT NULL,
  PRIMARY KEY (partition_id, position)
);
CREATE INDEX engine_records_instance_idx ON engine_records (process_instance_key, position);

CREATE TABLE process_instances (
  process_instance_key text PRIMARY KEY,
  bpmn_process_id text NOT NULL,
  version integer NOT NULL,
  process_definition_key text NOT NULL,
  state text NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz
);

CREATE TABLE user_tasks (
  user_task_key text PRIMARY KEY,
  process_instance_key text NOT NULL,
  process_definition_key text NOT NULL,
  bpmn_process_id text NOT NULL,
  element_id text NOT NULL,
  element_instance_key text NOT NULL,
  candidate_groups text[] NOT NULL DEFAULT '{}',
  assignee text,
  form_key text,
  due_date text,
  state text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  last_position bigint NOT NULL
);
CREATE INDEX user_tasks_open_idx ON user_tasks (state, created_at);
CREATE INDEX user_tasks_groups_idx ON user_tasks USING gin (candidate_groups);

CREATE TABLE incidents (
  incident_key text PRIMARY KEY,
  process_instance_key text NOT NULL,
  element_id text NOT NULL,
  error_type text NOT NULL,
  error_message text NOT NULL,
  job_key text,
  state text NOT NULL,
  created_at timestamptz NOT NULL,
  resolved_at timestamptz
);

-- Names people read, taken from the deployed diagrams (records carry only element ids).
CREATE TABLE process_elements (
  bpmn_process_id text NOT NULL,
  element_id text NOT NULL,
  name text NOT NULL,
  element_type text NOT NULL,
  PRIMARY KEY (bpmn_process_id, element_id)
);

CREATE TABLE deployed_resources (
  name text PRIMARY KEY,
  sha256 text NOT NULL,
  deployed_at timestamptz NOT NULL DEFAULT now(),
  deployment_key text NOT NULL
);
