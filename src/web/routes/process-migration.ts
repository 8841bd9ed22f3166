import { Router } from 'express';
import { z } from 'zod';
import {
  dryRun,
  executeMigration,
  generatePlan,
  keepOnOldVersion,
  migrationHistory,
  processVersions,
} from '../../models/process-migration';
import type { WebDeps } from '../context';
import { engineIdSchema } from '../engine-id';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { migrationPage, type MigrationView } from '../views/process-migration-page';
import { signedIn } from '../views/page-context';
import { pathParam } from '../path-param';

const batchId = pathParam('id', engineIdSchema('to nie jest identyfikator wsadu'));

export const migrationQuery = z.object({
  key: z.string().max(200).optional(),
  source: z.string().max(200).optional(),
  target: z.string().max(200).optional(),
});

/** Moving running instances between versions (issue 11): API under /api/models/migration, page /modele/migracja. */
export function processMigrationRoutes(deps: WebDeps): Router {
  const router = Router();
  router.use(
    ['/api/models/migration', '/modele/migracja'],
    requireSession,
    requireCsrf,
    requireRole('process-owners'),
  );
  const migration = { engine: deps.engine, db: deps.db, log: deps.log };

  router.get('/api/models/migration/versions', async (_req, res) => {
    res.json({ items: await processVersions(deps.engine) });
  });
  router.post('/api/models/migration/plan', async (req, res) => {
    res.json(await generatePlan(migration, req.body));
  });
  router.post('/api/models/migration/validate', async (req, res) => {
    res.json(await dryRun(migration, req.body));
  });
  router.post('/api/models/migration/execute', async (req, res) => {
    res.json(await executeMigration(migration, req.session!.user, req.body));
  });
  router.post('/api/models/migration/keep', async (req, res) => {
    res.json(await keepOnOldVersion(migration, req.session!.user, req.body));
  });
  router.get('/api/models/migration/batches/:id', async (req, res) => {
    const progress = await deps.engine.batchProgress(batchId.parse(req.params.id));
    if (!progress) res.status(404).json({ error: { code: 'not-found', message: 'Nie ma takiego wsadu.' } });
    else res.json(progress);
  });
  router.get('/api/models/migration/history', async (_req, res) => {
    res.json({ items: await migrationHistory(deps.db) });
  });

  router.get('/modele/migracja', async (req, res) => {
    const query = migrationQuery.parse(req.query);
    const view: MigrationView = {
      versions: await processVersions(deps.engine),
      history: await migrationHistory(deps.db),
      key: query.key,
    };
    if (query.source && query.target)
      view.plan = await generatePlan(migration, {
        sourceDefinitionId: query.source,
        targetDefinitionId: query.target,
      });
    res.type('html').send(migrationPage(signedIn(req), view));
  });

  router.post('/modele/migracja/proba', async (req, res) => {
    const form = mappingForm(req.body);
    const view: MigrationView = {
      versions: await processVersions(deps.engine),
      history: await migrationHistory(deps.db),
      plan: await generatePlan(migration, form),
    };
    view.dryRun = await dryRun(migration, form);
    res.type('html').send(migrationPage(signedIn(req), view));
  });

  router.post('/modele/migracja/wykonaj', async (req, res) => {
    const form = mappingForm(req.body);
    const ids = (req.body as Record<string, unknown>).processInstanceIds;
    const outcome = await executeMigration(migration, req.session!.user, {
      ...form,
      processInstanceIds: Array.isArray(ids) ? ids : typeof ids === 'string' ? [ids] : [],
      async: (req.body as Record<string, unknown>).async === 'yes',
    });
    const view: MigrationView = {
      versions: await processVersions(deps.engine),
      history: await migrationHistory(deps.db),
      outcome,
      selected: selectedOf(form),
    };
    res.type('html').send(migrationPage(signedIn(req), view));
  });

  router.post('/modele/migracja/zostaw', async (req, res) => {
    const kept = await keepOnOldVersion(migration, req.session!.user, req.body);
    const view: MigrationView = {
      versions: await processVersions(deps.engine),
      history: await migrationHistory(deps.db),
      kept,
      selected: selectedOf(mappingForm(req.body)),
    };
    res.type('html').send(migrationPage(signedIn(req), view));
  });
  return router;
}

/** The page's form: the two versions and `map:<source activity>` = target activity ('' = not moved). */
function mappingForm(body: unknown): {
  sourceDefinitionId: unknown;
  targetDefinitionId: unknown;
  mapping: Record<string, string>;
} {
  const fields = (body ?? {}) as Record<string, unknown>;
  const mapping: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields))
    if (name.startsWith('map:') && typeof value === 'string') mapping[name.slice(4)] = value;
  return {
    sourceDefinitionId: fields.sourceDefinitionId,
    targetDefinitionId: fields.targetDefinitionId,
    mapping,
  };
}

function selectedOf(form: { sourceDefinitionId: unknown; targetDefinitionId: unknown }) {
  return { source: String(form.sourceDefinitionId ?? ''), target: String(form.targetDefinitionId ?? '') };
}
