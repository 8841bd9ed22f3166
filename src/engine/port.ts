/**
 * The engine port: the one small interface the rest of the code uses to talk to the process engine (Camunda 7 /
 * Operaton REST API). Nothing outside `src/engine/` imports the REST adapter; routes, services, workers and tests
 * get an `EnginePort` from the composition root. Engine ids are opaque strings, never parsed.
 */

/** Plain JSON-like values; the adapter converts them to and from Camunda's typed variables. */
export type EngineVariables = Record<string, unknown>;

export interface StartProcessInput {
  /** BPMN process id (the definition key), e.g. `mops-case`. */
  processKey: string;
  /** The case number (or another stable key) as the business key. */
  businessKey?: string;
  variables?: EngineVariables;
}

export interface StartedProcess {
  processInstanceId: string;
  processDefinitionId: string;
  businessKey?: string;
}

export interface CorrelateMessageInput {
  messageName: string;
  businessKey?: string;
  /** Process variables the waiting execution must have (typed on the wire). */
  correlationKeys?: EngineVariables;
  /** Local variables the waiting execution itself must have (e.g. the instalment a receive task waits for). */
  localCorrelationKeys?: EngineVariables;
  processInstanceId?: string;
  /** Variables set on the process instance when the message is correlated. */
  variables?: EngineVariables;
  /** Correlate with every matching execution (Camunda refuses to choose one of several otherwise). */
  all?: boolean;
}

export interface CorrelationResult {
  /** How many executions / start events received it; 0 never happens — nothing waiting is an EngineError. */
  correlated: number;
  processInstanceIds: string[];
}

export interface EngineTask {
  id: string;
  name: string;
  taskDefinitionKey: string;
  processInstanceId: string;
  processDefinitionId: string;
  assignee: string | null;
  due: string | null;
  priority: number;
  /** Camunda Forms reference (`camunda:formRef`), when the task has one. */
  formRef: string | null;
  created: string;
}

export interface ExternalTaskTopic {
  topicName: string;
  lockDuration: number;
  /** Variables to fetch; undefined fetches all. */
  variables?: string[];
  /** The task's `camunda:properties` come back as `extensionProperties`. */
  includeExtensionProperties?: boolean;
}

export interface FetchAndLockInput {
  workerId: string;
  maxTasks: number;
  /** Long polling: the engine holds the request up to this long when nothing is there. */
  asyncResponseTimeout: number;
  topics: ExternalTaskTopic[];
}

export interface LockedExternalTask {
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
  /** Remaining retries; null before the first failure. */
  retries: number | null;
  variables: EngineVariables;
  extensionProperties: Record<string, string>;
}

export interface ExternalTaskFailure {
  errorMessage: string;
  errorDetails?: string;
  retries: number;
  retryTimeout: number;
}

export interface DeployResource {
  name: string;
  content: string;
}

export interface DeployedDefinition {
  id: string;
  key: string;
  version: number;
  resource: string;
  kind: 'process' | 'decision' | 'form';
}

export interface DeploymentResult {
  deploymentId: string;
  /** Definitions the engine created in this deployment (empty when duplicate filtering found nothing new). */
  deployed: DeployedDefinition[];
}

/** One deployed version of a process or decision, with what runs on it (processes only). */
export interface DefinitionVersion {
  id: string;
  key: string;
  name: string | null;
  version: number;
  kind: 'process' | 'decision';
  deploymentId: string;
  /** When its deployment was made (ISO), if the engine says. */
  deployedAt: string | null;
  /** Process instances running on this version (0 for decisions). */
  runningInstances: number;
  /** Open incidents on this version (0 for decisions). */
  incidents: number;
}

/**
 * One activity of a process version as `GET /process-definition/{id}/statistics?incidents=true` counts it: the
 * executions waiting there now and the open incidents on it (only activities with either appear).
 */
