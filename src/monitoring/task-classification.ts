import type { User } from '../auth/users';
import type { Database, Queryable } from '../db/database';
import { isTaskCategory, type TaskCategory } from '../domain/monitoring/task-category';
import { AppError } from '../errors/app-error';

export interface ClassifiedTaskType {
  taskKey: string;
  /** The diagram's name of the task (the first one found; the same id is one type in every process). */
  name: string;
  category: TaskCategory;
  updatedAt: string;
  updatedBy: string | null;
}

/** The classification the reform's measure reads (task_classifications, seeded by migration 070). */
export async function loadClassification(db: Queryable): Promise<Map<string, TaskCategory>> {
  const rows = await db.query<{ task_key: string; category: string }>(
    'SELECT task_key, category FROM task_classifications',
  );
  return new Map(
    rows
      .filter((row) => isTaskCategory(row.category))
      .map((row) => [row.task_key, row.category as TaskCategory]),
  );
}

export async function listClassification(db: Queryable): Promise<ClassifiedTaskType[]> {
  const rows = await db.query<{
    task_key: string;
    name: string | null;
    category: TaskCategory;
    updated_at: Date;
    updated_by: string | null;
  }>(
    `SELECT k.task_key, k.category, k.updated_at, u.display_name AS updated_by,
            (SELECT e.name FROM process_elements e WHERE e.element_id = k.task_key ORDER BY e.bpmn_process_id LIMIT 1) AS name
       FROM task_classifications k LEFT JOIN users u ON u.id = k.updated_by
      ORDER BY k.task_key`,
  );
  return rows.map((row) => ({
    taskKey: row.task_key,
    name: row.name ?? row.task_key,
    category: row.category,
    updatedAt: new Date(row.updated_at).toISOString(),
    updatedBy: row.updated_by,
  }));
}

/**
 * A process owner's change of the classification: every key must be a listed task type and every value a
 * category (400 naming the field otherwise); each changed type is written with who and when and one audit row
 * (from → to). Returns the keys that changed.
 */
export async function changeClassification(
  db: Database,
  user: User,
  changes: Record<string, string>,
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const current = await loadClassification(tx);
    for (const [key, value] of Object.entries(changes)) {
      if (!current.has(key))
        throw new AppError({ code: 'validation', field: key, message: `Nie ma typu zadania ${key}.` });
      if (!isTaskCategory(value))
        throw new AppError({
          code: 'validation',
          field: key,
          message: `Pole „${key}”: kategoria administrative, social-work albo other.`,
        });
    }
    const changed: string[] = [];
    for (const [key, value] of Object.entries(changes)) {
      const before = current.get(key);
      if (before === value) continue;
      await tx.query(
        'UPDATE task_classifications SET category = $2, updated_at = now(), updated_by = $3 WHERE task_key = $1',
        [key, value, user.id],
      );
      await tx.query(
        `INSERT INTO audit_log (user_id, action, entity, entity_id, details)
         VALUES ($1, 'task-classification-changed', 'task-classification', $2, $3)`,
        [user.id, key, JSON.stringify({ from: before, to: value })],
      );
      changed.push(key);
    }
    return changed;
  });
}
