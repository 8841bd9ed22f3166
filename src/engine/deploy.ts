import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Camunda8 } from '@camunda8/sdk';
import type { Resource } from '@camunda8/sdk/dist/zeebe/lib/deployResource';
import type { FormDeployment, ProcessDeployment } from '@camunda8/sdk/dist/zeebe/lib/interfaces-grpc-1.0';
import type { Database } from '../db/database';
import type { Logger } from '../logger';
import { diagramElements } from './diagram-elements';

export const RESOURCE_EXTENSIONS = ['.bpmn', '.dmn', '.form'];

export interface DeploymentReport {
  changed: string[];
  unchanged: string[];
}

/**
 * Deploys every resource in `bpmn/` in one deployment. The engine itself keeps the version of a resource whose
 * content did not change (no new version), and we compare content hashes to report which files changed.
 */
export async function deployResources(deps: {
  engine: Camunda8;
  db: Database;
  log: Logger;
  dir: string;
}): Promise<DeploymentReport> {
  const names = (await readdir(deps.dir))
    .filter((name) => RESOURCE_EXTENSIONS.includes(path.extname(name)))
    .sort();
  const resources = await Promise.all(
    names.map(async (name) => ({ name, content: await readFile(path.join(deps.dir, name), 'utf8') })),
  );
  if (resources.length === 0) return { changed: [], unchanged: [] };
  const known = new Map(
    (
      await deps.db.query<{ name: string; sha256: string }>('SELECT name, sha256 FROM deployed_resources')
    ).map((r) => [r.name, r.sha256]),
  );
  const hashes = new Map(
    resources.map((r) => [r.name, createHash('sha256').update(r.content).digest('hex')]),
  );
  const changed = resources.filter((r) => known.get(r.name) !== hashes.get(r.name)).map((r) => r.name);
  const response = await deps.engine.getZeebeGrpcApiClient().deployResources(resources.map(toResource));
  await deps.db.transaction(async (tx) => {
    for (const resource of resources) {
      await tx.query(
        `INSERT INTO deployed_resources (name, sha256, deployment_key) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET sha256 = EXCLUDED.sha256, deployment_key = EXCLUDED.deployment_key, deployed_at = now()`,
        [resource.name, hashes.get(resource.name), String(response.key)],
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
  await recordForms(deps.db, response.deployments as Partial<FormDeployment>[], resources);
  const unchanged = names.filter((name) => !changed.includes(name));
  deps.log.info('Zasoby BPMN/DMN/formularze wdrożone', {
    deploymentKey: String(response.key),
    changed,
    unchanged,
    processes: (response.deployments as Partial<ProcessDeployment>[]).flatMap((d) =>
      d.process ? [`${d.process.bpmnProcessId} v${d.process.version}`] : [],
    ),
  });
  return { changed, unchanged };
}

/** Keeps each deployed form's schema under the key the engine puts on user task records. */
async function recordForms(
  db: Database,
  deployments: Partial<FormDeployment>[],
  resources: { name: string; content: string }[],
): Promise<void> {
  for (const { form } of deployments) {
    if (!form) continue;
    const resource = resources.find((r) => r.name === form.resourceName);
    if (!resource) continue;
    await db.query(
      `INSERT INTO forms (form_key, form_id, version, schema) VALUES ($1, $2, $3, $4)
       ON CONFLICT (form_key) DO UPDATE SET schema = EXCLUDED.schema`,
      [String(form.formKey), form.formId, form.version, resource.content],
    );
  }
}

function toResource(resource: { name: string; content: string }): Resource {
  const content = Buffer.from(resource.content, 'utf8');
  switch (path.extname(resource.name)) {
    case '.dmn':
      return { name: resource.name, decision: content };
    case '.form':
      return { name: resource.name, form: content };
    default:
      return { name: resource.name, process: content };
  }
}
