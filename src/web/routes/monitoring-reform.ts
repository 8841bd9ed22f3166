import { Router, type Request } from 'express';
import type { Queryable } from '../../db/database';
import { flowCases, flowMeasure, flowPeriod, placeNames } from '../../monitoring/flow-data';
import {
  flowCasesQuery,
  flowQuery,
  reformQuery,
  reformTasksQuery,
} from '../../monitoring/monitoring-queries';
import { names, reformMeasure, reformTasks } from '../../monitoring/reform-data';
import { changeClassification, listClassification } from '../../monitoring/task-classification';
import type { WebDeps } from '../context';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { classificationPage } from '../views/monitoring/classification-page';
import { flowCasesPage } from '../views/monitoring/flow-cases-page';
import { flowPage } from '../views/monitoring/flow-page';
import { reformPage } from '../views/monitoring/reform-page';
import { reformTasksPage } from '../views/monitoring/reform-tasks-page';
import { signedIn } from '../views/page-context';

/** Who reads the reform's measure (process owners too: they see what their classification does). */
export const REFORM_ROLES = ['managers', 'analysts', 'process-owners'];
export const FLOW_ROLES = ['managers', 'analysts'];

/**
 * The reform's measure (/monitoring/reforma), its classification of task types and the flow of applications
 * (/monitoring/przeplyw), with their JSON APIs and the drill-down to the tasks and cases behind every figure.
 */
export function monitoringReformRoutes(deps: WebDeps): Router {
  const router = Router();
  router.use(
    ['/monitoring/reforma', '/api/monitoring/reform'],
    requireSession,
    requireCsrf,
    requireRole(...REFORM_ROLES),
  );
  router.use(
    ['/monitoring/przeplyw', '/api/monitoring/flow'],
    requireSession,
    requireCsrf,
    requireRole(...FLOW_ROLES),
  );

  router.get('/api/monitoring/reform', async (req, res) => {
    res.json(await reformMeasure(deps.db, reformQuery.parse(req.query)));
  });
  router.get('/api/monitoring/reform/tasks', async (req, res) => {
    const query = reformTasksQuery.parse(req.query);
    const tasks = await reformTasks(deps.db, query);
    await auditDrillDown(deps.db, req, 'reform-tasks', query, tasks.length);
    res.json({ items: tasks });
  });
  router.get('/monitoring/reforma', async (req, res) => {
    const query = reformQuery.parse(req.query);
    const measure = await reformMeasure(deps.db, query);
    res.type('html').send(reformPage(signedIn(req), measure, query, await teamList(deps.db)));
  });
  router.get('/monitoring/reforma/zadania', async (req, res) => {
    const query = reformTasksQuery.parse(req.query);
    const tasks = await reformTasks(deps.db, query);
    await auditDrillDown(deps.db, req, 'reform-tasks', query, tasks.length);
    const logins = [...new Set(tasks.map((task) => task.person).filter((p): p is string => p !== null))];
    if (query.person) logins.push(query.person);
    res.type('html').send(reformTasksPage(signedIn(req), tasks, query, await names(deps.db, logins)));
  });

  router.get('/monitoring/reforma/klasyfikacja', async (req, res) => {
    const changed = Number(req.query.zmieniono);
    res
      .type('html')
      .send(
        classificationPage(
          signedIn(req),
          await listClassification(deps.db),
          Number.isInteger(changed) && changed >= 0 ? { changed } : undefined,
        ),
      );
  });
  router.post('/monitoring/reforma/klasyfikacja', requireRole('process-owners'), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const changes = Object.fromEntries(
      Object.entries(body)
        .filter(([key]) => key !== '_csrf')
        .map(([key, value]) => [key, typeof value === 'string' ? value : '']),
    );
    const changed = await changeClassification(deps.db, req.session!.user, changes);
    res.redirect(303, `/monitoring/reforma/klasyfikacja?zmieniono=${changed.length}`);
  });

  router.get('/api/monitoring/flow', async (req, res) => {
    res.json(await flowMeasure(deps.db, flowQuery.parse(req.query), deps.now()));
  });
  router.get('/api/monitoring/flow/cases', async (req, res) => {
    const query = flowCasesQuery.parse(req.query);
    const cases = await flowCases(deps.db, query, deps.now());
    await auditDrillDown(deps.db, req, 'flow-cases', query, cases.length);
    res.json({ ...flowPeriod(query, deps.now()), items: cases });
  });
  router.get('/monitoring/przeplyw', async (req, res) => {
    res
      .type('html')
      .send(flowPage(signedIn(req), await flowMeasure(deps.db, flowQuery.parse(req.query), deps.now())));
  });
  router.get('/monitoring/przeplyw/sprawy', async (req, res) => {
    const query = flowCasesQuery.parse(req.query);
    const cases = await flowCases(deps.db, query, deps.now());
    await auditDrillDown(deps.db, req, 'flow-cases', query, cases.length);
    res
      .type('html')
      .send(
        flowCasesPage(
          signedIn(req),
          cases,
          { ...query, ...flowPeriod(query, deps.now()) },
          await placeNames(deps.db),
        ),
      );
  });
  return router;
}

async function teamList(db: Queryable): Promise<{ roleId: string; name: string }[]> {
  const rows = await db.query<{ role_id: string; name: string }>(
    'SELECT DISTINCT ON (role_id) role_id, name FROM teams ORDER BY role_id, id',
  );
  return rows.map((row) => ({ roleId: row.role_id, name: row.name }));
}

/** A list of cases or tasks behind a figure names cases: the read is logged like a case read. */
async function auditDrillDown(
  db: Queryable,
  req: Request,
  entity: string,
  query: object,
  count: number,
): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (user_id, action, entity, entity_id, details) VALUES ($1, 'monitoring-drill-down', $2, NULL, $3)`,
    [req.session!.user.id, entity, JSON.stringify({ query, count })],
  );
}
