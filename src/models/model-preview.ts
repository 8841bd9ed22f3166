import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { User } from '../auth/users';
import type { Database } from '../db/database';
import { diagramElements } from '../engine/diagram-elements';
import { readResources } from '../engine/deploy';
import { isEngineError } from '../engine/engine-errors';
import { checkDeployment, type GuardFinding } from '../engine/guard-rails';
import type { EnginePort, EngineVariables } from '../engine/port';
import type { Logger } from '../logger';
import { BPMN_DIR } from '../paths';
import {
  amountDiff,
  removedPositions,
  routeLabel,
  routingDiff,
  type AmountDiff,
  type Amounts,
  type OpenPosition,
  type Route,
  type RoutingDiff,
} from '../domain/preview-diff';
import { deploymentContract } from '../../workers/deployment-contract';
import { decisionIds } from './preview-resources';

export const previewBody = z.object({
  resourceName: z
    .string({ message: 'podaj nazwę pliku' })
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.(bpmn|dmn)$/, 'nazwa pliku .bpmn albo .dmn (np. routing.dmn)'),
  content: z
    .string({ message: 'podaj treść pliku' })
    .min(1, 'plik jest pusty')
    .max(900_000, 'plik jest za duży (najwyżej 900 kB)')
    .refine(
      (text) => /<definitions[\s>]|:definitions[\s>]/.test(text),
      'to nie jest plik BPMN ani DMN (XML)',
    ),
  months: z.coerce
    .number({ message: 'podaj liczbę miesięcy' })
    .int('liczba całkowita')
    .min(1, 'co najmniej 1 miesiąc')
    .max(36, 'najwyżej 36 miesięcy')
    .default(6),
});
export type PreviewInput = z.infer<typeof previewBody>;

export interface PreviewResult {
  resourceName: string;
  months: number;
  since: string;
  /** Null when the engine took the file; else its reason (the file would not deploy). */
  engineRefusal: string | null;
  findings: GuardFinding[];
  /** What the preview deployment made (under its own tenant, deleted afterwards). */
  previewDefinitions: string[];
  routing?: RoutingDiff & { withoutFacts: number };
  amounts?: AmountDiff & { withoutIncome: number };
  positions?: { processKeys: string[]; checked: number; removed: OpenPosition[] };
  /** Decisions of the file the preview has no past inputs for. */
  notReplayed: string[];
  tenantId: string;
}

export interface PreviewDeps {
  engine: EnginePort;
  db: Database;
  log: Logger;
  now: () => Date;
}

/**
 * "Try before it counts": the changed file is deployed under a tenant of its own (processes and decisions without a
 * tenant never resolve it), the past cases' inputs are evaluated on it and on the current version, and the
 * deployment is deleted with cascade, also when anything failed. Nothing touches a live instance or the case file
 * (apart from the audit of the example cases shown).
 */
export async function previewModel(deps: PreviewDeps, user: User, raw: unknown): Promise<PreviewResult> {
  const input = previewBody.parse(raw);
  const since = monthsBefore(deps.now(), input.months);
  const tenantId = `preview${randomBytes(6).toString('hex')}`;
  const result: PreviewResult = {
    resourceName: input.resourceName,
    months: input.months,
    since: since.toISOString(),
    engineRefusal: null,
    findings: await guardFindings(deps.engine, input),
    previewDefinitions: [],
    notReplayed: [],
    tenantId,
  };
  let deploymentId: string | undefined;
  try {
    try {
      const deployment = await deps.engine.deploy(
        [{ name: input.resourceName, content: isolated(input, tenantId) }],
        {
          deploymentName: `mops-flow-podglad-${input.resourceName}`,
          duplicateFiltering: false,
          tenantId,
        },
      );
      deploymentId = deployment.deploymentId;
      result.previewDefinitions = deployment.deployed.map((d) => `${d.key} v${d.version}`);
    } catch (error) {
      if (!isEngineError(error, 'invalid')) throw error;
      result.engineRefusal = error.message;
      return result;
    }
    if (input.resourceName.endsWith('.dmn')) {
      const decisions = decisionIds(input.content);
      if (decisions.includes('routing')) result.routing = await routingPreview(deps, tenantId, since);
      if (decisions.includes('benefit-eligibility'))
        result.amounts = await amountsPreview(deps, tenantId, since);
      result.notReplayed = decisions.filter(
        (d) => !['routing', 'case-routing', 'benefit-eligibility', 'benefit-parameters'].includes(d),
      );
    } else {
      result.positions = await positionsPreview(deps, input.content, since);
    }
    await auditExamples(deps.db, user, result);
    return result;
  } finally {
    if (deploymentId) await deps.engine.deleteDeployment(deploymentId);
    deps.log.info('Podgląd modelu zakończony, wdrożenie podglądu usunięte', {
      resource: input.resourceName,
      tenantId,
      deploymentKey: deploymentId,
    });
  }
}