export interface ActivityStatistics {
  /** The activity id (`<id>#multiInstanceBody` for the body of a multi-instance activity). */
  activityId: string;
  /** Executions of running instances at this activity. */
  instances: number;
  /** Failed jobs (retries 0) at this activity. */
  failedJobs: number;
  /** Open incidents of every type at this activity. */
  incidents: number;
}

export interface EngineIncident {
  id: string;
  processInstanceId: string;
  rootProcessInstanceId: string | null;
  activityId: string;
  incidentType: string;
  message: string | null;
  /** External task id for `failedExternalTask`, job id for `failedJob`. */
  configuration: string | null;
  causeIncidentId: string | null;
  rootCauseIncidentId: string | null;
}

export interface HistoricProcessInstance {
  id: string;
  businessKey: string | null;
  processDefinitionKey: string;
  /** ACTIVE, SUSPENDED, COMPLETED, EXTERNALLY_TERMINATED, INTERNALLY_TERMINATED */
  state: string;
  /** The top of its call hierarchy (itself for a root instance). */
  rootProcessInstanceId?: string | null;
}

export interface HistoricTask {
  id: string;
  assignee: string | null;
  endTime: string | null;
  /** `completed` for a completed task, `deleted` (or a reason) when cancelled; null while open. */
  deleteReason: string | null;
}

/** One instruction of a migration plan: the activity of the source version → the activity of the target. */
export interface MigrationInstruction {
  sourceActivityIds: string[];
  targetActivityIds: string[];
  updateEventTrigger?: boolean;
}

/** `POST /migration/generate`'s answer, and what validate and execute take. */
export interface MigrationPlan {
  sourceProcessDefinitionId: string;
  targetProcessDefinitionId: string;
  instructions: MigrationInstruction[];
}

/** `POST /migration/validate`: the engine's failures per instruction and per variable (English, technical). */
export interface MigrationPlanReport {
  instructionReports: { instruction: MigrationInstruction; failures: string[] }[];
  variableReports: { name: string; failures: string[] }[];
}

/** Where a running instance stands: every activity instance and waiting transition (asyncBefore), not the root. */
export interface InstancePosition {
  processInstanceId: string;
  activityIds: string[];
}

/** A migration batch (`POST /migration/executeAsync`) and how far it got. */
export interface BatchProgress {
  id: string;
  totalJobs: number;
  completedJobs: number;
  failedJobs: number;
  /** True once the engine has finished (and removed) the batch. */
  done: boolean;
}

/** What one tenant (a preview) has in the engine: deployments and definitions. */
export interface TenantContents {
  deployments: string[];
  processDefinitions: string[];
  decisionDefinitions: string[];
}

/** An unfinished activity instance from the history (bulk: every instance of a process key). */
export interface OpenActivity {
  processKey: string;
  processInstanceId: string;
  rootProcessInstanceId: string | null;
  activityId: string;
  activityName: string | null;
  activityType: string;
}

export interface EngineHealth {
  ready: boolean;
  version?: string;
  detail: string;
}

export interface EnginePort {
  readonly restUrl: string;

  health(): Promise<EngineHealth>;

  deploy(
    resources: DeployResource[],
    options?: {
      deploymentName?: string;
      duplicateFiltering?: boolean;
      /** A deployment of its own tenant (a preview): processes without a tenant never resolve its definitions. */
      tenantId?: string;
    },
  ): Promise<DeploymentResult>;
  /** `DELETE /deployment/{id}` with `cascade=true` (its instances and history go too); absent is no error. */
  deleteDeployment(deploymentId: string): Promise<void>;
  /** Deployments and definitions of one tenant (what a preview left behind: nothing, once it is done). */
  tenantContents(tenantId: string): Promise<TenantContents>;
  processDiagramXml(processDefinitionId: string): Promise<string>;
  /** Every deployed version of every process and decision, oldest first within a key. */
  definitionVersions(): Promise<DefinitionVersion[]>;
  /** Where the running instances of one process version are, with the open incidents per activity. */
  activityStatistics(processDefinitionId: string): Promise<ActivityStatistics[]>;
  /** `POST /decision-definition/key/{key}/evaluate`: one map of output name → value per matched rule. */
  evaluateDecision(
    decisionKey: string,
    variables: EngineVariables,
    options?: { tenantId?: string },
  ): Promise<EngineVariables[]>;

