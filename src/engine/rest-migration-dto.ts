import type { MigrationInstruction, MigrationPlan, MigrationPlanReport } from './port';

/** The parts of Camunda 7's migration, batch and activity-instance answers the adapter reads. */
export interface MigrationPlanReportDto {
  instructionReports?: { instruction: MigrationInstruction; failures?: string[] | null }[] | null;
  variableReports?: Record<string, { failures?: string[] | null }> | null;
}

export interface BatchStatisticsDto {
  id: string;
  totalJobs: number;
  completedJobs: number;
  failedJobs: number;
  remainingJobs: number;
}

export interface ActivityInstanceDto {
  id: string;
  activityId: string;
  childActivityInstances?: ActivityInstanceDto[] | null;
  childTransitionInstances?: { activityId: string }[] | null;
}

export interface HistoricActivityDto {
  processDefinitionKey: string;
  processInstanceId: string;
  rootProcessInstanceId?: string | null;
  activityId: string;
  activityName?: string | null;
  activityType: string;
}

export function toMigrationPlan(dto: MigrationPlan): MigrationPlan {
  return {
    sourceProcessDefinitionId: dto.sourceProcessDefinitionId,
    targetProcessDefinitionId: dto.targetProcessDefinitionId,
    instructions: (dto.instructions ?? []).map((i) => ({
      sourceActivityIds: i.sourceActivityIds,
      targetActivityIds: i.targetActivityIds,
      updateEventTrigger: i.updateEventTrigger ?? false,
    })),
  };
}

export function toMigrationPlanReport(dto: MigrationPlanReportDto | undefined): MigrationPlanReport {
  return {
    instructionReports: (dto?.instructionReports ?? [])
      .map((r) => ({ instruction: r.instruction, failures: r.failures ?? [] }))
      .filter((r) => r.failures.length > 0),
    variableReports: Object.entries(dto?.variableReports ?? {})
      .map(([name, r]) => ({ name, failures: r.failures ?? [] }))
      .filter((r) => r.failures.length > 0),
  };
}

/** Every activity (scopes included) and waiting transition of an instance's tree, without the instance itself. */
export function activityIdsOf(root: ActivityInstanceDto): string[] {
  const ids: string[] = [];
  const visit = (node: ActivityInstanceDto, isRoot: boolean) => {
    if (!isRoot) ids.push(node.activityId);
    for (const t of node.childTransitionInstances ?? []) ids.push(t.activityId);
    for (const child of node.childActivityInstances ?? []) visit(child, false);
  };
  visit(root, true);
  return [...new Set(ids)];
}
