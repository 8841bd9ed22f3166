import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database';
import type { Logger } from '../logger';
import { diagramElements } from './diagram-elements';
import { checkDeployment, refusal, type DeploymentContract } from './guard-rails';
import type { EnginePort } from './port';

export const RESOURCE_EXTENSIONS = ['.bpmn', '.dmn', '.form'];

/** The BPMN, DMN and form files of a folder, by name. */
export async function readResources(dir: string): Promise<{ name: string; content: string }[]> {
  const names = (await readdir(dir))
    .filter((name) => RESOURCE_EXTENSIONS.includes(path.extname(name)))
    .sort();
  return Promise.all(
    names.map(async (name) => ({ name, content: await readFile(path.join(dir, name), 'utf8') })),
  );
}

export interface DeploymentReport {
  changed: string[];
  unchanged: string[];
}

/**
 * Deploys every resource of a folder (`bpmn/`) as one deployment named after the folder. The engine's duplicate
 * filtering (deploy-changed-only) gives a new version only to resources whose content changed; we compare content
 * hashes to report which files changed, and keep the diagrams' element names for the screens. A task's Camunda
 * Form is read from the engine when needed (`GET /task/{id}/deployed-form`), so forms need no table of ours.
 */
export async function deployResources(deps: {
  engine: EnginePort;
  db: Database;
  log: Logger;
  dir: string;
  /** Default: `mops-flow` for `bpmn/`, else the folder's name (duplicate filtering compares by this name). */
  deploymentName?: string;
  /** The guard rails (guard-rails.ts): a model that would break the code is refused before it reaches the engine. */
  contract?: DeploymentContract;
}): Promise<DeploymentReport> {
  const resources = await readResources(deps.dir);
  const names = resources.map((r) => r.name);
  if (resources.length === 0) return { changed: [], unchanged: [] };
  const findings = deps.contract ? checkDeployment(resources, deps.contract) : [];
  if (findings.length > 0) throw new Error(refusal(findings));
  const known = new Map(
    (
      await deps.db.query<{ name: string; sha256: string }>('SELECT name, sha256 FROM deployed_resources')
    ).map((r) => [r.name, r.sha256]),
  );
  const hashes = new Map(
    resources.map((r) => [r.name, createHash('sha256').update(r.content).digest('hex')]),
  );
  const changed = resources.filter((r) => known.get(r.name) !== hashes.get(r.name)).map((r) => r.name);
  const folder = path.basename(deps.dir);
  const result = await deps.engine.deploy(resources, {
    deploymentName: deps.deploymentName ?? (folder === 'bpmn' ? 'mops-flow' : folder),
    duplicateFiltering: true,
  });
  await deps.db.transaction(async (tx) => {
    for (const resource of resources) {
      await tx.query(
        `INSERT INTO deployed_resources (name, sha256, deployment_key) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET sha256 = EXCLUDED.sha256, deployment_key = EXCLUDED.deployment_key, deployed_at = now()`,
        [resource.name, hashes.get(resource.name), result.deploymentId],
      );
      if (!resource.name.endsWith('.bpmn')) continue;
      for (const element of diagramElements(resource.content)) {
        await tx.query(
          `INSERT INTO process_elements (bpmn_process_id, element_id, name, element_type) VALUES ($1, $2, $3, $4)
           ON CONFLICT (bpmn_process_id, element_id) DO UPDATE SET name = EXCLUDED.name, element_type = EXCLUDED.element_type`,
          [element.bpmnProcessId, element.elementId, element.name, element.elementType],
        );
      }
    }
  });
  const unchanged = names.filter((name) => !changed.includes(name));
  deps.log.info('Zasoby BPMN/DMN/formularze wdrożone', {
    deploymentKey: result.deploymentId,
    changed,
    unchanged,
    definitions: result.deployed.map((d) => `${d.key} v${d.version}`),
  });
  return { changed, unchanged };
}
