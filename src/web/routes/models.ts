import path from 'node:path';
import express, { Router, type Response } from 'express';
import { z } from 'zod';
import { deploymentContract } from '../../../workers/deployment-contract';
import { EngineError } from '../../engine/engine-errors';
import { AppError } from '../../errors/app-error';
import { RESOURCE_NAME } from '../../models/definition-keys';
import {
  approveDraft,
  createDraft,
  deployDraft,
  deployedFile,
  discardDraft,
  draftDiff,
  findDeployments,
  findDraft,
  findDrafts,
  updateDraft,
  type ModelDeps,
} from '../../models/drafts';
import { currentModel } from '../../models/model-files';
import { diffInChild } from '../../models/model-tool-runner';
import { BPMN_DIR, ROOT_DIR } from '../../paths';
import type { WebDeps } from '../context';
import { editorBundles, EDITOR_ENTRIES } from '../editor-bundles';
import { engineIdSchema } from '../engine-id';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { diffPage, editorPage, modelsPage } from '../views/models-pages';
import { signedIn } from '../views/page-context';

export const MODEL_ROLES = ['process-owners'];

const draftId = z.string().uuid('draftId: to nie jest identyfikator szkicu');
const deploymentId = z.string().uuid('deploymentId: to nie jest identyfikator wdrożenia');
export const resourceNameSchema = z
  .string()
  .regex(
    RESOURCE_NAME,
    'resourceName: małe litery, cyfry i myślniki, z rozszerzeniem .bpmn, .dmn albo .form',
  );
export const createDraftBody = z.object({
  resourceName: resourceNameSchema,
  content: z.string().min(1, 'content: treść pliku jest pusta').max(2_000_000, 'content: najwyżej 2 MB'),
});
export const updateDraftBody = createDraftBody.pick({ content: true });
const definitionId = engineIdSchema('to nie jest identyfikator definicji silnika');
export const versionsDiffQuery = z.object({
  od: engineIdSchema('od: to nie jest identyfikator wersji procesu'),
  do: engineIdSchema('do: to nie jest identyfikator wersji procesu'),
});

const TYPES: Record<string, string> = {
  bpmn: 'application/xml',
  dmn: 'application/xml',
  form: 'application/json',
};

/** Sends a model file as it is stored (exact bytes), as a download when asked. */
function sendFile(res: Response, name: string, content: string, download: boolean): void {
  res.type(`${TYPES[path.extname(name).slice(1)] ?? 'text/plain'}; charset=utf-8`);
  res.setHeader('cache-control', 'no-store');
  if (download) res.attachment(name);
  res.send(Buffer.from(content, 'utf8'));
}

/**
 * Process owners' model screens (/modele) and API (/api/models): every deployed version and the files of bpmn/,
 * editors in the browser (bundled by esbuild, editor-bundles.ts), drafts with lint and guard rails on every save,
 * four-eyes approval, deployment through the engine port, the deployment record and the files' download.
 */
