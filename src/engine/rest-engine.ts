import type { Logger } from '../logger';
import { EngineError, isEngineError } from './engine-errors';
import type {
  EngineHealth,
  EnginePort,
  EngineVariables,
  HistoricProcessInstance,
  HistoricTask,
} from './port';
import {
  correlatedInstances,
  toDeploymentResult,
  toEngineTask,
  toIncident,
  toLockedTask,
  toDefinitionVersions,
  toActivityStatistics,
  type ActivityStatisticsDto,
  type CorrelationResultDto,
  type DeploymentListDto,
  type ProcessDefinitionDto,
  type ProcessStatisticsDto,
  type DeploymentDto,
  type IncidentDto,
  type LockedExternalTaskDto,
  type TaskDto,
} from './rest-dto';
import { createRestHttp } from './rest-http';
import { restMigrationMethods } from './rest-migration';
import { fromTypedVariables, toTypedVariables, type TypedValue } from './variables';

export interface RestEngineOptions {
  /** The REST root, e.g. `http://127.0.0.1:8080/engine-rest` (Camunda 7 or Operaton). */
  restUrl: string;
  user: string;
  password: string;
  log: Logger;
  fetch?: typeof fetch;
  /** Timeout of an ordinary call (not a long poll); default 30 s. */
  timeoutMs?: number;
}

/** How much longer than the engine's long-poll timeout a fetchAndLock may take before we call the engine gone. */
const POLL_GRACE_MS = 10_000;

/**
 * The engine port over Camunda 7's REST API with Node's fetch (no SDK). Typed values are converted by
 * `variables.ts`; failures are EngineErrors (`engine-errors.ts`).
 */
