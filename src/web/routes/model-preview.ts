import { Router } from 'express';
import { readResources } from '../../engine/deploy';
import { previewModel } from '../../models/model-preview';
import { BPMN_DIR } from '../../paths';
import type { WebDeps } from '../context';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { previewPage } from '../views/model-preview-page';
import { signedIn } from '../views/page-context';

/** „Try before it counts” (issue 11): a changed .dmn or .bpmn run on past cases in an engine tenant of its own. */
export function modelPreviewRoutes(deps: WebDeps): Router {
  const router = Router();
  router.use(
    ['/api/models/preview', '/modele/podglad'],
    requireSession,
    requireCsrf,
    requireRole('process-owners'),
  );
  const previewDeps = { engine: deps.engine, db: deps.db, log: deps.log, now: deps.now };

  router.post('/api/models/preview', async (req, res) => {
    res.json(await previewModel(previewDeps, req.session!.user, req.body));
  });

  router.get('/modele/podglad', async (req, res) => {
    res.type('html').send(previewPage(signedIn(req), await modelFiles()));
  });

  // the form (and the editor's „Podgląd na sprawach” button) posts the file's name and content
  router.post('/modele/podglad', async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const files = await modelFiles();
    // a file chosen from bpmn/ without content: its current text (shows what a re-deployment would change: nothing)
    const chosen = typeof body.file === 'string' ? files.find((f) => f.name === body.file) : undefined;
    const content = typeof body.content === 'string' && body.content.trim() ? body.content : chosen?.content;
    const resourceName =
      typeof body.resourceName === 'string' && body.resourceName ? body.resourceName : chosen?.name;
    const result = await previewModel(previewDeps, req.session!.user, {
      resourceName,
      content,
      months: body.months === '' ? undefined : body.months,
    });
    res.type('html').send(previewPage(signedIn(req), files, result));
  });
  return router;
}

async function modelFiles(): Promise<{ name: string; content: string }[]> {
  return (await readResources(BPMN_DIR)).filter((r) => /\.(bpmn|dmn)$/.test(r.name));
}
