-- Camunda Forms deployed with the diagrams (the engine's user task records carry only the form key), and what
-- people submitted on each task: the case file keeps the whole submission, the engine gets process variables only.
CREATE TABLE forms (
  form_key text PRIMARY KEY,
  form_id text NOT NULL,
  version integer NOT NULL,
  schema jsonb NOT NULL,
  UNIQUE (form_id, version)
);

CREATE TABLE task_submissions (
  user_task_key text PRIMARY KEY,
  case_id uuid REFERENCES cases (id),
  element_id text NOT NULL,
  form_id text,
  data jsonb NOT NULL,
  submitted_by uuid REFERENCES users (id),
  submitted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_submissions_case_idx ON task_submissions (case_id);
