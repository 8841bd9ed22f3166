-- The reform's measure (README, "Miara reformy"): when a person took a task and when it was completed, on the task
-- projection, and the classification of every user task of the model (administrative step / social work / other)
-- as data the process owners change on /monitoring/reforma/klasyfikacja.

-- claimed_at: when the task got the assignee it has now (NULL while nobody holds it); completed_at: when it was
-- completed (the feed's event time). claimed_on_completion: the front claimed it only to complete it at once (the
-- person never took it before), so its working time runs from its creation, not from that claim.
ALTER TABLE user_tasks
  ADD COLUMN claimed_at timestamptz,
  ADD COLUMN completed_at timestamptz,
  ADD COLUMN claimed_on_completion boolean NOT NULL DEFAULT false;
-- tasks completed before this migration: the last change of a completed task is its completion
UPDATE user_tasks SET completed_at = updated_at WHERE state = 'COMPLETED';
CREATE INDEX user_tasks_completed_idx ON user_tasks (completed_at) WHERE state = 'COMPLETED';

CREATE TABLE task_classifications (
  -- the BPMN task definition key (the user task's element id; the same id in several processes is one type)
  task_key text PRIMARY KEY,
  category text NOT NULL CHECK (category IN ('administrative', 'social-work', 'other')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id)
);

-- every user task of the model (bpmn/README.md, "Zadania ludzi"); proceedings, decisions and payouts are
-- administrative, diagnosis, plans, contracts and reviews are social work, organisation is other
INSERT INTO task_classifications (task_key, category) VALUES
  -- mops-case
  ('receive-application', 'administrative'),
  ('review-duplicate', 'administrative'),
  ('route-manually', 'administrative'),
  ('verify-report', 'social-work'),
  ('urgent-intervention', 'social-work'),
  -- mops-benefits, mops-services, mops-decision (notify-delay is in all three)
  ('family-interview', 'social-work'),
  ('notify-delay', 'administrative'),
  ('review-overdue-interview', 'administrative'),
  ('services-assessment', 'social-work'),
  ('family-fee-agreement', 'administrative'),
  ('arrange-dps-placement', 'administrative'),
  ('organise-services', 'administrative'),
  ('prepare-decision', 'administrative'),
  ('approve-decision', 'administrative'),
  ('review-appeal', 'administrative'),
  -- mops-benefit-recovery
  ('decide-benefit-recovery', 'administrative'),
  -- mops-payout
  ('correct-payout-details', 'administrative'),
  ('hand-out-payout-slip', 'administrative'),
  ('confirm-cash-payout', 'administrative'),
  ('hand-over-in-kind', 'administrative'),
  -- mops-social-work
  ('social-diagnosis', 'social-work'),
  ('social-work-plan', 'social-work'),
  ('monthly-review', 'social-work'),
  ('close-social-work', 'social-work'),
  -- mops-family-assistance
  ('assign-family-assistant', 'other'),
  ('family-work-plan', 'social-work'),
  ('periodic-family-review', 'social-work'),
  ('close-family-assistance', 'social-work'),
  -- mops-violence-response
  ('receive-direct-report', 'social-work'),
  ('transfer-to-team', 'administrative'),
  ('form-diagnostic-group', 'other'),
  ('first-group-meeting', 'social-work'),
  ('help-plan', 'social-work'),
  ('monitor-family', 'social-work'),
  ('close-blue-card', 'administrative');
