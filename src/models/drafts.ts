import type { Database, Queryable } from '../db/database';
import { diagramElements } from '../engine/diagram-elements';
import { EngineError } from '../engine/engine-errors';
import { checkDeployment, type DeploymentContract } from '../engine/guard-rails';
import type { DeployedDefinition, EnginePort } from '../engine/port';
import { AppError } from '../errors/app-error';
import { definitionKeys, kindOf, RESOURCE_NAME } from './definition-keys';
import { currentModel, sha256 } from './model-files';
import { diffInChild, lintInChild } from './model-tool-runner';
import type { BpmnDiff, DraftFinding } from './model-types';
import { diffDmn, diffForm, dmnSummary, formSummary, type DiffSummary } from './table-diff';
import { findDeployments, findDraft, mustFind } from './draft-queries';

export { deployedFile, findDeployments, findDraft, findDrafts } from './draft-queries';

/**
 * Drafts of model files edited in the browser, four eyes and deployment. Saving stores the whole file with the
 * findings of its checks (bpmnlint / DMN / form lint of the file, the guard rails on the whole model with the draft
 * in place of its file); a clean draft is approved by a second process owner (the app answers 403 to the author,
 * the database refuses it too) and then deployed through the engine port with duplicate filtering. Each deployment
 * is recorded with the diff summary and the engine's new versions; its file stays downloadable byte for byte.
 */
export interface ModelDeps {
  db: Database;
  engine: EnginePort;
  modelsDir: string;
  contract: DeploymentContract;
}

/** Browser deployments are named apart from the start-up's `mops-flow`, so start-up does not redeploy bpmn/ over them. */
export const BROWSER_DEPLOYMENT_NAME = 'mops-flow-modele';

export interface Draft {
  id: string;
  resourceName: string;
  kind: 'bpmn' | 'dmn' | 'form';
  content: string;
  baseContent: string | null;
  baseVersions: { key: string; version: number }[];
  authorId: string;
  authorName: string;
  createdAt: string;
  savedAt: string;
  findings: DraftFinding[];
  clean: boolean;
  status: 'draft' | 'approved' | 'deployed' | 'discarded';
  approvedByName: string | null;
  approvedAt: string | null;
  deploymentId: string | null;
}

export interface ModelDeployment {
  id: string;
  draftId: string;
  resourceName: string;
  sha256: string;
  draftedByName: string;
  approvedByName: string;
  deployedByName: string;
  deployedAt: string;
  engineDeploymentId: string;
  versions: { key: string; version: number; kind: string }[];
  diffSummary: DiffSummary;
}

const MAX_CONTENT = 2_000_000;

function validate(input: { resourceName?: unknown; content?: unknown }, needName: boolean) {
  if (needName && (typeof input.resourceName !== 'string' || !RESOURCE_NAME.test(input.resourceName)))
    throw new AppError({
      code: 'validation',
      field: 'resourceName',
      message: 'Nazwa pliku: małe litery, cyfry i myślniki, z rozszerzeniem .bpmn, .dmn albo .form.',
    });
  if (typeof input.content !== 'string' || input.content.trim() === '')
    throw new AppError({ code: 'validation', field: 'content', message: 'Treść pliku jest pusta.' });
  if (input.content.length > MAX_CONTENT)
    throw new AppError({
      code: 'validation',
      field: 'content',
      message: 'Plik jest za duży (najwyżej 2 MB).',
    });
}

/** The checks of one draft: the file's lint and the guard rails of the whole model with the draft in its place. */
export async function checkDraft(
  deps: ModelDeps,
  resourceName: string,
  content: string,
): Promise<DraftFinding[]> {
  const [lint, model, versions] = await Promise.all([
    lintInChild(resourceName, content),
    currentModel(deps.db, deps.modelsDir),
    deps.engine.definitionVersions(),
  ]);
  const resources = [
    ...model.filter((f) => f.name !== resourceName).map((f) => ({ name: f.name, content: f.content })),
    { name: resourceName, content },
  ];
  const decisions = versions.filter((v) => v.kind === 'decision').map((v) => v.key);
  const guards = checkDeployment(resources, deps.contract, { decisions });
  return [
    ...lint.map((f) => ({ source: 'lint' as const, resource: resourceName, ...f })),
    ...guards.map((g) => ({
      source: 'guard-rails' as const,
      rule: g.rule,
      severity: 'error' as const,
      resource: g.resource,
      element: g.element,
      message: g.message,
    })),
  ];
}

const isClean = (findings: DraftFinding[]) => !findings.some((f) => f.severity === 'error');

