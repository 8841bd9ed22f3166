import { Router } from 'express';
import { caseSummaryForTask } from '../../cases/case-summary';
import { claimTask, completeTask, openTaskFor } from '../../tasks/task-actions';
import { getTask, inboxQuerySchema, queryInbox, type InboxQuery } from '../../tasks/task-queries';
import type { WebDeps } from '../context';
import { toAppError } from '../error-handler';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { TASK_FORMS } from '../../tasks/forms';
import { periodicRangeHint } from '../../tasks/forms/benefit-range';
import {
  camundaFormPage,
  inboxTable,
  newApplicationPage,
  taskFormPage,
  taskListPage,
} from '../views/task-pages';
import { startApplication } from './applications';

/** The plain Polish HTML front over the same actions as the JSON API. */
export function pageRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get('/', (_req, res) => res.redirect(303, '/zadania'));
  router.use(['/zadania', '/wnioski'], requireSession, requireCsrf);

  router.get('/zadania', async (req, res) => {
    const query = inboxQuery(req.query, req.session!.user.roles);
    const page = await queryInbox(deps.db, req.session!.user, query);
    const notice = typeof req.query.info === 'string' ? req.query.info : undefined;
    res.type('html').send(taskListPage(req.session!, page, query, notice));
  });

  router.get('/zadania/tabela', async (req, res) => {
    const query = inboxQuery(req.query, req.session!.user.roles);
    res
      .type('html')
      .send(inboxTable(req.session!, await queryInbox(deps.db, req.session!.user, query), query));
  });

  router.get('/wnioski/nowy', requireRole('first-contact'), (req, res) => {
    res.type('html').send(newApplicationPage(req.session!));
  });

  router.post('/wnioski', requireRole('first-contact'), async (req, res) => {
    const channel = String((req.body as Record<string, unknown>).channel ?? 'in-person');
    await startApplication(
      deps,
      ['in-person', 'phone', 'mail', 'epuap'].includes(channel) ? channel : 'in-person',
    );
    res.redirect(
      303,
      `/zadania?info=${encodeURIComponent('Wniosek rozpoczęty — zadanie „Przyjęcie wniosku” pojawi się na liście za chwilę.')}`,
    );
  });

  router.post('/zadania/:key/przejmij', async (req, res) => {
    await claimTask(deps, String(req.params.key), req.session!.user);
    res.redirect(303, `/zadania/${encodeURIComponent(String(req.params.key))}`);
  });

  router.get('/zadania/:key', async (req, res) => {
    const user = req.session!.user;
    const task = await openTaskFor(deps, String(req.params.key), user);
    const caseSummary = await caseSummaryForTask(deps.db, user, task.process_instance_key);
    if (!TASK_FORMS[task.element_id]) {
      const names = await deps.db.query<{ name: string }>(
        'SELECT name FROM process_elements WHERE bpmn_process_id = $1 AND element_id = $2',
        [task.bpmn_process_id, task.element_id],
      );
      res.type('html').send(
        camundaFormPage(req.session!, {
          userTaskKey: task.user_task_key,
          name: names[0]?.name ?? task.element_id,
          caseSummary,
        }),
      );
      return;
    }
    res
      .type('html')
      .send(taskFormPage(req.session!, { ...(await viewWithHints(deps, task)), values: {}, caseSummary }));
  });

  router.post('/zadania/:key/zakoncz', async (req, res) => {
    const key = String(req.params.key);
    const values = Object.fromEntries(
      Object.entries(req.body as Record<string, unknown>)
        .filter(([k]) => k !== '_csrf')
        .map(([k, v]) => [k, String(v)]),
    );
    try {
      await completeTask(deps, key, req.session!.user, values);
      res.redirect(303, `/zadania?info=${encodeURIComponent('Zadanie zakończone.')}`);
    } catch (error) {
      const appError = toAppError(error);
      const task = await getTask(deps.db, key);
      if (appError.code !== 'validation' || !task) throw appError;
      const caseSummary = await caseSummaryForTask(deps.db, req.session!.user, task.process_instance_key);
      res
        .status(400)
        .type('html')
        .send(
          taskFormPage(req.session!, {
            ...(await viewWithHints(deps, task)),
            values,
            caseSummary,
            error: { field: appError.field, message: appError.message },
          }),
        );
    }
  });
  return router;
}

/** The page's filter: unknown or foreign values fall back to defaults instead of an error page. */
function inboxQuery(raw: unknown, roles: string[]): InboxQuery {
  const input = { ...(raw as Record<string, unknown>) };
  delete input.info;
  if (typeof input.group === 'string' && !roles.includes(input.group)) delete input.group;
  if (input.group === '') delete input.group;
  if (input.q === '') delete input.q;
  const parsed = inboxQuerySchema.safeParse(input);
  return parsed.success ? parsed.data : inboxQuerySchema.parse({});
}

/** The form's fields, with the figures the person needs computed for this case (the allowed amount range). */
async function viewWithHints(
  deps: WebDeps,
  task: { user_task_key: string; element_id: string; process_instance_key: string },
) {
  const base = view(task);
  if (task.element_id !== 'prepare-decision') return base;
  const hint = await periodicRangeHint(deps.db, task.process_instance_key);
  return { ...base, fields: base.fields.map((f) => (f.name === 'amount' && hint ? { ...f, hint } : f)) };
}

function view(task: { user_task_key: string; element_id: string }) {
  const form = TASK_FORMS[task.element_id];
  return {
    userTaskKey: task.user_task_key,
    elementId: task.element_id,
    name: form?.title ?? task.element_id,
    fields: form?.fields ?? [],
  };
}
