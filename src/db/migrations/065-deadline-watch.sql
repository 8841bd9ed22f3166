-- Managers' deadlines (/monitoring/terminy): the open tasks of one element (family-interview, notify-delay, …) due
-- before an instant — counted (late / near) and listed the most late first — without visiting every open task.
CREATE INDEX user_tasks_open_element_due_idx ON user_tasks (element_id, due_at) WHERE state = 'CREATED';
-- Workload: tasks completed in a period (per person and per team).
CREATE INDEX user_tasks_completed_at_idx ON user_tasks (updated_at) WHERE state = 'COMPLETED';