export async function createDraft(
  deps: ModelDeps,
  input: { resourceName?: unknown; content?: unknown },
  userId: string,
): Promise<Draft> {
  validate(input, true);
  const resourceName = input.resourceName as string;
  const content = input.content as string;
  const base = (await currentModel(deps.db, deps.modelsDir)).find((f) => f.name === resourceName);
  const versions = await deps.engine.definitionVersions();
  const keys = base ? definitionKeys(resourceName, base.content) : [];
  const baseVersions = keys.flatMap((key) => {
    const latest = versions.filter((v) => v.key === key).sort((a, b) => b.version - a.version)[0];
    return latest ? [{ key, version: latest.version }] : [];
  });
  const findings = await checkDraft(deps, resourceName, content);
  const [row] = await deps.db.query<{ id: string }>(
    `INSERT INTO model_drafts (resource_name, content, base_content, base_sha256, base_versions, author, findings, clean)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      resourceName,
      content,
      base?.content ?? null,
      base ? sha256(base.content) : null,
      JSON.stringify(baseVersions),
      userId,
      JSON.stringify(findings),
      isClean(findings),
    ],
  );
  await audit(deps.db, userId, 'model-draft-saved', row!.id, { resourceName, findings: findings.length });
  return (await findDraft(deps.db, row!.id))!;
}

export async function updateDraft(
  deps: ModelDeps,
  draftId: string,
  input: { content?: unknown },
  userId: string,
): Promise<Draft> {
  validate(input, false);
  const draft = await mustFind(deps.db, draftId);
  if (draft.authorId !== userId)
    throw new AppError({
      code: 'forbidden',
      message: 'Szkic zmienia tylko jego autor; inna osoba może zapisać własny szkic tego pliku.',
    });
  if (draft.status !== 'draft')
    throw new AppError({
      code: 'conflict',
      message: 'Szkic jest już zatwierdzony lub wdrożony — zmiany w nowym szkicu.',
    });
  const content = input.content as string;
  const findings = await checkDraft(deps, draft.resourceName, content);
  const updated = await deps.db.query(
    `UPDATE model_drafts SET content = $2, findings = $3, clean = $4, saved_at = now()
      WHERE id = $1 AND status = 'draft' RETURNING id`,
    [draftId, content, JSON.stringify(findings), isClean(findings)],
  );
  if (updated.length === 0)
    throw new AppError({ code: 'conflict', message: 'Szkic zmienił stan w międzyczasie.' });
  await audit(deps.db, userId, 'model-draft-saved', draftId, {
    resourceName: draft.resourceName,
    findings: findings.length,
  });
  return (await findDraft(deps.db, draftId))!;
}

/** The second process owner's approval: never the author (403 here, a CHECK in the database). */
export async function approveDraft(db: Database, draftId: string, userId: string): Promise<Draft> {
  return db.transaction(async (tx) => {
    const [draft] = await tx.query<{ author: string; status: string; clean: boolean }>(
      'SELECT author, status, clean FROM model_drafts WHERE id = $1 FOR UPDATE',
      [draftId],
    );
    if (!draft) throw new AppError({ code: 'not-found', message: 'Nie ma takiego szkicu.' });
    if (draft.author === userId)
      throw new AppError({
        code: 'forbidden',
        message: 'Szkic zatwierdza inny właściciel procesu niż jego autor — zasada dwóch par oczu.',
      });
    if (draft.status !== 'draft')
      throw new AppError({
        code: 'conflict',
        message: 'Ten szkic jest już zatwierdzony, wdrożony lub odrzucony.',
      });
    if (!draft.clean)
      throw new AppError({
        code: 'conflict',
        message: 'Szkic ma błędy lintera lub zabezpieczeń — najpierw trzeba je poprawić.',
      });
    await tx.query(
      `UPDATE model_drafts SET status = 'approved', approved_by = $2, approved_at = now() WHERE id = $1`,
      [draftId, userId],
    );
    await audit(tx, userId, 'model-draft-approved', draftId, {});
    return (await findDraft(tx, draftId))!;
  });
}

export async function discardDraft(db: Database, draftId: string, userId: string): Promise<Draft> {
  const draft = await mustFind(db, draftId);
  if (draft.authorId !== userId)
    throw new AppError({ code: 'forbidden', message: 'Szkic odrzuca tylko jego autor.' });
  const rows = await db.query(
    `UPDATE model_drafts SET status = 'discarded' WHERE id = $1 AND status = 'draft' RETURNING id`,
    [draftId],
  );
  if (rows.length === 0) throw new AppError({ code: 'conflict', message: 'Szkic nie jest już roboczy.' });
  await audit(db, userId, 'model-draft-discarded', draftId, {});
  return (await findDraft(db, draftId))!;
}

/** What changed between the draft's base and the draft: the diagram diff, or rules / fields as rows. */
export async function draftDiff(draft: {
  resourceName: string;
  content: string;
  baseContent: string | null;
}) {
  const before = draft.baseContent ?? '';
  const kind = kindOf(draft.resourceName);
  if (kind === 'bpmn') {
    const bpmn: BpmnDiff = before
      ? await diffInChild(before, draft.content)
      : { added: [], removed: [], changed: [], layoutChanged: [] };
    return {
      kind,
      bpmn,
      summary: {
        added: bpmn.added.map((e) => e.id),
        removed: bpmn.removed.map((e) => e.id),
        changed: bpmn.changed.map((e) => e.id),
      },
    };
  }
  if (kind === 'dmn') {
    const dmn = diffDmn(before || '<definitions/>', draft.content);
    return { kind, dmn, summary: dmnSummary(dmn) };
  }
  const form = diffForm(before || '{}', draft.content);
  return { kind, form, summary: formSummary(form) };
}

/** Deploys an approved draft (checks run again: the model or the engine may have moved since the save). */
export async function deployDraft(
  deps: ModelDeps,
  draftId: string,
  userId: string,
): Promise<ModelDeployment> {
  const draft = await mustFind(deps.db, draftId);
  if (draft.status !== 'approved')
    throw new AppError({
      code: 'conflict',
      message:
        draft.status === 'deployed'
          ? 'Ten szkic jest już wdrożony.'
          : 'Wdrożyć można tylko szkic zatwierdzony przez drugiego właściciela procesu.',
    });
  const findings = await checkDraft(deps, draft.resourceName, draft.content);
  if (!isClean(findings))
    throw new AppError({
      code: 'conflict',
      message: `Wdrożenie odrzucone: ${findings
        .filter((f) => f.severity === 'error')
        .map((f) => `${f.resource}${f.element ? ` / ${f.element}` : ''}: ${f.message}`)
        .join('; ')}`,
      details: { findings },
    });
  const { summary } = await draftDiff(draft);
  const result = await deps.engine
    .deploy([{ name: draft.resourceName, content: draft.content }], {
      deploymentName: BROWSER_DEPLOYMENT_NAME,
      duplicateFiltering: true,
    })
    .catch((error: unknown) => {
      // the engine parsed the file and refused it (an answer came): the reason goes to the person, not a 500
      if (error instanceof EngineError && error.status !== undefined && error.status < 503)
        throw new AppError({
          code: 'conflict',
          message: `Silnik odrzucił wdrożenie: ${error.message}`,
          cause: error,
        });
      throw error;
    });
  const versions = result.deployed
    .map((d: DeployedDefinition) => ({ key: d.key, version: d.version, kind: d.kind, id: d.id }))
    .sort((a, b) => a.key.localeCompare(b.key));
  const id = await deps.db.transaction(async (tx) => {
    const moved = await tx.query<{ author: string; approved_by: string }>(
      `UPDATE model_drafts SET status = 'deployed' WHERE id = $1 AND status = 'approved' RETURNING author, approved_by`,
      [draftId],
    );
    if (moved.length === 0) throw new AppError({ code: 'conflict', message: 'Ten szkic jest już wdrożony.' });
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO model_deployments (draft_id, resource_name, content, sha256, drafted_by, approved_by, deployed_by,
                                      engine_deployment_id, versions, diff_summary)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        draftId,
        draft.resourceName,
        draft.content,
        sha256(draft.content),
        moved[0]!.author,
        moved[0]!.approved_by,
        userId,
        result.deploymentId,
        JSON.stringify(versions),
        JSON.stringify(summary),
      ],
    );
    if (draft.resourceName.endsWith('.bpmn'))
      for (const element of diagramElements(draft.content))
        await tx.query(
          `INSERT INTO process_elements (bpmn_process_id, element_id, name, element_type) VALUES ($1, $2, $3, $4)
           ON CONFLICT (bpmn_process_id, element_id) DO UPDATE SET name = EXCLUDED.name, element_type = EXCLUDED.element_type`,
          [element.bpmnProcessId, element.elementId, element.name, element.elementType],
        );
    await audit(tx, userId, 'model-deployed', draftId, {
      resourceName: draft.resourceName,
      engineDeploymentId: result.deploymentId,
      versions,
    });
    return row!.id;
  });
  return (await findDeployments(deps.db, { id }))[0]!;
}

async function audit(tx: Queryable, userId: string, action: string, draftId: string, details: object) {
  await tx.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, $2, 'model-draft', $3, $4)`,
    [userId, action, draftId, JSON.stringify(details)],
  );
}
