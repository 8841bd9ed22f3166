-- Process owners edit diagrams, decision tables and forms in the browser. Saving stores a draft (the whole file, the
-- version it started from, the lint findings of that save); a draft goes live only when its checks are clean and a
-- SECOND process owner approved it (four eyes, enforced here as for account changes in 050). Every deployment is
-- recorded: who drafted, who approved, who deployed, when, the diff summary and the engine's new versions; its file
-- stays downloadable byte for byte (bpmn/ in the repository is brought up to date from it).
CREATE TABLE model_drafts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resource_name text NOT NULL CHECK (resource_name ~ '^[a-z0-9][a-z0-9-]*\.(bpmn|dmn|form)$'),
  content text NOT NULL,
  -- what the draft started from: that file's content (null for a new file), its sha256, the engine versions it carried
  base_content text,
  base_sha256 text CHECK (base_sha256 IS NULL OR base_sha256 ~ '^[0-9a-f]{64}$'),
  base_versions jsonb NOT NULL DEFAULT '[]',
  author uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  saved_at timestamptz NOT NULL DEFAULT now(),
  findings jsonb NOT NULL DEFAULT '[]',
  clean boolean NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'deployed', 'discarded')),
  approved_by uuid REFERENCES users (id),
  approved_at timestamptz,
  -- four eyes, enforced by the database too
  CHECK (approved_by IS NULL OR approved_by <> author),
  CHECK ((status IN ('approved', 'deployed')) = (approved_by IS NOT NULL)),
  CHECK (status NOT IN ('approved', 'deployed') OR clean)
);
CREATE INDEX model_drafts_resource_idx ON model_drafts (resource_name, saved_at DESC);

CREATE TABLE model_deployments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  draft_id uuid NOT NULL UNIQUE REFERENCES model_drafts (id),
  resource_name text NOT NULL,
  content text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  drafted_by uuid NOT NULL REFERENCES users (id),
  approved_by uuid NOT NULL REFERENCES users (id),
  deployed_by uuid NOT NULL REFERENCES users (id),
  deployed_at timestamptz NOT NULL DEFAULT now(),
  engine_deployment_id text NOT NULL,
  -- the engine's new definitions: [{ key, version, kind, id }]
  versions jsonb NOT NULL,
  -- what changed against the base: { added, removed, changed, layoutChanged } (ids) or DMN rules
  diff_summary jsonb NOT NULL,
  CHECK (approved_by <> drafted_by)
);
CREATE INDEX model_deployments_resource_idx ON model_deployments (resource_name, deployed_at DESC);
