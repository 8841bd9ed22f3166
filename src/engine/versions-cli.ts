import { versionsTable } from './versions-table';
import { withEngine } from './with-engine';

/** `npm run versions`: what is deployed and how many instances run on each version. */
withEngine(async (engine) => {
  console.log(versionsTable(await engine.definitionVersions()));
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
