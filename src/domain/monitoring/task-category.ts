/** What kind of work a user task is, for the reform's measure (README, "Miara reformy"). */
export const TASK_CATEGORIES = ['administrative', 'social-work', 'other'] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];

export function isTaskCategory(value: unknown): value is TaskCategory {
  return typeof value === 'string' && (TASK_CATEGORIES as readonly string[]).includes(value);
}

/** A task type the classification does not list counts as `other` (nothing is silently called social work). */
export function categoryOf(classification: ReadonlyMap<string, TaskCategory>, taskKey: string): TaskCategory {
  return classification.get(taskKey) ?? 'other';
}
