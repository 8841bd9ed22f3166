import { z } from 'zod';
import type { User } from '../auth/users';
import type { Database } from '../db/database';
import { diagramElements } from '../engine/diagram-elements';
import type { DefinitionVersion, EnginePort, MigrationPlan } from '../engine/port';
import { AppError } from '../errors/app-error';
import { isEngineError } from '../engine/engine-errors';
import {
  instanceVerdict,
  instructionsFromMapping,
  translateMigrationFailure,
  type Instruction,
  type InstanceVerdict,
  type PlanFailure,
} from '../domain/migration-check';
import type { Logger } from '../logger';

/**
 * Moving the running instances of an old version to a new one with the engine's migration API: the engine
 * generates the mapping, the process owner edits it, a dry run says which instances can move and why the others
 * cannot, then the chosen ones move (synchronously, or as a batch for many). Every migration, and every decision to
 * let the instances finish on the old version, is in the audit log.
 */
const definitionId = (field: string) =>
  z
    .string({ message: `podaj ${field}` })
    .min(1, `podaj ${field}`)
    .max(200)
    .regex(/^[A-Za-z0-9][A-Za-z0-9:._-]*$/, 'to nie jest identyfikator definicji procesu');

export const planBody = z
  .object({
    sourceDefinitionId: definitionId('wersję źródłową'),
    targetDefinitionId: definitionId('wersję docelową'),
    updateEventTriggers: z.boolean().default(true),
  })
  .refine((b) => b.sourceDefinitionId !== b.targetDefinitionId, {
    message: 'wersja docelowa musi być inna niż źródłowa',
    path: ['targetDefinitionId'],
  });

