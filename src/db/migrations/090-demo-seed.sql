-- The demo data's marker (src/demo/): written when the seeder starts, so a second `npm start` (or a second
-- `npm run demo:seed`) seeds nothing again, even after a seeding that stopped halfway.
CREATE TABLE demo_seed_runs (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  cases integer NOT NULL DEFAULT 0,
  failed integer NOT NULL DEFAULT 0
);

-- The cases the seeder made and the stage each was driven to (for the seeder's test and its summary).
CREATE TABLE demo_seed_cases (
  process_instance_key text PRIMARY KEY,
  scenario text NOT NULL,
  stage text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
