-- Bank transfer batches have a lifecycle: open → exported (the file frozen: its bytes and SHA-256 kept, every later
-- download is the same bytes) → sent → settled (every line confirmed or rejected by the bank). A batch that is not
-- open takes no new instalment: a late one opens the day's next batch (seq 2, 3 …).
ALTER TABLE payout_batches DROP CONSTRAINT payout_batches_status_check;
ALTER TABLE payout_batches ADD CONSTRAINT payout_batches_status_check
  CHECK (status IN ('open', 'closed', 'confirmed', 'exported', 'sent', 'settled'));
ALTER TABLE payout_batches DROP CONSTRAINT payout_batches_kind_payout_date_key;
ALTER TABLE payout_batches ADD COLUMN seq integer NOT NULL DEFAULT 1 CHECK (seq >= 1);
ALTER TABLE payout_batches ADD CONSTRAINT payout_batches_kind_date_seq_key UNIQUE (kind, payout_date, seq);
-- one open batch per kind and day: where the day's instalments are queued
CREATE UNIQUE INDEX payout_batches_open_idx ON payout_batches (kind, payout_date) WHERE status = 'open';
ALTER TABLE payout_batches
  ADD COLUMN exported_at timestamptz,
  ADD COLUMN exported_by uuid REFERENCES users (id),
  ADD COLUMN sent_at timestamptz,
  ADD COLUMN sent_by uuid REFERENCES users (id),
  ADD COLUMN settled_at timestamptz;

-- the frozen files of an exported batch (one per format), hashed
CREATE TABLE payout_batch_files (
  batch_id uuid NOT NULL REFERENCES payout_batches (id),
  format text NOT NULL CHECK (format IN ('elixir', 'csv')),
  media_type text NOT NULL,
  file_name text NOT NULL,
  content bytea NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (batch_id, format)
);

-- the lines of an exported batch as they went to the bank (account and amount frozen), each settled once
CREATE TABLE payout_batch_lines (
  batch_id uuid NOT NULL REFERENCES payout_batches (id),
  instalment_id uuid NOT NULL REFERENCES payout_instalments (id),
  line_no integer NOT NULL CHECK (line_no >= 1),
  account text NOT NULL,
  amount_grosze bigint NOT NULL CHECK (amount_grosze > 0),
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'confirmed', 'rejected')),
  rejection_reason text,
  settled_at timestamptz,
  settled_by uuid REFERENCES users (id),
  PRIMARY KEY (batch_id, instalment_id),
  UNIQUE (batch_id, line_no),
  CHECK (status <> 'rejected' OR rejection_reason IS NOT NULL)
);

-- the account a transfer decision pays to is frozen when the decision is approved; only a four-eyes account change
-- moves it afterwards
ALTER TABLE decisions ADD COLUMN payout_account text;
UPDATE decisions d SET payout_account = cl.bank_account
  FROM cases c JOIN clients cl ON cl.id = c.client_id
 WHERE c.id = d.case_id AND d.status <> 'draft' AND d.outcome = 'grant';

CREATE TABLE account_changes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES clients (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  previous_account text,
  new_account text NOT NULL,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
  requested_by uuid NOT NULL REFERENCES users (id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  decision_note text,
  -- four eyes, enforced by the database too
  CHECK (decided_by IS NULL OR decided_by <> requested_by),
  CHECK ((status = 'pending') = (decided_by IS NULL))
);
-- one pending change per client at a time
CREATE UNIQUE INDEX account_changes_pending_idx ON account_changes (client_id) WHERE status = 'pending';