const mappingShape = z.record(
  z.string().regex(/^[A-Za-z0-9_#.:-]+$/, 'identyfikator kroku'),
  z.string().regex(/^[A-Za-z0-9_#.:-]*$/, 'identyfikator kroku'),
  { message: 'mapowanie: obiekt krok źródłowy → krok docelowy' },
);

export const validateBody = z.object({
  sourceDefinitionId: definitionId('wersję źródłową'),
  targetDefinitionId: definitionId('wersję docelową'),
  mapping: mappingShape,
  processInstanceIds: z.array(z.string().regex(/^[A-Za-z0-9:._-]+$/, 'identyfikator instancji')).optional(),
});

export const executeBody = validateBody.extend({
  processInstanceIds: z
    .array(z.string().regex(/^[A-Za-z0-9:._-]+$/, 'identyfikator instancji'), {
      message: 'wybierz instancje do przeniesienia',
    })
    .min(1, 'wybierz co najmniej jedną instancję'),
  async: z.boolean().default(false),
});

export const keepBody = z.object({
  sourceDefinitionId: definitionId('wersję źródłową'),
  targetDefinitionId: definitionId('wersję docelową'),
});

export interface Activity {
  id: string;
  name: string;
  type: string;
}

export interface GeneratedPlan {
  source: DefinitionVersion;
  target: DefinitionVersion;
  instructions: Instruction[];
  sourceActivities: Activity[];
  targetActivities: Activity[];
}

export interface InstanceRow extends InstanceVerdict {
  /** The activities where it stands, by name: „Sprawdź wniosek (check)”. */
  activityLabels: string[];
  caseId: string | null;
  caseNumber: string | null;
  businessKey: string | null;
}

export interface DryRun {
  source: DefinitionVersion;
  target: DefinitionVersion;
  instructions: Instruction[];
  planFailures: PlanFailure[];
  instances: InstanceRow[];
  movable: number;
}

export interface MigrationDeps {
  engine: EnginePort;
  db: Database;
  log: Logger;
}

/** Process versions as the migration page lists them (no preview tenants: their definitions are gone already). */
export async function processVersions(engine: EnginePort): Promise<DefinitionVersion[]> {
  return (await engine.definitionVersions()).filter((v) => v.kind === 'process');
}

export async function generatePlan(deps: MigrationDeps, raw: unknown): Promise<GeneratedPlan> {
  const input = planBody.parse(raw);
  const { source, target } = await pair(deps.engine, input.sourceDefinitionId, input.targetDefinitionId);
  const plan = await deps.engine.generateMigration({
    sourceProcessDefinitionId: source.id,
    targetProcessDefinitionId: target.id,
    updateEventTriggers: input.updateEventTriggers,
  });
  return {
    source,
    target,
    instructions: plan.instructions,
    sourceActivities: await activities(deps.engine, source.id),
    targetActivities: await activities(deps.engine, target.id),
  };
}

export async function dryRun(deps: MigrationDeps, raw: unknown): Promise<DryRun> {
  const input = validateBody.parse(raw);
  const { source, target } = await pair(deps.engine, input.sourceDefinitionId, input.targetDefinitionId);
  const generated = await deps.engine.generateMigration({
    sourceProcessDefinitionId: source.id,
    targetProcessDefinitionId: target.id,
    updateEventTriggers: true,
  });
  const instructions = instructionsFromMapping(input.mapping, generated.instructions);
  const targets = new Set((await activities(deps.engine, target.id)).map((a) => a.id));
  for (const i of instructions)
    if (!targets.has(i.targetActivityIds[0]!))
      throw new AppError({
        code: 'validation',
        field: `mapping.${i.sourceActivityIds[0]}`,
        message: `Krok ${i.targetActivityIds[0]} nie istnieje w wersji ${target.version}.`,
      });
  const plan: MigrationPlan = {
    sourceProcessDefinitionId: source.id,
    targetProcessDefinitionId: target.id,
    instructions,
  };
  const report = await deps.engine.validateMigration(plan);
  const planFailures: PlanFailure[] = [
    ...report.instructionReports.flatMap((r) =>
      r.failures.map((f) => ({
        sourceActivityId: r.instruction.sourceActivityIds[0],
        message: translateMigrationFailure(f),
      })),
    ),
    ...report.variableReports.flatMap((r) =>
      r.failures.map((f) => ({ message: `Zmienna ${r.name}: ${translateMigrationFailure(f)}` })),
    ),
  ];
  const running = await deps.engine.runningInstances(source.id);
  const wanted = input.processInstanceIds ? new Set(input.processInstanceIds) : undefined;
  const chosen = running.filter((r) => !wanted || wanted.has(r.id));
  const names = new Map((await activities(deps.engine, source.id)).map((a) => [a.id, a.name]));
  const positions = await deps.engine.instancePositions(chosen.map((r) => r.id));
  const cases = await casesOf(
    deps.db,
    deps.engine,
    chosen.map((r) => r.id),
  );
  const instances = positions.map((position) => {
    const verdict = instanceVerdict(position, instructions, planFailures, (id) => names.get(id) ?? id);
    const kase = cases.get(position.processInstanceId);
    return {
      ...verdict,
      activityLabels: position.activityIds.map((id) => `${names.get(id) ?? id} (${id})`),
      caseId: kase?.id ?? null,
      caseNumber: kase?.case_number ?? null,
      businessKey: chosen.find((r) => r.id === position.processInstanceId)?.businessKey ?? null,
    };
  });
  return {
    source,
    target,
    instructions,
    planFailures,
    instances,
    movable: instances.filter((i) => i.canMove).length,
  };
}

export interface MigrationOutcome {
  moved: number;
  batchId: string | null;
  from: string;
  to: string;
}

/** Moves the chosen instances, each checked by the dry run first: one that cannot move refuses the whole request. */
export async function executeMigration(
  deps: MigrationDeps,
  user: User,
  raw: unknown,
): Promise<MigrationOutcome> {
  const input = executeBody.parse(raw);
  const check = await dryRun(deps, input);
  const found = new Map(check.instances.map((i) => [i.processInstanceId, i]));
  for (const id of input.processInstanceIds) {
    const verdict = found.get(id);
    if (!verdict || !verdict.canMove)
      throw new AppError({
        code: 'validation',
        field: 'processInstanceIds',
        message: verdict
          ? `Instancji ${id} nie da się przenieść: ${verdict.reasons.join(' ')}`
          : `Instancja ${id} nie działa na wersji ${check.source.version}.`,
      });
  }
  const plan: MigrationPlan = {
    sourceProcessDefinitionId: check.source.id,
    targetProcessDefinitionId: check.target.id,
    instructions: check.instructions,
  };
  let batchId: string | null;
  try {
    ({ batchId } = await deps.engine.executeMigration(plan, input.processInstanceIds, {
      async: input.async,
    }));
  } catch (error) {
    if (!isEngineError(error, 'invalid')) throw error;
    throw new AppError({
      code: 'validation',
      field: 'processInstanceIds',
      message: `Silnik odmówił przeniesienia: ${translateMigrationFailure(error.message)}`,
    });
  }
  const from = `${check.source.key} v${check.source.version}`;
  const to = `${check.target.key} v${check.target.version}`;
  await deps.db.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'process-migrated', 'process-definition', $2, $3)`,
    [
      user.id,
      check.target.id,
      JSON.stringify({
        from,
        to,
        sourceDefinitionId: check.source.id,
        count: input.processInstanceIds.length,
        processInstanceIds: input.processInstanceIds,
        instructions: check.instructions,
        batchId,
      }),
    ],
  );
  deps.log.info('Instancje przeniesione na nową wersję', {
    from,
    to,
    count: input.processInstanceIds.length,
    batchId,
  });
  return { moved: input.processInstanceIds.length, batchId, from, to };
}

/** „Niech dokończą na starej wersji”: nothing moves; the choice is on record. */
export async function keepOnOldVersion(
  deps: MigrationDeps,
  user: User,
  raw: unknown,
): Promise<{ from: string; to: string; running: number }> {
  const input = keepBody.parse(raw);
  const { source, target } = await pair(deps.engine, input.sourceDefinitionId, input.targetDefinitionId);
  const running = (await deps.engine.runningInstances(source.id)).length;
  const from = `${source.key} v${source.version}`;
  const to = `${target.key} v${target.version}`;
  await deps.db.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'process-migration-declined', 'process-definition', $2, $3)`,
    [user.id, source.id, JSON.stringify({ from, to, count: running, decision: 'finish-on-old-version' })],
  );
  return { from, to, running };
}

/** The migrations on record, newest first. */
export async function migrationHistory(
  db: Database,
  limit = 20,
): Promise<{ at: Date; action: string; who: string; details: Record<string, unknown> }[]> {
  const rows = await db.query<{
    at: Date;
    action: string;
    who: string | null;
    details: Record<string, unknown>;
  }>(
    `SELECT a.at, a.action, u.display_name AS who, a.details FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
      WHERE a.action IN ('process-migrated', 'process-migration-declined') ORDER BY a.at DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ ...r, who: r.who ?? '' }));
}

async function pair(
  engine: EnginePort,
  sourceId: string,
  targetId: string,
): Promise<{ source: DefinitionVersion; target: DefinitionVersion }> {
  const versions = await processVersions(engine);
  const source = versions.find((v) => v.id === sourceId);
  const target = versions.find((v) => v.id === targetId);
  if (!source)
    throw new AppError({
      code: 'validation',
      field: 'sourceDefinitionId',
      message: 'Nie ma takiej wersji procesu.',
    });
  if (!target)
    throw new AppError({
      code: 'validation',
      field: 'targetDefinitionId',
      message: 'Nie ma takiej wersji procesu.',
    });
  if (source.key !== target.key)
    throw new AppError({
      code: 'validation',
      field: 'targetDefinitionId',
      message: 'Wersja docelowa musi być wersją tego samego procesu.',
    });
  return { source, target };
}

const FLOW_NODE = /(Task|Event|Gateway)$|^(task|subProcess|callActivity|transaction|multiInstanceBody)$/;

async function activities(engine: EnginePort, definitionId: string): Promise<Activity[]> {
  const xml = await engine.processDiagramXml(definitionId);
  return diagramElements(xml)
    .filter((e) => FLOW_NODE.test(e.elementType))
    .map((e) => ({ id: e.elementId, name: e.name, type: e.elementType }));
}

/** The case of each instance: its own case, or (a team's sub-process) the case of its root instance. */
async function casesOf(
  db: Database,
  engine: EnginePort,
  instanceIds: string[],
): Promise<Map<string, { id: string; case_number: string }>> {
  if (instanceIds.length === 0) return new Map();
  const history = await engine.findProcessInstances({ unfinished: true, processInstanceIds: instanceIds });
  const rootOf = new Map(history.map((h) => [h.id, h.rootProcessInstanceId ?? h.id]));
  const keys = [...new Set([...instanceIds, ...rootOf.values()])];
  const rows = await db.query<{ id: string; case_number: string; process_instance_key: string }>(
    'SELECT id, case_number, process_instance_key FROM cases WHERE process_instance_key = ANY($1)',
    [keys],
  );
  const byKey = new Map(rows.map((r) => [r.process_instance_key, r]));
  return new Map(
    instanceIds.flatMap((id) => {
      const kase = byKey.get(id) ?? byKey.get(rootOf.get(id) ?? '');
      return kase ? [[id, kase] as const] : [];
    }),
  );
}
