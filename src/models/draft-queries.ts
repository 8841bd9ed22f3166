import type { Queryable } from '../db/database';
import { AppError } from '../errors/app-error';
import { kindOf } from './definition-keys';
import type { Draft, ModelDeployment } from './drafts';
import type { DraftFinding } from './model-types';
import type { DiffSummary } from './table-diff';

/** Reading drafts and the deployment register (the writes and their checks are in drafts.ts). */

export async function mustFind(db: Queryable, draftId: string): Promise<Draft> {
  const draft = await findDraft(db, draftId);
  if (!draft) throw new AppError({ code: 'not-found', message: 'Nie ma takiego szkicu.' });
  return draft;
}

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

export async function findDraft(db: Queryable, draftId: string): Promise<Draft | undefined> {
  return (await findDrafts(db, { id: draftId }))[0];
}

/** Drafts (newest save first): one by id, or the open ones (draft or approved), or all of a file. */
export async function findDrafts(
  db: Queryable,
  by: { id: string } | { open: true } | { resourceName: string },
): Promise<Draft[]> {
  const where =
    'id' in by ? 'd.id = $1' : 'open' in by ? `d.status IN ('draft', 'approved')` : 'd.resource_name = $1';
  const params = 'id' in by ? [by.id] : 'open' in by ? [] : [by.resourceName];
  const rows = await db.query<{
    id: string;
    resource_name: string;
    content: string;
    base_content: string | null;
    base_versions: { key: string; version: number }[];
    author: string;
    author_name: string;
    created_at: Date;
    saved_at: Date;
    findings: DraftFinding[];
    clean: boolean;
    status: Draft['status'];
    approved_by_name: string | null;
    approved_at: Date | null;
    deployment_id: string | null;
  }>(
    `SELECT d.id, d.resource_name, d.content, d.base_content, d.base_versions, d.author, a.display_name AS author_name,
            d.created_at, d.saved_at, d.findings, d.clean, d.status, p.display_name AS approved_by_name, d.approved_at,
            m.id AS deployment_id
       FROM model_drafts d JOIN users a ON a.id = d.author LEFT JOIN users p ON p.id = d.approved_by
       LEFT JOIN model_deployments m ON m.draft_id = d.id
      WHERE ${where} ORDER BY d.saved_at DESC LIMIT 200`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    resourceName: r.resource_name,
    kind: kindOf(r.resource_name),
    content: r.content,
    baseContent: r.base_content,
    baseVersions: r.base_versions,
    authorId: r.author,
    authorName: r.author_name,
    createdAt: iso(r.created_at)!,
    savedAt: iso(r.saved_at)!,
    findings: r.findings,
    clean: r.clean,
    status: r.status,
    approvedByName: r.approved_by_name,
    approvedAt: iso(r.approved_at),
    deploymentId: r.deployment_id,
  }));
}

/** The deployment record (newest first), or one by id. */
export async function findDeployments(db: Queryable, by: { id?: string } = {}): Promise<ModelDeployment[]> {
  const rows = await db.query<{
    id: string;
    draft_id: string;
    resource_name: string;
    sha256: string;
    drafted: string;
    approved: string;
    deployed: string;
    deployed_at: Date;
    engine_deployment_id: string;
    versions: ModelDeployment['versions'];
    diff_summary: DiffSummary;
  }>(
    `SELECT m.id, m.draft_id, m.resource_name, m.sha256, a.display_name AS drafted, p.display_name AS approved,
            x.display_name AS deployed, m.deployed_at, m.engine_deployment_id, m.versions, m.diff_summary
       FROM model_deployments m JOIN users a ON a.id = m.drafted_by JOIN users p ON p.id = m.approved_by
       JOIN users x ON x.id = m.deployed_by
      ${by.id ? 'WHERE m.id = $1' : ''} ORDER BY m.deployed_at DESC LIMIT 200`,
    by.id ? [by.id] : [],
  );
  return rows.map((r) => ({
    id: r.id,
    draftId: r.draft_id,
    resourceName: r.resource_name,
    sha256: r.sha256,
    draftedByName: r.drafted,
    approvedByName: r.approved,
    deployedByName: r.deployed,
    deployedAt: iso(r.deployed_at)!,
    engineDeploymentId: r.engine_deployment_id,
    versions: r.versions,
    diffSummary: r.diff_summary,
  }));
}

/** The exact bytes of a deployed file. */
export async function deployedFile(db: Queryable, deploymentId: string) {
  const [row] = await db.query<{ resource_name: string; content: string }>(
    'SELECT resource_name, content FROM model_deployments WHERE id = $1',
    [deploymentId],
  );
  if (!row) throw new AppError({ code: 'not-found', message: 'Nie ma takiego wdrożenia.' });
  return { name: row.resource_name, content: row.content };
}
