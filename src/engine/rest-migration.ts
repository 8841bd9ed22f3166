import { isEngineError } from './engine-errors';
import type { EnginePort, MigrationPlan, OpenActivity } from './port';
import type { RestHttp } from './rest-http';
import {
  activityIdsOf,
  toMigrationPlan,
  toMigrationPlanReport,
  type ActivityInstanceDto,
  type BatchStatisticsDto,
  type HistoricActivityDto,
  type MigrationPlanReportDto,
} from './rest-migration-dto';

type MigrationMethods = Pick<
  EnginePort,
  | 'generateMigration'
  | 'validateMigration'
  | 'executeMigration'
  | 'batchProgress'
  | 'runningInstances'
  | 'instancePositions'
  | 'openActivities'
>;

/** The REST adapter's part for moving running instances between versions: the migration API and where instances stand. */
export function restMigrationMethods(http: RestHttp): MigrationMethods {
  return {
    async generateMigration(input) {
      const dto = await http<MigrationPlan>('POST', '/migration/generate', { json: input });
      return toMigrationPlan(dto);
    },

    async validateMigration(plan) {
      const dto = await http<MigrationPlanReportDto>('POST', '/migration/validate', { json: plan });
      return toMigrationPlanReport(dto);
    },

    async executeMigration(plan, processInstanceIds, executeOptions = {}) {
      const body = { migrationPlan: plan, processInstanceIds, skipCustomListeners: false };
      if (!executeOptions.async) {
        await http('POST', '/migration/execute', { json: body, answer: 'none', timeoutMs: 120_000 });
        return { batchId: null };
      }
      const batch = await http<{ id: string }>('POST', '/migration/executeAsync', { json: body });
      return { batchId: batch.id };
    },

    async batchProgress(batchId) {
      const [stats] = await http<BatchStatisticsDto[]>('GET', '/batch/statistics', { query: { batchId } });
      if (stats)
        return {
          id: batchId,
          totalJobs: stats.totalJobs,
          completedJobs: stats.completedJobs,
          failedJobs: stats.failedJobs,
          done: false,
        };
      // a finished batch is removed from the runtime; its history says how it ended
      try {
        const done = await http<{ id: string; totalJobs: number; endTime: string | null }>(
          'GET',
          '/history/batch/{id}',
          { params: { id: batchId } },
        );
        return {
          id: batchId,
          totalJobs: done.totalJobs,
          completedJobs: done.endTime ? done.totalJobs : 0,
          failedJobs: 0,
          done: done.endTime !== null,
        };
      } catch (error) {
        if (isEngineError(error, 'not-found')) return undefined;
        throw error;
      }
    },

    async runningInstances(processDefinitionId) {
      const dtos = await http<{ id: string; businessKey: string | null }[]>('GET', '/process-instance', {
        query: { processDefinitionId, maxResults: 10_000 },
      });
      return dtos.map((d) => ({ id: d.id, businessKey: d.businessKey }));
    },

    async instancePositions(processInstanceIds) {
      const positions = [];
      // one tree per instance; a handful at a time keeps the engine responsive for everyone else
      for (let i = 0; i < processInstanceIds.length; i += 8) {
        const slice = processInstanceIds.slice(i, i + 8);
        positions.push(
          ...(await Promise.all(
            slice.map(async (id) => {
              try {
                const tree = await http<ActivityInstanceDto>(
                  'GET',
                  '/process-instance/{id}/activity-instances',
                  {
                    params: { id },
                  },
                );
                return { processInstanceId: id, activityIds: activityIdsOf(tree) };
              } catch (error) {
                // ended meanwhile: it stands nowhere
                if (isEngineError(error, 'not-found')) return { processInstanceId: id, activityIds: [] };
                throw error;
              }
            }),
          )),
        );
      }
      return positions;
    },

    async openActivities(processKeys) {
      const all: OpenActivity[] = [];
      // the historic activity query filters by definition id, not key (an unknown `processDefinitionKey` in its body
      // is ignored and would return every unfinished activity of the engine): every version of each key, one by one
      const definitions: string[] = [];
      for (const key of processKeys) {
        const versions = await http<{ id: string }[]>('GET', '/process-definition', { query: { key } });
        definitions.push(...versions.map((v) => v.id));
      }
      for (const processDefinitionId of definitions) {
        const dtos = await http<HistoricActivityDto[]>('POST', '/history/activity-instance', {
          query: { maxResults: 50_000 },
          json: { processDefinitionId, unfinished: true },
        });
        all.push(
          ...dtos.map((d) => ({
            processKey: d.processDefinitionKey,
            processInstanceId: d.processInstanceId,
            rootProcessInstanceId: d.rootProcessInstanceId ?? null,
            activityId: d.activityId,
            activityName: d.activityName ?? null,
            activityType: d.activityType,
          })),
        );
      }
      return all;
    },
  };
}
