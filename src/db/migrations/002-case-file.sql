-- The case file: centre configuration, clients and households, applications, interviews, income, plans,
-- decisions, appeals, payouts, documents, notes, outbox. Money in integer grosze; dates as calendar dates
-- (Europe/Warsaw). Every side effect of a worker is keyed by something stable and guarded by a unique constraint.

-- Centre configuration (organisation is data, not code)
CREATE TABLE centres (
  id text PRIMARY KEY,
  name text NOT NULL,
  short_name text NOT NULL,
  address text NOT NULL,
  organ_name text NOT NULL,
  case_number_pattern text NOT NULL,
  decision_number_pattern text NOT NULL
);

CREATE TABLE departments (
  id text PRIMARY KEY,
  centre_id text NOT NULL REFERENCES centres (id),
  name text NOT NULL
);

CREATE TABLE sites (
  id text PRIMARY KEY,
  centre_id text NOT NULL REFERENCES centres (id),
  name text NOT NULL,
  address text NOT NULL,
  room text,
  opening_hours jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE teams (
  id text PRIMARY KEY,
  department_id text NOT NULL REFERENCES departments (id),
  role_id text NOT NULL,
  name text NOT NULL,
  site_id text REFERENCES sites (id)
);

CREATE TABLE districts (
  id text PRIMARY KEY,
  centre_id text NOT NULL REFERENCES centres (id),
  name text NOT NULL,
  site_id text NOT NULL REFERENCES sites (id)
);

CREATE TABLE district_streets (
  district_id text NOT NULL REFERENCES districts (id) ON DELETE CASCADE,
  street text NOT NULL,
  PRIMARY KEY (district_id, street)
);

-- Clients and households
ALTER TABLE clients
  ADD COLUMN document_number text UNIQUE,
  ADD COLUMN birth_date date,
  ADD COLUMN street text,
  ADD COLUMN building text,
  ADD COLUMN flat text,
  ADD COLUMN postal_code text,
  ADD COLUMN city text,
  ADD COLUMN phone text,
  ADD COLUMN email text,
  ADD COLUMN bank_account text;

CREATE TABLE household_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  first_name text NOT NULL,
  last_name text NOT NULL,
  pesel text,
  birth_date date,
  relation text NOT NULL
);

ALTER TABLE cases
  ADD COLUMN urgent boolean NOT NULL DEFAULT false,
  ADD COLUMN district_id text REFERENCES districts (id),
  ADD COLUMN teams text[] NOT NULL DEFAULT '{}',
  ADD COLUMN closed_at timestamptz;

CREATE TABLE applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  kind text NOT NULL CHECK (kind IN ('written', 'oral', 'third-person-report', 'ex-officio')),
  submitted_on date NOT NULL,
  reasons text[] NOT NULL DEFAULT '{}',
  description text NOT NULL DEFAULT '',
  received_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE interviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  due_on date NOT NULL,
  conducted_on date,
  conducted_by uuid REFERENCES users (id),
  summary text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE income_statements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  income_month text NOT NULL,
  household_size integer NOT NULL CHECK (household_size >= 1),
  household_income_grosze bigint NOT NULL,
  income_per_person_grosze bigint NOT NULL,
  items jsonb NOT NULL DEFAULT '[]',
  computed_at timestamptz NOT NULL DEFAULT now(),
  job_key text UNIQUE
);

CREATE TABLE assistance_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  benefit_type text NOT NULL,
  payout_method text NOT NULL CHECK (payout_method IN ('cash', 'transfer', 'provider', 'in-kind')),
  amount_grosze bigint NOT NULL CHECK (amount_grosze >= 0),
  period_from date NOT NULL,
  period_to date NOT NULL,
  social_contract boolean NOT NULL DEFAULT false,
  prepared_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_to >= period_from)
);

CREATE TABLE decision_number_counters (
  symbol text NOT NULL,
  year integer NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (symbol, year)
);

CREATE TABLE documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid REFERENCES cases (id),
  kind text NOT NULL,
  file_name text NOT NULL,
  media_type text NOT NULL,
  content bytea NOT NULL,
  sha256 text NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_case_idx ON documents (case_id);

CREATE TABLE decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  plan_id uuid REFERENCES assistance_plans (id),
  outcome text NOT NULL CHECK (outcome IN ('grant', 'refuse')),
  number text UNIQUE,
  issued_on date,
  legal_basis text NOT NULL,
  ruling text NOT NULL,
  justification_facts text NOT NULL,
  justification_law text NOT NULL,
  appeal_instruction text NOT NULL,
  immediate_enforceability boolean NOT NULL DEFAULT false,
  prepared_by uuid REFERENCES users (id),
  approved_by uuid REFERENCES users (id),
  signer_name text,
  signer_position text,
  document_id uuid REFERENCES documents (id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'issued', 'delivered', 'final', 'amended', 'revoked')),
  delivered_on date,
  enforceable_on date,
  issue_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- four eyes: whoever prepared the draft never approves it
  CONSTRAINT decisions_four_eyes CHECK (approved_by IS NULL OR prepared_by IS NULL OR approved_by <> prepared_by)
);
CREATE INDEX decisions_case_idx ON decisions (case_id);

