-- Visits that end at first contact (information only, certificate issued): no process, but the visit is on record.
CREATE TABLE first_contact_visits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  outcome text NOT NULL CHECK (outcome IN ('information', 'certificate')),
  first_name text NOT NULL,
  last_name text NOT NULL,
  pesel text,
  subject text NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
