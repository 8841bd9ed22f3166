import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database';
import { readResources } from '../engine/deploy';

export const sha256 = (content: string) => createHash('sha256').update(content, 'utf8').digest('hex');

export interface ModelFile {
  name: string;
  content: string;
  sha256: string;
  /** Where the current content comes from: the repository's folder, or a deployment made in the browser. */
  source: 'repository' | 'browser';
  /** The browser deployment it comes from, when it does. */
  deploymentId: string | null;
}

/**
 * The model as it stands: every file of the model folder (`bpmn/`), each replaced by its latest deployment made in
 * the browser while the repository still holds the content that deployment started from (or already the deployed
 * one). Once the folder's file moved on otherwise, the folder wins (start-up deploys it as the newer version).
 * Files first created in the browser are listed too.
 */
export async function currentModel(db: Queryable, modelsDir: string): Promise<ModelFile[]> {
  const repository = await readResources(modelsDir);
  const latest = await db.query<{
    id: string;
    resource_name: string;
    content: string;
    sha256: string;
    base_sha256: string | null;
  }>(
    `SELECT DISTINCT ON (m.resource_name) m.id, m.resource_name, m.content, m.sha256, d.base_sha256
       FROM model_deployments m JOIN model_drafts d ON d.id = m.draft_id
      ORDER BY m.resource_name, m.deployed_at DESC`,
  );
  const browser = new Map(latest.map((r) => [r.resource_name, r]));
  const files: ModelFile[] = repository.map((file) => {
    const hash = sha256(file.content);
    const web = browser.get(file.name);
    if (web && (hash === web.base_sha256 || hash === web.sha256))
      return {
        name: file.name,
        content: web.content,
        sha256: web.sha256,
        source: 'browser',
        deploymentId: web.id,
      };
    return { name: file.name, content: file.content, sha256: hash, source: 'repository', deploymentId: null };
  });
  for (const web of latest)
    if (!repository.some((f) => f.name === web.resource_name))
      files.push({
        name: web.resource_name,
        content: web.content,
        sha256: web.sha256,
        source: 'browser',
        deploymentId: web.id,
      });
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
