import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Database } from '../../db/database';
import { deadlinesQuerySchema, deadlinesReport } from '../../monitoring/deadlines';
import { teamMembers, workloadQuerySchema, workloadReport } from '../../monitoring/workload';
import { reassignTask } from '../../tasks/task-actions';
import type { WebDeps } from '../context';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { deadlinesPage } from '../views/deadlines-page';
import { signedIn } from '../views/page-context';
import { workloadPage } from '../views/workload-page';
import { taskKey } from './tasks';

/** Where a reassign form may send the manager back to: one of the two pages, with its own query. */
const BACK = /^\/monitoring\/(terminy|obciazenie)(\?[A-Za-z0-9%=&._~+-]*)?$/;

export const reassignFormBody = z.object({
  assignee: z.string().trim().min(1, 'wybierz osobę').max(100),
  back: z.string().max(500).optional(),
});

/**
 * Managers' deadlines (/monitoring/terminy) and workload (/monitoring/obciazenie) with their JSON equivalents;
 * managers and analysts read, only managers reassign (the inbox's reassignTask: the engine port, then the audit).
 */
export function monitoringDeadlineRoutes(deps: WebDeps): Router {
  const router = Router();
  router.use(
    [
      '/monitoring/terminy',
      '/monitoring/obciazenie',
      '/monitoring/zadania',
      '/api/monitoring/deadlines',
      '/api/monitoring/workload',
    ],
    requireSession,
    requireCsrf,
    requireRole('managers', 'analysts'),
  );

  router.get('/api/monitoring/deadlines', async (req, res) => {
    res.json(await deadlinesReport(deps.db, deadlinesQuerySchema.parse(req.query), deps.now()));
  });

  router.get('/api/monitoring/workload', async (req, res) => {
    res.json(await workloadReport(deps.db, workloadQuerySchema.parse(req.query), deps.now()));
  });

  router.get('/monitoring/terminy', async (req, res) => {
    const query = deadlinesQuerySchema.parse(req.query);
    const report = await deadlinesReport(deps.db, query, deps.now());
    const roles = [...report.sections.flatMap((s) => s.items), ...report.atRisk.items].map((r) => r.teamRole);
    res.type('html').send(
      deadlinesPage(signedIn(req), {
        report,
        query,
        teams: await teamsOf(deps.db),
        members: await membersFor(req, deps.db, roles),
        notice: await notice(req, deps.db),
      }),
    );
  });

  router.get('/monitoring/obciazenie', async (req, res) => {
    const query = workloadQuerySchema.parse(req.query);
    const report = await workloadReport(deps.db, query, deps.now());
    res.type('html').send(
      workloadPage(signedIn(req), {
        report,
        query,
        members: await membersFor(
          req,
          deps.db,
          (report.tasks?.items ?? []).map((task) => task.teamRole),
        ),
        notice: await notice(req, deps.db),
      }),
    );
  });

  router.post('/monitoring/zadania/:key/przekaz', requireRole('managers'), async (req, res) => {
    const body = reassignFormBody.parse(req.body ?? {});
    await reassignTask(deps, taskKey.parse(req.params.key), req.session!.user, body.assignee);
    const back = body.back && BACK.test(body.back) ? body.back : '/monitoring/obciazenie';
    const separator = back.includes('?') ? '&' : '?';
    res.redirect(303, `${back}${separator}przekazano=${encodeURIComponent(body.assignee)}`);
  });
  return router;
}

async function teamsOf(db: Database): Promise<{ role: string; name: string }[]> {
  const rows = await db.query<{ role: string; name: string }>(
    `SELECT DISTINCT ON (role_id) role_id AS role, name FROM teams ORDER BY role_id, name`,
  );
  return rows;
}

/** The reassign choices per role for a manager (absent for analysts: they only read). */
async function membersFor(
  req: Request,
  db: Database,
  roles: (string | null)[],
): Promise<Map<string, { login: string; displayName: string }[]> | undefined> {
  if (!req.session!.user.roles.includes('managers')) return undefined;
  const unique = [...new Set(roles.filter((role): role is string => Boolean(role)))];
  return new Map(await Promise.all(unique.map(async (role) => [role, await teamMembers(db, role)] as const)));
}

/** After a reassign: "Zadanie przekazano: <name>" (the person's name from the accounts, never the raw parameter). */
async function notice(req: Request, db: Database): Promise<string | undefined> {
  const login = typeof req.query.przekazano === 'string' ? req.query.przekazano : undefined;
  if (!login) return undefined;
  const [user] = await db.query<{ display_name: string }>('SELECT display_name FROM users WHERE login = $1', [
    login,
  ]);
  return user ? req.i18n.t('deadlines.reassigned', { assignee: user.display_name }) : undefined;
}