export function modelRoutes(deps: WebDeps, options: { modelsDir?: string } = {}): Router {
  const router = Router();
  const bundles = editorBundles(deps.log);
  // build the editors in the background at start-up (a request for one waits for the build)
  bundles.dir().catch((error: unknown) =>
    deps.log.warn('Edytory modeli nie zbudowane', {
      error: error instanceof Error ? error.message : String(error),
    }),
  );
  const model: ModelDeps = {
    db: deps.db,
    engine: deps.engine,
    modelsDir: options.modelsDir ?? BPMN_DIR,
    contract: deploymentContract(),
  };

  // the editors' style sheets, as the packages ship them (strict CSP: styles from 'self' only)
  const modules = path.join(ROOT_DIR, 'node_modules');
  for (const [url, dir] of [
    ['/vendor/dmn-js', 'dmn-js/dist/assets'],
    ['/vendor/properties-panel', '@bpmn-io/properties-panel/dist/assets'],
    ['/vendor/form-js-editor', '@bpmn-io/form-js-editor/dist/assets'],
  ] as const)
    router.use(url, express.static(path.join(modules, dir), { maxAge: '1d' }));

  // only this router's own paths: the preview and migration screens under /modele and /api/models guard themselves
  const guard = [requireSession, requireRole(...MODEL_ROLES), requireCsrf];
  router.use(
    [
      '/modele/edytor',
      '/modele/edytory',
      '/modele/szkice',
      '/modele/roznice',
      '/api/models/files',
      '/api/models/drafts',
      '/api/models/deployments',
      '/api/models/versions',
    ],
    ...guard,
  );

  router.get('/modele/edytory/:entry', async (req, res, next) => {
    const entry = /^([a-z-]+)\.js$/.exec(req.params.entry)?.[1];
    if (!entry || !(EDITOR_ENTRIES as readonly string[]).includes(entry)) return next();
    const dir = await bundles.dir();
    res.sendFile(path.join(dir, `${entry}.js`), { maxAge: '1h', dotfiles: 'allow' });
  });

  const overview = async () => {
    const [files, versions, drafts, deployments] = await Promise.all([
      currentModel(deps.db, model.modelsDir),
      deps.engine.definitionVersions(),
      findDrafts(deps.db, { open: true }),
      findDeployments(deps.db),
    ]);
    return { files, versions, drafts, deployments };
  };

  router.get('/modele', ...guard, async (req, res) => {
    res.type('html').send(modelsPage(signedIn(req), await overview()));
  });

  router.get('/api/models', ...guard, async (_req, res) => {
    const { files, versions, drafts, deployments } = await overview();
    res.json({
      files: files.map((f) => ({
        name: f.name,
        sha256: f.sha256,
        source: f.source,
        deploymentId: f.deploymentId,
      })),
      versions,
      drafts: drafts.map(({ content: _c, baseContent: _b, ...d }) => d),
      deployments,
    });
  });

  const currentFile = async (name: string) => {
    const file = (await currentModel(deps.db, model.modelsDir)).find((f) => f.name === name);
    if (!file)
      throw new AppError({ code: 'not-found', field: 'name', message: `Nie ma pliku modelu ${name}.` });
    return file;
  };

  router.get('/api/models/files/:name', async (req, res) => {
    const name = resourceNameSchema.parse(req.params.name);
    const file = await currentFile(name);
    sendFile(res, file.name, file.content, req.query.pobierz !== undefined);
  });

  router.get('/modele/edytor/:name', async (req, res) => {
    const name = resourceNameSchema.parse(req.params.name);
    await currentFile(name);
    res
      .type('html')
      .send(editorPage(signedIn(req), { resourceName: name, source: `/api/models/files/${name}` }));
  });

  // drafts
  router.post('/api/models/drafts', async (req, res) => {
    const body = createDraftBody.parse(req.body ?? {});
    res.status(201).json(await createDraft(model, body, req.session!.user.id));
  });
  router.get('/api/models/drafts/:id', async (req, res) => {
    const draft = await findDraft(deps.db, draftId.parse(req.params.id));
    if (!draft) throw new AppError({ code: 'not-found', message: 'Nie ma takiego szkicu.' });
    res.json(draft);
  });
  router.put('/api/models/drafts/:id', async (req, res) => {
    const id = draftId.parse(req.params.id);
    const body = updateDraftBody.parse(req.body ?? {});
    res.json(await updateDraft(model, id, body, req.session!.user.id));
  });
  router.get('/api/models/drafts/:id/file', async (req, res) => {
    const draft = await findDraft(deps.db, draftId.parse(req.params.id));
    if (!draft) throw new AppError({ code: 'not-found', message: 'Nie ma takiego szkicu.' });
    const base = req.query.wersja === 'bazowa';
    if (base && draft.baseContent === null)
      throw new AppError({ code: 'not-found', message: 'Szkic nowego pliku nie ma wersji wyjściowej.' });
    sendFile(
      res,
      draft.resourceName,
      base ? draft.baseContent! : draft.content,
      req.query.pobierz !== undefined,
    );
  });
  router.get('/api/models/drafts/:id/diff', async (req, res) => {
    const draft = await findDraft(deps.db, draftId.parse(req.params.id));
    if (!draft) throw new AppError({ code: 'not-found', message: 'Nie ma takiego szkicu.' });
    res.json(await draftDiff(draft));
  });
  router.post('/api/models/drafts/:id/approval', async (req, res) => {
    res.json(await approveDraft(deps.db, draftId.parse(req.params.id), req.session!.user.id));
  });
  router.post('/api/models/drafts/:id/deployment', async (req, res) => {
    res.status(201).json(await deployDraft(model, draftId.parse(req.params.id), req.session!.user.id));
  });
  router.post('/api/models/drafts/:id/discard', async (req, res) => {
    res.json(await discardDraft(deps.db, draftId.parse(req.params.id), req.session!.user.id));
  });
  router.get('/api/models/deployments', async (_req, res) => {
    res.json({ items: await findDeployments(deps.db) });
  });
  router.get('/api/models/deployments/:id/file', async (req, res) => {
    const file = await deployedFile(deps.db, deploymentId.parse(req.params.id));
    sendFile(res, file.name, file.content, true);
  });
  router.get('/api/models/versions', async (_req, res) => {
    res.json({ items: await deps.engine.definitionVersions() });
  });

  // the draft's pages and forms
  router.get('/modele/szkice/:id', async (req, res) => {
    const draft = await findDraft(deps.db, draftId.parse(req.params.id));
    if (!draft) throw new AppError({ code: 'not-found', message: 'Nie ma takiego szkicu.' });
    const ctx = signedIn(req);
    const info =
      req.query.info === 'approved'
        ? ctx.i18n.t('models.info.approved')
        : req.query.info === 'deployed'
          ? ctx.i18n.t('models.info.deployed', {
              versions:
                (await findDeployments(deps.db, { id: draft.deploymentId ?? undefined }))[0]?.versions
                  .map((v) => `${v.key} v${v.version}`)
                  .join(', ') || ctx.i18n.t('models.noNewVersions'),
            })
          : req.query.zapisano
            ? ctx.i18n.t('models.draft.saved')
            : undefined;
    res.type('html').send(
      editorPage(ctx, {
        resourceName: draft.resourceName,
        source: `/api/models/drafts/${draft.id}/file`,
        draft,
        info,
      }),
    );
  });
  router.get('/modele/szkice/:id/roznice', async (req, res) => {
    const draft = await findDraft(deps.db, draftId.parse(req.params.id));
    if (!draft) throw new AppError({ code: 'not-found', message: 'Nie ma takiego szkicu.' });
    const diff = await draftDiff(draft);
    const ctx = signedIn(req);
    res.type('html').send(
      diffPage(ctx, {
        title: ctx.i18n.t('models.diff.title', { file: draft.resourceName }),
        before: `/api/models/drafts/${draft.id}/file?wersja=bazowa`,
        after: `/api/models/drafts/${draft.id}/file`,
        bpmn: diff.kind === 'bpmn' ? diff.bpmn : undefined,
        dmn: diff.kind === 'dmn' ? diff.dmn : undefined,
        form: diff.kind === 'form' ? diff.form : undefined,
        back: `/modele/szkice/${draft.id}`,
      }),
    );
  });
  router.post('/modele/szkice/:id/zatwierdz', async (req, res) => {
    const id = draftId.parse(req.params.id);
    await approveDraft(deps.db, id, req.session!.user.id);
    res.redirect(303, `/modele/szkice/${id}?info=approved`);
  });
  router.post('/modele/szkice/:id/wdroz', async (req, res) => {
    const id = draftId.parse(req.params.id);
    await deployDraft(model, id, req.session!.user.id);
    res.redirect(303, `/modele/szkice/${id}?info=deployed`);
  });
  router.post('/modele/szkice/:id/odrzuc', async (req, res) => {
    await discardDraft(deps.db, draftId.parse(req.params.id), req.session!.user.id);
    res.redirect(303, '/modele');
  });

  // two deployed versions of a process, side by side
  router.get('/modele/roznice', async (req, res) => {
    const query = versionsDiffQuery.parse(req.query);
    const versions = await deps.engine.definitionVersions();
    const a = versions.find((v) => v.id === query.od && v.kind === 'process');
    const b = versions.find((v) => v.id === query.do && v.kind === 'process');
    if (!a || !b)
      throw new AppError({
        code: 'not-found',
        field: a ? 'do' : 'od',
        message: 'Nie ma takiej wersji procesu.',
      });
    const bpmn = await diffInChild(await diagramXml(deps, a.id), await diagramXml(deps, b.id));
    const ctx = signedIn(req);
    res.type('html').send(
      diffPage(ctx, {
        title: ctx.i18n.t('models.diff.versionsTitle', { key: a.key, a: a.version, b: b.version }),
        before: `/api/models/versions/${encodeURIComponent(a.id)}/xml`,
        after: `/api/models/versions/${encodeURIComponent(b.id)}/xml`,
        bpmn,
        back: '/modele#versions',
      }),
    );
  });
  router.get('/api/models/versions/:definitionId/xml', async (req, res) => {
    const id = definitionId.parse(req.params.definitionId);
    res.type('application/xml; charset=utf-8').send(await diagramXml(deps, id));
  });
  return router;
}

/** A version's diagram from the engine: an unknown version is a 404, an engine that fails a 503 — never a 500. */
async function diagramXml(deps: WebDeps, definitionId: string): Promise<string> {
  try {
    return await deps.engine.processDiagramXml(definitionId);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    throw error.code === 'not-found' || error.code === 'invalid'
      ? new AppError({
          code: 'not-found',
          field: 'definitionId',
          message: `Nie ma wersji procesu ${definitionId}.`,
        })
      : new AppError({
          code: 'engine-unavailable',
          message: 'Silnik nie podał diagramu tej wersji.',
          cause: error,
        });
  }
}