/** The guard rails on the whole model folder with this file in place of its current version. */
async function guardFindings(engine: EnginePort, input: PreviewInput): Promise<GuardFinding[]> {
  const folder = (await readResources(BPMN_DIR)).filter((r) => r.name !== input.resourceName);
  const decisions = (await engine.definitionVersions())
    .filter((v) => v.kind === 'decision')
    .map((v) => v.key);
  const changed = { name: input.resourceName, content: input.content };
  // decisions deployed from the file being replaced may be gone in the change: only the others count as present
  const replaced = input.resourceName.endsWith('.dmn')
    ? new Set(
        (await readResources(BPMN_DIR))
          .filter((r) => r.name === input.resourceName)
          .flatMap((r) => decisionIds(r.content)),
      )
    : new Set<string>();
  return checkDeployment([...folder, changed], deploymentContract(), {
    decisions: decisions.filter((d) => !replaced.has(d)),
  });
}

async function routingPreview(
  deps: PreviewDeps,
  tenantId: string,
  since: Date,
): Promise<RoutingDiff & { withoutFacts: number }> {
  const rows = await deps.db.query<{
    id: string;
    case_number: string;
    urgent: boolean;
    district_id: string | null;
    need_kind: string | null;
    aid_reason: string | null;
  }>(
    `SELECT c.id, c.case_number, c.urgent, c.district_id, i.need_kind, i.aid_reason
       FROM cases c JOIN intakes i ON i.id = c.intake_id
      WHERE c.created_at >= $1 ORDER BY c.created_at DESC, c.case_number`,
    [since],
  );
  const withFacts = rows.filter((r) => r.need_kind !== null);
  const evaluate = memo(async (variables: EngineVariables, tenant?: string) =>
    routeLabel(toRoutes(await deps.engine.evaluateDecision('routing', variables, { tenantId: tenant }))),
  );
  const outcomes = [];
  for (const row of withFacts) {
    const variables = {
      needKind: row.need_kind,
      reason: row.aid_reason,
      urgent: row.urgent,
      district: row.district_id,
    };
    outcomes.push({
      caseId: row.id,
      caseNumber: row.case_number,
      before: await evaluate(variables),
      after: await evaluate(variables, tenantId),
    });
  }
  return { ...routingDiff(outcomes), withoutFacts: rows.length - withFacts.length };
}

async function amountsPreview(
  deps: PreviewDeps,
  tenantId: string,
  since: Date,
): Promise<AmountDiff & { withoutIncome: number }> {
  const rows = await deps.db.query<{
    id: string;
    case_number: string;
    household_size: number | null;
    household_income_grosze: string | null;
    application_date: string;
  }>(
    `SELECT DISTINCT ON (c.created_at, c.id) c.id, c.case_number, s.household_size, s.household_income_grosze,
            to_char(i.created_at AT TIME ZONE 'Europe/Warsaw', 'YYYY-MM-DD') AS application_date
       FROM cases c JOIN intakes i ON i.id = c.intake_id
       LEFT JOIN income_statements s ON s.case_id = c.id
      WHERE c.created_at >= $1
      ORDER BY c.created_at DESC, c.id, s.computed_at DESC NULLS LAST`,
    [since],
  );
  const withIncome = rows.filter((r) => r.household_size !== null && r.household_income_grosze !== null);
  const evaluate = memo(async (variables: EngineVariables, tenant?: string) =>
    toAmounts(await deps.engine.evaluateDecision('benefit-eligibility', variables, { tenantId: tenant })),
  );
  const outcomes = [];
  for (const row of withIncome) {
    const variables = {
      applicationDate: row.application_date,
      householdSize: Number(row.household_size),
      householdIncomeGrosze: Number(row.household_income_grosze),
    };
    outcomes.push({
      caseId: row.id,
      caseNumber: row.case_number,
      before: await evaluate(variables),
      after: await evaluate(variables, tenantId),
    });
  }
  return { ...amountDiff(outcomes), withoutIncome: rows.length - withIncome.length };
}