CREATE TABLE appeals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  decision_id uuid NOT NULL REFERENCES decisions (id),
  received_on date NOT NULL,
  forward_due_on date NOT NULL,
  forwarded_on date,
  outcome text CHECK (outcome IN ('forwarded', 'amended-by-organ')),
  forward_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payout_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('cash-list', 'bank-transfer')),
  payout_date date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'confirmed')),
  document_id uuid REFERENCES documents (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, payout_date)
);

CREATE TABLE payout_instalments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  decision_id uuid NOT NULL REFERENCES decisions (id),
  instalment_no integer NOT NULL CHECK (instalment_no >= 1),
  month text NOT NULL,
  amount_grosze bigint NOT NULL CHECK (amount_grosze > 0),
  method text NOT NULL CHECK (method IN ('cash', 'transfer', 'provider', 'in-kind')),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'queued', 'paid', 'cancelled')),
  batch_id uuid REFERENCES payout_batches (id),
  paid_at timestamptz,
  confirmed_by uuid REFERENCES users (id),
  -- an instalment exists once per decision and number: a second delivery of the job cannot add another
  UNIQUE (decision_id, instalment_no),
  UNIQUE (decision_id, month)
);
CREATE INDEX payout_instalments_batch_idx ON payout_instalments (batch_id);

CREATE TABLE notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  author_id uuid REFERENCES users (id),
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE outbox_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid REFERENCES cases (id),
  channel text NOT NULL CHECK (channel IN ('letter', 'sms', 'email')),
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  idempotency_key text NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_pending_idx ON outbox_messages (status, created_at);

-- A sample centre (editable without code: these are rows, not constants)
INSERT INTO centres (id, name, short_name, address, organ_name, case_number_pattern, decision_number_pattern) VALUES
  ('mops-przyklad', 'Miejski Ośrodek Pomocy Społecznej w Przykładowie', 'MOPS Przykładowo',
   'ul. Słoneczna 1, 00-001 Przykładowo', 'Dyrektor Miejskiego Ośrodka Pomocy Społecznej w Przykładowie',
   'MOPS.ŚW.5011.{n}.{yyyy}', 'MOPS.ŚW.5111.{n}.{yyyy}');
INSERT INTO departments (id, centre_id, name) VALUES
  ('dzial-pomocy-srodowiskowej', 'mops-przyklad', 'Dział Pomocy Środowiskowej'),
  ('dzial-pomocy-uslugowej', 'mops-przyklad', 'Dział Pomocy Usługowej');
INSERT INTO sites (id, centre_id, name, address, room, opening_hours) VALUES
  ('siedziba', 'mops-przyklad', 'Siedziba główna', 'ul. Słoneczna 1', 'pok. 122',
   '{"pn-pt": "7:30–15:30"}'),
  ('filia-polnoc', 'mops-przyklad', 'Rejonowy Zespół nr 2', 'ul. Leśna 5', 'pok. 3', '{"pn-pt": "7:30–15:30"}');
INSERT INTO teams (id, department_id, role_id, name, site_id) VALUES
  ('pierwszy-kontakt', 'dzial-pomocy-srodowiskowej', 'first-contact', 'Zespół ds. Pierwszego Kontaktu', 'siedziba'),
  ('swiadczenia', 'dzial-pomocy-srodowiskowej', 'benefits', 'Zespół ds. Świadczeń', 'siedziba'),
  ('praca-socjalna', 'dzial-pomocy-srodowiskowej', 'social-work', 'Zespół ds. Pracy Socjalnej', 'siedziba'),
  ('uslugi', 'dzial-pomocy-uslugowej', 'services', 'Zespół ds. Usług', 'siedziba'),
  ('realizacja-swiadczen', 'dzial-pomocy-uslugowej', 'services-admin', 'Zespół Realizacji Świadczeń', 'siedziba'),
  ('przemoc', 'dzial-pomocy-srodowiskowej', 'violence-response', 'Sekcja Pomocy Specjalistycznej', 'siedziba'),
  ('asystenci', 'dzial-pomocy-srodowiskowej', 'family-assistance', 'Zespół Asystentów Rodziny', 'siedziba');
INSERT INTO districts (id, centre_id, name, site_id) VALUES
  ('rejon-1', 'mops-przyklad', 'Rejon 1 — Śródmieście', 'siedziba'),
  ('rejon-2', 'mops-przyklad', 'Rejon 2 — Północ', 'filia-polnoc');
INSERT INTO district_streets (district_id, street) VALUES
  ('rejon-1', 'Słoneczna'), ('rejon-1', 'Rynek'), ('rejon-1', 'Kościuszki'),
  ('rejon-2', 'Leśna'), ('rejon-2', 'Polna'), ('rejon-2', 'Brzozowa');
