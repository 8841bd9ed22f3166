import path from 'node:path';
import { BPMN_DIR } from '../paths';
import { deployFolder, deploymentReport } from './deploy-folder';
import { deploymentContract } from '../../workers/deployment-contract';
import { withEngine } from './with-engine';

/**
 * `npm run deploy [-- folder]`: checks the guard rails, deploys the changed resources of `bpmn/` (or the folder) and
 * prints the new versions.
 */
withEngine(async (engine) => {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : BPMN_DIR;
  console.log(deploymentReport(await deployFolder(engine, dir, { contract: deploymentContract() })));
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
