-- Workers of first contact (duplicate check, attaching to an open case, certificates) and the return of uncollected
-- cash. Every side effect is keyed by something stable and guarded by a unique constraint (Zeebe: at least once).

-- The person is recognised by PESEL, else by the identity document number (stored normalised: upper case, no spaces).
ALTER TABLE intakes ADD COLUMN document_number text;

-- attach-to-case: an intake joins an open case at most once (the first attachment stays).
ALTER TABLE intakes
  ADD COLUMN attached_case_id uuid REFERENCES cases (id),
  ADD COLUMN attached_at timestamptz;
CREATE INDEX intakes_attached_case_idx ON intakes (attached_case_id) WHERE attached_case_id IS NOT NULL;

-- issue-certificate: one certificate matter per intake, issued (zaświadczenie) or refused (postanowienie, art. 219
-- KPA); its number comes from the centre's certificate register.
ALTER TABLE centres ADD COLUMN certificate_number_pattern text NOT NULL DEFAULT 'MOPS.ZAS.{n}.{yyyy}';

CREATE TABLE certificates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  intake_id uuid NOT NULL UNIQUE REFERENCES intakes (id),
  client_id uuid REFERENCES clients (id),
  outcome text NOT NULL CHECK (outcome IN ('issued', 'refused')),
  number text UNIQUE,
  issued_on date NOT NULL,
  refusal_code text,
  refusal_reason text,
  document_id uuid REFERENCES documents (id),
  job_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (outcome = 'issued' OR refusal_reason IS NOT NULL)
);

-- return-uncollected-cash: an instalment taken off a cash list goes on a later list (never the same one again),
-- and is taken off a given list at most once.
ALTER TABLE payout_instalments ADD COLUMN next_list_after date;

CREATE TABLE payout_returns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  instalment_id uuid NOT NULL REFERENCES payout_instalments (id),
  batch_id uuid NOT NULL REFERENCES payout_batches (id),
  return_key text NOT NULL UNIQUE,
  collect_by timestamptz,
  returned_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (instalment_id, batch_id)
);
