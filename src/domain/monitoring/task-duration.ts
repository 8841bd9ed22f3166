import { invalid } from '../validation';

/** A completed task as the projection has it (user_tasks), with the instants the measure needs. */
export interface CompletedTask {
  createdAt: Date;
  /** When the task got the person who completed it; null when nobody held it before the completion. */
  claimedAt: Date | null;
  /** The front claimed it only to complete it at once: the person never took it before. */
  claimedOnCompletion: boolean;
  completedAt: Date;
}

/**
 * The rule of the measure: a task's working time runs from its claim to its completion; a task that was never
 * claimed (or claimed only by the completion itself) runs from its creation. A claim later than the completion
 * (clock skew between the front and the engine) also falls back to the creation. In seconds, rounded to the nearest
 * whole minute (the front's and the engine's clocks differ by fractions of a second; a measure of working time
 * needs no more).
 */
export function workingSeconds(task: CompletedTask): number {
  const ms = task.completedAt.getTime() - workingStart(task).getTime();
  if (Number.isNaN(ms)) throw invalid('completedAt', 'nieprawidłowy znacznik czasu');
  return Math.max(0, Math.round(ms / 60_000) * 60);
}

/** Where the task's working time starts by the rule of workingSeconds: its claim, or its creation. */
export function workingStart(task: CompletedTask): Date {
  const claimed = task.claimedAt !== null && !task.claimedOnCompletion && task.claimedAt <= task.completedAt;
  return claimed && task.claimedAt ? task.claimedAt : task.createdAt;
}
