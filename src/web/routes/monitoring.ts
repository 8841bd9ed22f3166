import { Router } from 'express';
import { z } from 'zod';
import { engineError } from '../../engine/engine-errors';
import { AppError } from '../../errors/app-error';
import { processVersions, processView, processDefinition, waitingCases } from '../../monitoring/process-view';
import type { WebDeps } from '../context';
import { engineIdSchema } from '../engine-id';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { signedIn } from '../views/page-context';
import { monitoringHubPage } from '../views/monitoring/monitoring-hub-page';
import { processListPage } from '../views/monitoring/process-list-page';
import { processViewPage } from '../views/monitoring/process-view-page';

/** Who sees the figures of the process view; process owners too (their diagrams), without the lists of people. */
export const PROCESS_VIEW_ROLES = ['managers', 'analysts', 'process-owners'] as const;
/** Who may open the lists of cases (names of people) behind the figures. */
export const WAITING_LIST_ROLES = ['managers', 'analysts'] as const;

export const definitionParams = z.object({
  definitionId: engineIdSchema('to nie jest identyfikator wersji procesu'),
});
/** A BPMN element id (an NCName as modellers write it). */
export const elementIdSchema = z
  .string()
  .regex(/^[A-Za-z_][\w.-]{0,99}$/, 'to nie jest identyfikator kroku diagramu')
  .describe('Identyfikator kroku (elementu BPMN)');
export const elementParams = definitionParams.extend({ elementId: elementIdSchema });
export const processViewQuery = z.object({ element: elementIdSchema.optional() });

/**
 * Managers' monitoring (issue 12): the hub `/monitoring`, the process list and the process view with its figures
 * and the cases waiting at a step, as pages and as JSON under `/api/monitoring`.
 */
export function monitoringRoutes(deps: WebDeps): Router {
  const router = Router();
  router.use(['/monitoring', '/api/monitoring'], requireSession, requireCsrf);
  const mayList = (roles: string[]) => WAITING_LIST_ROLES.some((r) => roles.includes(r));
  const fromEngine = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw engineError(error, what);
    }
  };

  router.get('/monitoring', requireRole(...WAITING_LIST_ROLES), (req, res) => {
    res.type('html').send(monitoringHubPage(signedIn(req)));
  });

  router.get('/monitoring/procesy', requireRole(...PROCESS_VIEW_ROLES), async (req, res) => {
    const versions = await fromEngine('Nie udało się odczytać wersji procesów', () =>
      processVersions(deps.engine),
    );
    res.type('html').send(processListPage(signedIn(req), versions));
  });

  router.get('/monitoring/procesy/:definitionId', requireRole(...PROCESS_VIEW_ROLES), async (req, res) => {
    const { definitionId } = definitionParams.parse(req.params);
    const { element } = processViewQuery.parse(req.query);
    const user = req.session!.user;
    if (element && !mayList(user.roles)) throw forbiddenList();
    const view = await fromEngine('Nie udało się odczytać figur procesu', () =>
      processView(deps, definitionId, deps.now()),
    );
    const waiting = element
      ? {
          elementId: element,
          cases: await waitingCases(deps.db, user, { definitionId, elementId: element }, 'page'),
        }
      : undefined;
    res.type('html').send(processViewPage(signedIn(req), view, { canList: mayList(user.roles), waiting }));
  });

  router.get('/api/monitoring/processes', requireRole(...PROCESS_VIEW_ROLES), async (_req, res) => {
    const versions = await fromEngine('Nie udało się odczytać wersji procesów', () =>
      processVersions(deps.engine),
    );
    res.json({ items: versions.filter((v) => v.kind === 'process') });
  });

  router.get(
    '/api/monitoring/processes/:definitionId',
    requireRole(...PROCESS_VIEW_ROLES),
    async (req, res) => {
      const { definitionId } = definitionParams.parse(req.params);
      res.json(
        await fromEngine('Nie udało się odczytać figur procesu', () =>
          processView(deps, definitionId, deps.now()),
        ),
      );
    },
  );

  router.get(
    '/api/monitoring/processes/:definitionId/diagram',
    requireRole(...PROCESS_VIEW_ROLES),
    async (req, res) => {
      const { definitionId } = definitionParams.parse(req.params);
      const xml = await fromEngine('Nie udało się odczytać diagramu', async () => {
        await processDefinition(deps.engine, definitionId);
        return deps.engine.processDiagramXml(definitionId);
      });
      res.type('application/xml').send(xml);
    },
  );

  router.get(
    '/api/monitoring/processes/:definitionId/elements/:elementId/cases',
    requireRole(...WAITING_LIST_ROLES),
    async (req, res) => {
      const { definitionId, elementId } = elementParams.parse(req.params);
      await fromEngine('Nie udało się odczytać wersji procesu', () =>
        processDefinition(deps.engine, definitionId),
      );
      res.json({
        items: await waitingCases(deps.db, req.session!.user, { definitionId, elementId }, 'api'),
      });
    },
  );
  return router;
}

function forbiddenList() {
  return new AppError({
    code: 'forbidden',
    field: 'element',
    message: 'Listę spraw na kroku widzą kierownicy i analitycy.',
  });
}
