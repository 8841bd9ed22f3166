-- The centre's own revocation or change of a decision (art. 106 ust. 5 u.p.s., art. 154/155 KPA) and the recovery of
-- an undue benefit (art. 98 u.p.s.; art. 104: spread into instalments or waived).

-- A revocation or change the centre recorded: once per decision, kind and month (a repeated entry finds this row).
CREATE TABLE decision_revisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  decision_id uuid NOT NULL REFERENCES decisions (id),
  kind text NOT NULL CHECK (kind IN ('revoke', 'change')),
  from_month text NOT NULL CHECK (from_month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  revoking_number text NOT NULL,
  revoking_date date NOT NULL,
  reason text NOT NULL,
  recorded_by uuid REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (decision_id, kind, from_month)
);

-- From which month a revoked or changed decision no longer holds (null: the whole period, e.g. an SKO quash).
ALTER TABLE decisions ADD COLUMN revised_from_month text;

-- One recovery per decision: the undue amount from the payout ledger (paid instalments of the months the quash or
-- revision covers), then the benefits team's decision on it. A redelivered job or a second submit finds this row.
CREATE TABLE benefit_recoveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  decision_id uuid NOT NULL UNIQUE REFERENCES decisions (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  process_instance_key text,
  from_month text,
  undue_grosze bigint NOT NULL CHECK (undue_grosze > 0),
  paid_months text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided')),
  resolution text CHECK (resolution IN ('demand', 'instalments', 'waive')),
  amount_grosze bigint CHECK (amount_grosze >= 0),
  due_on date,
  instalment_count integer CHECK (instalment_count >= 2),
  justification text,
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  decided_task_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT benefit_recoveries_decided CHECK (
    status = 'open' OR (resolution IS NOT NULL AND amount_grosze IS NOT NULL AND amount_grosze <= undue_grosze)),
  CONSTRAINT benefit_recoveries_justified CHECK (
    resolution IS NULL OR resolution = 'demand' OR length(coalesce(justification, '')) > 0)
);
CREATE INDEX benefit_recoveries_case_idx ON benefit_recoveries (case_id);
