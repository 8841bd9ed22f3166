-- The inbox sorted by priority walks this index in order instead of sorting every task the user may see.
CREATE INDEX user_tasks_open_priority_idx ON user_tasks (priority DESC, due_at ASC NULLS LAST, user_task_key)
  WHERE state = 'CREATED';
