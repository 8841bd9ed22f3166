import { Router } from 'express';
import { caseSummaryForTask } from '../../cases/case-summary';
import { claimTask, completeTask, openTaskFor } from '../../tasks/task-actions';
import { getTask, inboxQuerySchema, queryInbox, type InboxQuery } from '../../tasks/task-queries';
import type { WebDeps } from '../context';
import { localizeError, type I18n } from '../../i18n';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { TASK_FORMS } from '../../tasks/forms';
import { periodicRangeHint } from '../../tasks/forms/benefit-range';
import { signedIn } from '../views/page-context';
import {
  camundaFormPage,
  CHANNELS,
  inboxTable,
  newApplicationPage,
  taskFormPage,
  taskListPage,
} from '../views/task-pages';
import { startApplication } from './applications';

/** The plain HTML front (in the person's locale) over the same actions as the JSON API. */
export function pageRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get('/', (_req, res) => res.redirect(303, '/zadania'));
  router.use(['/zadania', '/wnioski'], requireSession, requireCsrf);

  router.get('/zadania', async (req, res) => {
    const query = inboxQuery(req.query, req.session!.user.roles);
    const page = await queryInbox(deps.db, req.session!.user, query, deps.now());
    res.type('html').send(taskListPage(signedIn(req), page, query, noticeText(req.i18n, req.query.info)));
  });

  router.get('/zadania/tabela', async (req, res) => {
    const query = inboxQuery(req.query, req.session!.user.roles);
    res
      .type('html')
      .send(
        inboxTable(signedIn(req), await queryInbox(deps.db, req.session!.user, query, deps.now()), query),
      );
  });

  router.get('/wnioski/nowy', requireRole('first-contact'), (req, res) => {
    res.type('html').send(newApplicationPage(signedIn(req)));
  });

  router.post('/wnioski', requireRole('first-contact'), async (req, res) => {
    const channel = String((req.body as Record<string, unknown>).channel ?? 'in-person');
    await startApplication(deps, (CHANNELS as readonly string[]).includes(channel) ? channel : 'in-person');
    res.redirect(303, '/zadania?info=application-started');
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
      res.type('html').send(
        camundaFormPage(signedIn(req), {
          userTaskKey: task.user_task_key,
          name: (await elementName(deps, task)) ?? task.element_id,
          caseSummary,
        }),
      );
      return;
    }
    res
      .type('html')
      .send(taskFormPage(signedIn(req), { ...(await viewWithHints(deps, task)), values: {}, caseSummary }));
  });

  router.post('/zadania/:key/zakoncz', async (req, res) => {
    const key = String(req.params.key);
    const values = Object.fromEntries(
      Object.entries(req.body as Record<string, unknown>)
        .filter(([k]) => k !== '_csrf')
        .map(([k, v]) => [k, String(v)]),
    );
    try {
      const { queued } = await completeTask(deps, key, req.session!.user, values);
      res.redirect(303, `/zadania?info=${queued ? 'task-queued' : 'task-completed'}`);
    } catch (error) {
      const answer = localizeError(error, req.i18n);
      const task = await getTask(deps.db, key);
      if (answer.code !== 'validation' || !task) throw error;
      const caseSummary = await caseSummaryForTask(deps.db, req.session!.user, task.process_instance_key);
      res
        .status(400)
        .type('html')
        .send(
          taskFormPage(signedIn(req), {
            ...(await viewWithHints(deps, task)),
            values,
            caseSummary,
            error: { field: answer.field, message: answer.message },
          }),
        );
    }
  });
  return router;
}

/** Notices after an action: the redirect names one (`?info=task-completed`), the page says it in the locale. */
const NOTICES = ['task-completed', 'task-queued', 'application-started'] as const;

function noticeText(i18n: I18n, info: unknown): string | undefined {
  const notice = NOTICES.find((n) => n === info);
  return notice ? i18n.t(`notice.${notice}`) : undefined;
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

/**
 * The form's fields, with the figures the person needs computed for this case (the allowed amount range), under the
 * task's name from the diagram (the same name the inbox shows).
 */
async function viewWithHints(
  deps: WebDeps,
  task: { user_task_key: string; element_id: string; bpmn_process_id: string; process_instance_key: string },
) {
  const name = await elementName(deps, task);
  const base = { ...view(task), ...(name ? { name } : {}) };
  const own = TASK_FORMS[task.element_id];
  if (own?.hints) {
    const hints = await own.hints(deps.db, task.process_instance_key);
    return { ...base, fields: base.fields.map((f) => (hints[f.name] ? { ...f, hint: hints[f.name] } : f)) };
  }
  if (task.element_id !== 'prepare-decision') return base;
  const hint = await periodicRangeHint(deps.db, task.process_instance_key, deps.now());
  return { ...base, fields: base.fields.map((f) => (f.name === 'amount' && hint ? { ...f, hint } : f)) };
}

/** The task's name as the diagram gives it (and the inbox shows it). */
async function elementName(
  deps: WebDeps,
  task: { bpmn_process_id: string; element_id: string },
): Promise<string | undefined> {
  const [element] = await deps.db.query<{ name: string | null }>(
    'SELECT name FROM process_elements WHERE bpmn_process_id = $1 AND element_id = $2',
    [task.bpmn_process_id, task.element_id],
  );
  return element?.name ?? undefined;
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
