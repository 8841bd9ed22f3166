-- Engine commands that follow a write to the case file: written in the same transaction as that write, then sent
-- to the engine (at once, and again by the dispatcher until done). The idempotency key comes from the request or
-- the row (intake id, task id, decision event id), so a repeated request adds nothing.
CREATE TABLE engine_commands (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  idempotency_key text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('start-process', 'complete-task', 'correlate-message')),
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  last_error text,
  result jsonb,
  case_id uuid,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  done_at timestamptz
);

CREATE INDEX engine_commands_due_idx ON engine_commands (next_attempt_at) WHERE status = 'pending';
CREATE INDEX engine_commands_failed_idx ON engine_commands (created_at) WHERE status = 'failed';
