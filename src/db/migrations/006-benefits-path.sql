-- The benefits path in the case file: what each task wrote is keyed by that task, so a repeated submission
-- (a retry after a lost answer) replaces instead of adding.
ALTER TABLE interviews ADD COLUMN user_task_key text UNIQUE;
ALTER TABLE income_statements ADD COLUMN user_task_key text UNIQUE;
ALTER TABLE decisions ADD COLUMN user_task_key text UNIQUE;
ALTER TABLE decisions ADD COLUMN approval_note text;
ALTER TABLE payout_instalments ADD COLUMN confirmation_task_key text;