  /** `POST /migration/generate`: the engine's mapping of equal activities between two versions. */
  generateMigration(input: {
    sourceProcessDefinitionId: string;
    targetProcessDefinitionId: string;
    updateEventTriggers: boolean;
  }): Promise<MigrationPlan>;
  /** `POST /migration/validate`: what in the plan the engine refuses (no instance is touched). */
  validateMigration(plan: MigrationPlan): Promise<MigrationPlanReport>;
  /** `POST /migration/execute` (synchronous) or `executeAsync` (a batch, its id returned). */
  executeMigration(
    plan: MigrationPlan,
    processInstanceIds: string[],
    options?: { async?: boolean },
  ): Promise<{ batchId: string | null }>;
  batchProgress(batchId: string): Promise<BatchProgress | undefined>;
  /** The running instances of one definition version (`GET /process-instance?processDefinitionId=`). */
  runningInstances(processDefinitionId: string): Promise<{ id: string; businessKey: string | null }[]>;
  /** Where each of these instances stands (its activity instance tree, flattened). */
  instancePositions(processInstanceIds: string[]): Promise<InstancePosition[]>;
  /** Unfinished activities of every instance of these process keys (history query, one call). */
  openActivities(processKeys: string[]): Promise<OpenActivity[]>;

  startProcess(input: StartProcessInput): Promise<StartedProcess>;
  correlateMessage(input: CorrelateMessageInput): Promise<CorrelationResult>;
  processVariables(processInstanceId: string): Promise<EngineVariables>;
  setProcessVariables(processInstanceId: string, variables: EngineVariables): Promise<void>;
  deleteProcessInstance(processInstanceId: string, reason?: string): Promise<void>;
  /** Running and ended instances (history query, `POST /history/process-instance`); used to make commands idempotent. */
  findProcessInstances(query: {
    processKey?: string;
    /** Any of these process keys. */
    processKeys?: string[];
    /** Only these instances. */
    processInstanceIds?: string[];
    businessKey?: string;
    variableEquals?: { name: string; value: string };
    /** Only instances still running (the engine's own answer, ahead of the event feed). */
    unfinished?: boolean;
  }): Promise<HistoricProcessInstance[]>;

  task(taskId: string): Promise<EngineTask | undefined>;
  claimTask(taskId: string, userId: string): Promise<void>;
  unclaimTask(taskId: string): Promise<void>;
  assignTask(taskId: string, userId: string | null): Promise<void>;
  completeTask(taskId: string, variables?: EngineVariables): Promise<void>;
  /** `GET /history/task?taskId=…`: how an (open or ended) task ended; undefined when the engine never had it. */
  historicTask(taskId: string): Promise<HistoricTask | undefined>;
  /** The Camunda Forms JSON of the task's `camunda:formRef`, verbatim; undefined when it has none. */
  deployedForm(taskId: string): Promise<string | undefined>;

  incidents(filter: {
    rootProcessInstanceId?: string;
    processInstanceId?: string;
  }): Promise<EngineIncident[]>;
  setExternalTaskRetries(externalTaskId: string, retries: number): Promise<void>;
  setJobRetries(jobId: string, retries: number): Promise<void>;

  fetchAndLock(input: FetchAndLockInput, signal?: AbortSignal): Promise<LockedExternalTask[]>;
  completeExternalTask(
    taskId: string,
    workerId: string,
    variables?: EngineVariables,
    localVariables?: EngineVariables,
  ): Promise<void>;
  handleBpmnError(
    taskId: string,
    workerId: string,
    errorCode: string,
    errorMessage: string,
    variables?: EngineVariables,
  ): Promise<void>;
  handleFailure(taskId: string, workerId: string, failure: ExternalTaskFailure): Promise<void>;
  extendLock(taskId: string, workerId: string, newDuration: number): Promise<void>;
}