export function createRestEngine(options: RestEngineOptions): EnginePort {
  const http = createRestHttp(options);
  const restUrl = options.restUrl.replace(/\/+$/, '');
  const json = (value: unknown) => ({ json: value, answer: 'none' as const });

  return {
    restUrl,

    async health(): Promise<EngineHealth> {
      try {
        const engines = await http<{ name: string }[]>('GET', '/engine', { timeoutMs: 2000 });
        const { version } = await http<{ version: string }>('GET', '/version', { timeoutMs: 2000 });
        const names = engines.map((e) => e.name).join(', ');
        return { ready: engines.length > 0, version, detail: `silniki: ${names || 'brak'}` };
      } catch (error) {
        return { ready: false, detail: isEngineError(error) ? error.message : String(error) };
      }
    },

    async deploy(resources, deployOptions = {}) {
      const form = new FormData();
      const filtering = String(deployOptions.duplicateFiltering ?? true);
      form.set('deployment-name', deployOptions.deploymentName ?? 'mops-flow');
      form.set('deployment-source', 'mops-flow');
      form.set('enable-duplicate-filtering', filtering);
      form.set('deploy-changed-only', filtering);
      if (deployOptions.tenantId) form.set('tenant-id', deployOptions.tenantId);
      for (const resource of resources) {
        form.set(
          resource.name,
          new Blob([resource.content], { type: 'application/octet-stream' }),
          resource.name,
        );
      }
      const dto = await http<DeploymentDto>('POST', '/deployment/create', { form, timeoutMs: 120_000 });
      return toDeploymentResult(dto);
    },

    async definitionVersions() {
      const [processes, stats, decisions, deployments] = await Promise.all([
        http<ProcessDefinitionDto[]>('GET', '/process-definition', {
          query: { sortBy: 'key', sortOrder: 'asc', maxResults: 10_000 },
        }),
        http<ProcessStatisticsDto[]>('GET', '/process-definition/statistics', { query: { incidents: true } }),
        http<ProcessDefinitionDto[]>('GET', '/decision-definition', {
          query: { sortBy: 'key', sortOrder: 'asc', maxResults: 10_000 },
        }),
        http<DeploymentListDto[]>('GET', '/deployment', { query: { maxResults: 10_000 } }),
      ]);
      return toDefinitionVersions({ processes, stats, decisions, deployments });
    },

    async activityStatistics(processDefinitionId) {
      const dtos = await http<ActivityStatisticsDto[]>('GET', '/process-definition/{id}/statistics', {
        params: { id: processDefinitionId },
        query: { incidents: true },
      });
      return dtos.map(toActivityStatistics);
    },

    async processDiagramXml(processDefinitionId) {
      const dto = await http<{ bpmn20Xml: string }>('GET', '/process-definition/{id}/xml', {
        params: { id: processDefinitionId },
      });
      return dto.bpmn20Xml;
    },

    async deleteDeployment(deploymentId) {
      await http('DELETE', '/deployment/{id}', {
        params: { id: deploymentId },
        query: { cascade: true, skipCustomListeners: true, skipIoMappings: true },
        answer: 'none',
      }).catch((error: unknown) => {
        if (!isEngineError(error, 'not-found')) throw error;
      });
    },

    async tenantContents(tenantId) {
      const query = { tenantIdIn: tenantId, maxResults: 10_000 };
      const [deployments, processes, decisions] = await Promise.all([
        http<{ id: string }[]>('GET', '/deployment', { query }),
        http<{ id: string }[]>('GET', '/process-definition', { query }),
        http<{ id: string }[]>('GET', '/decision-definition', { query }),
      ]);
      return {
        deployments: deployments.map((d) => d.id),
        processDefinitions: processes.map((d) => d.id),
        decisionDefinitions: decisions.map((d) => d.id),
      };
    },

    async evaluateDecision(decisionKey, variables, evaluateOptions = {}) {
      const tenant = evaluateOptions.tenantId;
      const results = await http<Record<string, TypedValue>[]>(
        'POST',
        tenant
          ? '/decision-definition/key/{key}/tenant-id/{tenant}/evaluate'
          : '/decision-definition/key/{key}/evaluate',
        {
          params: tenant ? { key: decisionKey, tenant } : { key: decisionKey },
          json: { variables: toTypedVariables(variables) },
        },
      );
      return results.map(fromTypedVariables);
    },

    ...restMigrationMethods(http),

    async startProcess(input) {
      const dto = await http<{ id: string; definitionId: string; businessKey: string | null }>(
        'POST',
        '/process-definition/key/{key}/start',
        {
          params: { key: input.processKey },
          json: { businessKey: input.businessKey, variables: toTypedVariables(input.variables) },
        },
      );
      return {
        processInstanceId: dto.id,
        processDefinitionId: dto.definitionId,
        businessKey: dto.businessKey ?? undefined,
      };
    },

    async correlateMessage(input) {
      const results = await http<CorrelationResultDto[]>('POST', '/message', {
        json: {
          messageName: input.messageName,
          businessKey: input.businessKey,
          processInstanceId: input.processInstanceId,
          correlationKeys: input.correlationKeys ? toTypedVariables(input.correlationKeys) : undefined,
          localCorrelationKeys: input.localCorrelationKeys
            ? toTypedVariables(input.localCorrelationKeys)
            : undefined,
          processVariables: input.variables ? toTypedVariables(input.variables) : undefined,
          all: input.all ?? false,
          resultEnabled: true,
        },
      });
      // with `all` the engine answers 200 [] when nothing waits (measured); one message is refused with a 400
      if (results.length === 0)
        throw new EngineError({
          code: 'message-not-correlated',
          operation: 'POST /message',
          status: 200,
          message: `Cannot correlate message '${input.messageName}': No process definition or execution matches the parameters (all)`,
        });
      return { correlated: results.length, processInstanceIds: correlatedInstances(results) };
    },

    async processVariables(processInstanceId) {
      const typed = await http<Record<string, TypedValue>>('GET', '/process-instance/{id}/variables', {
        params: { id: processInstanceId },
        query: { deserializeValues: false },
      });
      return fromTypedVariables(typed);
    },

    async setProcessVariables(processInstanceId, variables) {
      await http('POST', '/process-instance/{id}/variables', {
        params: { id: processInstanceId },
        ...json({ modifications: toTypedVariables(variables) }),
      });
    },

    async deleteProcessInstance(processInstanceId, reason) {
      // the single-instance DELETE takes no reason; it goes to our log instead
      options.log.info('Usuwam instancję procesu', { processInstanceKey: processInstanceId, reason });
      await http('DELETE', '/process-instance/{id}', {
        params: { id: processInstanceId },
        query: { failIfNotExists: false },
        answer: 'none',
      });
    },

    async findProcessInstances(query) {
      const dtos = await http<HistoricProcessInstance[]>('POST', '/history/process-instance', {
        json: {
          processDefinitionKey: query.processKey,
          processDefinitionKeyIn: query.processKeys,
          processInstanceIds: query.processInstanceIds,
          processInstanceBusinessKey: query.businessKey,
          variables: query.variableEquals ? [{ ...query.variableEquals, operator: 'eq' }] : undefined,
          unfinished: query.unfinished,
        },
      });
      return dtos.map((d) => ({
        id: d.id,
        businessKey: d.businessKey,
        processDefinitionKey: d.processDefinitionKey,
        state: d.state,
        rootProcessInstanceId: d.rootProcessInstanceId ?? null,
      }));
    },

    async task(taskId) {
      try {
        return toEngineTask(await http<TaskDto>('GET', '/task/{id}', { params: { id: taskId } }));
      } catch (error) {
        if (isEngineError(error, 'not-found')) return undefined;
        throw error;
      }
    },

    async claimTask(taskId, userId) {
      await http('POST', '/task/{id}/claim', { params: { id: taskId }, ...json({ userId }) });
    },

    async unclaimTask(taskId) {
      await http('POST', '/task/{id}/unclaim', { params: { id: taskId }, answer: 'none' });
    },

    async assignTask(taskId, userId) {
      await http('POST', '/task/{id}/assignee', { params: { id: taskId }, ...json({ userId }) });
    },

    async completeTask(taskId, variables) {
      await http('POST', '/task/{id}/complete', {
        params: { id: taskId },
        ...json({ variables: toTypedVariables(variables) }),
      });
    },

    async historicTask(taskId) {
      const [dto] = await http<HistoricTask[]>('GET', '/history/task', { query: { taskId } });
      return dto
        ? { id: dto.id, assignee: dto.assignee, endTime: dto.endTime, deleteReason: dto.deleteReason }
        : undefined;
    },

    async deployedForm(taskId) {
      try {
        return await http<string>('GET', '/task/{id}/deployed-form', {
          params: { id: taskId },
          answer: 'text',
        });
      } catch (error) {
        // a task without a form: 400 "One of the attributes 'formKey' and 'camunda:formRef' must be supplied…"
        if (isEngineError(error, 'invalid') && /formRef/.test(error.message)) return undefined;
        throw error;
      }
    },

    async incidents(filter) {
      if (filter.rootProcessInstanceId) {
        // the runtime query has no root filter; the history one has (open incidents only), checked here too
        const root = filter.rootProcessInstanceId;
        const dtos = await http<(IncidentDto & { open?: boolean })[]>('GET', '/history/incident', {
          query: { rootProcessInstanceId: root, processInstanceId: filter.processInstanceId, open: true },
        });
        return dtos.filter((d) => d.rootProcessInstanceId === root).map(toIncident);
      }
      const dtos = await http<IncidentDto[]>('GET', '/incident', {
        query: { processInstanceId: filter.processInstanceId },
      });
      return dtos.map(toIncident);
    },

    async setExternalTaskRetries(externalTaskId, retries) {
      await http('PUT', '/external-task/{id}/retries', {
        params: { id: externalTaskId },
        ...json({ retries }),
      });
    },

    async setJobRetries(jobId, retries) {
      await http('PUT', '/job/{id}/retries', { params: { id: jobId }, ...json({ retries }) });
    },

    async fetchAndLock(input, signal) {
      try {
        const dtos = await http<LockedExternalTaskDto[]>('POST', '/external-task/fetchAndLock', {
          json: {
            workerId: input.workerId,
            maxTasks: input.maxTasks,
            usePriority: true,
            asyncResponseTimeout: input.asyncResponseTimeout,
            topics: input.topics.map((topic) => ({
              topicName: topic.topicName,
              lockDuration: topic.lockDuration,
              variables: topic.variables,
              includeExtensionProperties: topic.includeExtensionProperties ?? false,
              deserializeValues: false,
            })),
          },
          signal,
          timeoutMs: input.asyncResponseTimeout + POLL_GRACE_MS,
        });
        return dtos.map(toLockedTask);
      } catch (error) {
        // stop() aborts a parked poll: nothing was handed to us, so nothing to hand back
        if (signal?.aborted) return [];
        throw error;
      }
    },

    async completeExternalTask(taskId, workerId, variables, localVariables) {
      await http('POST', '/external-task/{id}/complete', {
        params: { id: taskId },
        ...json({
          workerId,
          variables: toTypedVariables(variables),
          localVariables: toTypedVariables(localVariables),
        }),
      });
    },

    async handleBpmnError(taskId, workerId, errorCode, errorMessage, variables?: EngineVariables) {
      await http('POST', '/external-task/{id}/bpmnError', {
        params: { id: taskId },
        ...json({ workerId, errorCode, errorMessage, variables: toTypedVariables(variables) }),
      });
    },

    async handleFailure(taskId, workerId, failure) {
      await http('POST', '/external-task/{id}/failure', {
        params: { id: taskId },
        ...json({ workerId, ...failure }),
      });
    },

    async extendLock(taskId, workerId, newDuration) {
      await http('POST', '/external-task/{id}/extendLock', {
        params: { id: taskId },
        ...json({ workerId, newDuration }),
      });
    },
  };
}
