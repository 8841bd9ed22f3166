import type {
  ActivityStatistics,
  DefinitionVersion,
  DeployedDefinition,
  DeploymentResult,
  EngineIncident,
  EngineTask,
  LockedExternalTask,
} from './port';
import { engineDateToIso, fromTypedVariables, type TypedValue } from './variables';

/** The parts of Camunda 7's REST answers the adapter reads (the engine sends more). */
export interface TaskDto {
  id: string;
  name: string | null;
  taskDefinitionKey: string;
  processInstanceId: string;
  processDefinitionId: string;
  assignee: string | null;
  due: string | null;
  priority: number;
  created: string;
  camundaFormRef?: { key?: string | null } | null;
}

export interface LockedExternalTaskDto {
  id: string;
  topicName: string;
  workerId: string;
  processInstanceId: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  activityId: string;
  activityInstanceId: string;
  executionId: string;
  businessKey: string | null;
  retries: number | null;
  variables?: Record<string, TypedValue> | null;
  extensionProperties?: Record<string, string> | null;
}

export interface IncidentDto {
  id: string;
  processInstanceId: string;
  rootProcessInstanceId?: string | null;
  activityId: string;
  incidentType: string;
  incidentMessage: string | null;
  configuration: string | null;
  causeIncidentId: string | null;
  rootCauseIncidentId: string | null;
}

interface DefinitionDto {
  id: string;
  key: string;
  version: number;
  resource: string;
}

export interface DeploymentDto {
  id: string;
  deployedProcessDefinitions?: Record<string, DefinitionDto> | null;
  deployedDecisionDefinitions?: Record<string, DefinitionDto> | null;
}

export interface CorrelationResultDto {
  resultType: 'Execution' | 'ProcessDefinition';
  execution?: { processInstanceId: string } | null;
  processInstance?: { id: string } | null;
}

export function toEngineTask(dto: TaskDto): EngineTask {
  return {
    id: dto.id,
    name: dto.name ?? dto.taskDefinitionKey,
    taskDefinitionKey: dto.taskDefinitionKey,
    processInstanceId: dto.processInstanceId,
    processDefinitionId: dto.processDefinitionId,
    assignee: dto.assignee,
    due: dto.due ? engineDateToIso(dto.due) : null,
    priority: dto.priority,
    formRef: dto.camundaFormRef?.key ?? null,
    created: engineDateToIso(dto.created),
  };
}

export function toLockedTask(dto: LockedExternalTaskDto): LockedExternalTask {
  return {
    id: dto.id,
    topicName: dto.topicName,
    workerId: dto.workerId,
    processInstanceId: dto.processInstanceId,
    processDefinitionKey: dto.processDefinitionKey,
    processDefinitionId: dto.processDefinitionId,
    activityId: dto.activityId,
    activityInstanceId: dto.activityInstanceId,
    executionId: dto.executionId,
    businessKey: dto.businessKey,
    retries: dto.retries,
    variables: fromTypedVariables(dto.variables),
    extensionProperties: dto.extensionProperties ?? {},
  };
}

export function toIncident(dto: IncidentDto): EngineIncident {
  return {
    id: dto.id,
    processInstanceId: dto.processInstanceId,
    rootProcessInstanceId: dto.rootProcessInstanceId ?? null,
    activityId: dto.activityId,
    incidentType: dto.incidentType,
    message: dto.incidentMessage,
    configuration: dto.configuration,
    causeIncidentId: dto.causeIncidentId,
    rootCauseIncidentId: dto.rootCauseIncidentId,
  };
}

export function toDeploymentResult(dto: DeploymentDto): DeploymentResult {
  const definitions = (
    map: Record<string, DefinitionDto> | null | undefined,
    kind: DeployedDefinition['kind'],
  ): DeployedDefinition[] =>
    Object.values(map ?? {}).map((d) => ({
      id: d.id,
      key: d.key,
      version: d.version,
      resource: d.resource,
      kind,
    }));
  return {
    deploymentId: dto.id,
    deployed: [
      ...definitions(dto.deployedProcessDefinitions, 'process'),
      // Camunda 7.24 deploys forms but does not list them in this answer (measured), so no 'form' entries
      ...definitions(dto.deployedDecisionDefinitions, 'decision'),
    ],
  };
}

export function correlatedInstances(results: CorrelationResultDto[]): string[] {
  const ids = results.flatMap((r) => {
    const id = r.execution?.processInstanceId ?? r.processInstance?.id;
    return id ? [id] : [];
  });
  return [...new Set(ids)];
}

/** A process or decision definition as `GET /process-definition` and `GET /decision-definition` list it. */
export interface ProcessDefinitionDto {
  id: string;
  key: string;
  name: string | null;
  version: number;
  deploymentId: string;
}

/** `GET /process-definition/statistics?incidents=true`: instances and incidents per definition. */
export interface ProcessStatisticsDto {
  id: string;
  instances: number;
  incidents?: { incidentType: string; incidentCount: number }[];
}

/** `GET /process-definition/{id}/statistics?incidents=true`: one entry per activity with instances or incidents. */
export interface ActivityStatisticsDto {
  id: string;
  instances: number;
  failedJobs?: number;
  incidents?: { incidentType: string; incidentCount: number }[];
}

export function toActivityStatistics(dto: ActivityStatisticsDto): ActivityStatistics {
  return {
    activityId: dto.id,
    instances: dto.instances,
    failedJobs: dto.failedJobs ?? 0,
    incidents: (dto.incidents ?? []).reduce((sum, i) => sum + i.incidentCount, 0),
  };
}

export interface DeploymentListDto {
  id: string;
  deploymentTime: string | null;
}

export function toDefinitionVersions(answers: {
  processes: ProcessDefinitionDto[];
  stats: ProcessStatisticsDto[];
  decisions: ProcessDefinitionDto[];
  deployments: DeploymentListDto[];
}): DefinitionVersion[] {
  const stats = new Map(answers.stats.map((s) => [s.id, s]));
  const deployedAt = new Map(answers.deployments.map((d) => [d.id, d.deploymentTime]));
  const version = (d: ProcessDefinitionDto, kind: DefinitionVersion['kind']): DefinitionVersion => {
    const stat = kind === 'process' ? stats.get(d.id) : undefined;
    const time = deployedAt.get(d.deploymentId);
    return {
      id: d.id,
      key: d.key,
      name: d.name,
      version: d.version,
      kind,
      deploymentId: d.deploymentId,
      deployedAt: time ? engineDateToIso(time) : null,
      runningInstances: stat?.instances ?? 0,
      incidents: (stat?.incidents ?? []).reduce((sum, i) => sum + i.incidentCount, 0),
    };
  };
  return [
    ...answers.processes.map((d) => version(d, 'process')),
    ...answers.decisions.map((d) => version(d, 'decision')),
  ].sort((a, b) => a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key) || a.version - b.version);
}
