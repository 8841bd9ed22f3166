import path from 'node:path';
import { readResources } from './deploy';
import { checkDeployment, refusal, type DeploymentContract } from './guard-rails';
import type { DeployedDefinition, EnginePort } from './port';

export interface FolderDeployment {
  deploymentId: string;
  /** The new versions the engine made (only of the resources that changed). */
  deployed: DeployedDefinition[];
  resources: string[];
}

/**
 * `npm run deploy`: every BPMN, DMN and form file of a folder in one deployment, with the engine's duplicate
 * filtering (deploy-changed-only): only resources whose content changed get a new version; the rest stay. With a
 * contract, the guard rails run first and a deployment that would break the code is refused before it reaches
 * the engine (decisions already deployed count as present).
 */
export async function deployFolder(
  engine: EnginePort,
  dir: string,
  options: { deploymentName?: string; contract?: DeploymentContract } = {},
): Promise<FolderDeployment> {
  const resources = await readResources(dir);
  if (resources.length === 0) throw new Error(`W katalogu ${dir} nie ma plików .bpmn, .dmn ani .form.`);
  if (options.contract) {
    const decisions = (await engine.definitionVersions())
      .filter((v) => v.kind === 'decision')
      .map((v) => v.key);
    const findings = checkDeployment(resources, options.contract, { decisions });
    if (findings.length > 0)
      throw new DeploymentRefused(
        findings.map((f) => f.rule),
        refusal(findings),
      );
  }
  const deploymentName =
    options.deploymentName ?? (path.basename(dir) === 'bpmn' ? 'mops-flow' : path.basename(dir));
  const result = await engine.deploy(resources, { deploymentName, duplicateFiltering: true });
  return {
    deploymentId: result.deploymentId,
    deployed: result.deployed,
    resources: resources.map((r) => r.name),
  };
}

export function deploymentReport(deployment: FolderDeployment): string {
  if (deployment.deployed.length === 0)
    return `Nic się nie zmieniło: ${deployment.resources.length} plików jest już wdrożonych w tej treści.`;
  return [
    `Wdrożenie ${deployment.deploymentId}: nowe wersje`,
    ...deployment.deployed.map(
      (d) => `  ${d.kind === 'process' ? 'proces' : 'decyzja'} ${d.key} v${d.version} (${d.resource})`,
    ),
  ].join('\n');
}

/** A deployment the guard rails refused: the rules broken, and the whole refusal as text. */
export class DeploymentRefused extends Error {
  constructor(
    readonly rules: string[],
    message: string,
  ) {
    super(message);
    this.name = 'DeploymentRefused';
  }
}