async function positionsPreview(
  deps: PreviewDeps,
  content: string,
  since: Date,
): Promise<{ processKeys: string[]; checked: number; removed: OpenPosition[] }> {
  const elements = diagramElements(content);
  const byProcess = new Map<string, Set<string>>();
  for (const e of elements) {
    const ids = byProcess.get(e.bpmnProcessId) ?? new Set<string>();
    ids.add(e.elementId);
    byProcess.set(e.bpmnProcessId, ids);
  }
  const processKeys = [...byProcess.keys()];
  const open = await deps.engine.openActivities(processKeys);
  const cases = await deps.db.query<{ id: string; case_number: string; process_instance_key: string }>(
    'SELECT id, case_number, process_instance_key FROM cases WHERE created_at >= $1',
    [since],
  );
  const caseByRoot = new Map(cases.map((c) => [c.process_instance_key, c]));
  const positions: OpenPosition[] = [];
  for (const activity of open) {
    const kase =
      caseByRoot.get(activity.rootProcessInstanceId ?? '') ?? caseByRoot.get(activity.processInstanceId);
    if (!kase) continue;
    positions.push({
      caseId: kase.id,
      caseNumber: kase.case_number,
      processKey: activity.processKey,
      activityId: activity.activityId,
      activityName: activity.activityName ?? activity.activityId,
    });
  }
  return {
    processKeys,
    checked: new Set(positions.map((p) => p.caseId)).size,
    removed: removedPositions(positions, byProcess),
  };
}

/** Every example case shown is a read of case data: on record like any other. */
async function auditExamples(db: Database, user: User, result: PreviewResult): Promise<void> {
  const shown = new Set<string>([
    ...(result.routing?.changes.flatMap((c) => c.examples.map((e) => e.caseId)) ?? []),
    ...(result.amounts?.examples.map((e) => e.caseId) ?? []),
    ...(result.positions?.removed.map((p) => p.caseId) ?? []),
  ]);
  for (const caseId of shown)
    await db.query(
      `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'case-read', 'case', $2, $3)`,
      [user.id, caseId, JSON.stringify({ via: 'model-preview', resource: result.resourceName })],
    );
}

function toRoutes(results: EngineVariables[]): Route[] {
  return results.flatMap((r) =>
    typeof r.team === 'string' ? [{ team: r.team, site: typeof r.site === 'string' ? r.site : null }] : [],
  );
}

function toAmounts(results: EngineVariables[]): Amounts {
  const first = results[0] ?? {};
  const values = Object.values(first);
  const context = (
    values.length === 1 && typeof values[0] === 'object' && values[0] !== null ? values[0] : first
  ) as Record<string, unknown>;
  const grosze = (name: string) => Number(context[name] ?? 0);
  return {
    eligible: context.eligible === true,
    periodicMinGrosze: grosze('periodicMinGrosze'),
    periodicMaxGrosze: grosze('periodicMaxGrosze'),
    permanentAmountGrosze: grosze('permanentAmountGrosze'),
  };
}

/** The same inputs are evaluated once per version (many cases share their routing facts). */
function memo<T>(evaluate: (variables: EngineVariables, tenant?: string) => Promise<T>) {
  const seen = new Map<string, Promise<T>>();
  return (variables: EngineVariables, tenant?: string): Promise<T> => {
    const key = `${tenant ?? ''}|${JSON.stringify(variables)}`;
    let answer = seen.get(key);
    if (!answer) {
      answer = evaluate(variables, tenant);
      seen.set(key, answer);
    }
    return answer;
  };
}

/**
 * A diagram's message and signal names get the tenant as a prefix in the preview copy: a message the app sends while
 * the preview is deployed can then never start or reach the preview's definitions (by-key starts and decisions
 * already resolve only definitions without a tenant).
 */
function isolated(input: PreviewInput, tenantId: string): string {
  if (!input.resourceName.endsWith('.bpmn')) return input.content;
  return input.content.replace(
    /(<(?:\w+:)?(?:message|signal)\b[^>]*?\sname=")([^"]*)"/g,
    (_match, head: string, name: string) => `${head}${tenantId}-${name}"`,
  );
}

function monthsBefore(now: Date, months: number): Date {
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - months);
  return since;
}
