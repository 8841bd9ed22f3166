import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  BREAK_GLASS_LIST_LIMIT,
  breakGlassReaders,
  listBreakGlassReads,
  type BreakGlassFilter,
} from '../../cases/break-glass';
import { BREAK_GLASS_MAX_REASON, BREAK_GLASS_MIN_REASON } from '../../cases/case-access';
import { readCaseFile, type CaseFile } from '../../cases/case-file';
import { isValidDate } from '../../domain/calendar-date';
import { AppError } from '../../errors/app-error';
import { issueText } from '../../i18n/localize-error';
import type { WebDeps } from '../context';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { breakGlassAuditPage, caseUnavailablePage } from '../views/break-glass-pages';
import { casePage } from '../views/case-page';
import { signedIn } from '../views/page-context';
import { pathParam } from '../path-param';

const id = pathParam('id', z.string().uuid('to nie jest identyfikator'));
/** The reason of a break-glass read (API and page). */
export const breakGlassBody = z.object({
  reason: z
    .string()
    .trim()
    .min(BREAK_GLASS_MIN_REASON, 'Podaj powód otwarcia akt poza zasadami (min. 20 znaków).')
    .max(BREAK_GLASS_MAX_REASON),
});

const day = z.string().refine(isValidDate, 'data w formacie RRRR-MM-DD');

/** The managers' filter of the break-glass list (page and API): a person's login and a range of days, inclusive. */
export const breakGlassFilterQuery = z
  .object({
    person: z.string().trim().min(1).max(50).optional().describe('Login osoby'),
    from: day.optional().describe('Pierwszy dzień (RRRR-MM-DD, czas warszawski), włącznie'),
    to: day.optional().describe('Ostatni dzień (RRRR-MM-DD, czas warszawski), włącznie'),
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.to < query.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: TO_BEFORE_FROM });
  });

export const TO_BEFORE_FROM = 'dzień końcowy nie może być wcześniejszy niż początkowy';

export function toBreakGlassFilter(query: z.infer<typeof breakGlassFilterQuery>): BreakGlassFilter {
  return { login: query.person, from: query.from, to: query.to };
}

/**
 * The break-glass pages. A case page one may not read answers like an unknown id (case-routes: the neutral page
 * with the form); the form's POST opens the file for that one answer through the same read as the API
 * (`readCaseFile` with the reason: audited as `case-read-break-glass`, channel `page`) — an unknown id, and anyone
 * without a role, get the neutral page again. Managers review the reads at /audyt/dostep-nadzwyczajny.
 */
export function breakGlassRoutes(deps: WebDeps): Router {
  const router = Router();
  router.use(['/sprawy', '/audyt'], requireSession, requireCsrf);

  router.get('/sprawy/:id/dostep-nadzwyczajny', (req, res) => {
    res.redirect(303, `/sprawy/${encodeURIComponent(id.parse(req.params.id))}`);
  });

  router.post('/sprawy/:id/dostep-nadzwyczajny', async (req, res) => {
    const caseId = id.parse(req.params.id);
    const user = req.session!.user;
    const ctx = signedIn(req);
    const neutral = () => res.status(404).type('html').send(caseUnavailablePage(ctx, caseId));
    if (user.roles.length === 0) return void neutral();
    const typed = String((req.body as Record<string, unknown> | undefined)?.reason ?? '');
    // the reason is checked before the case is looked up: a short reason answers the same for any id
    const parsed = breakGlassBody.safeParse({ reason: typed });
    if (!parsed.success) {
      const tooLong = typed.trim().length > BREAK_GLASS_MAX_REASON;
      const error = tooLong
        ? req.i18n.t('breakGlass.reasonTooLong', { count: BREAK_GLASS_MAX_REASON })
        : req.i18n.t('breakGlass.reasonTooShort', { count: BREAK_GLASS_MIN_REASON });
      res
        .status(400)
        .type('html')
        .send(caseUnavailablePage(ctx, caseId, { reason: typed, error }));
      return;
    }
    let file: CaseFile;
    try {
      file = await readCaseFile(deps.db, user, caseId, 'page', { breakGlassReason: parsed.data.reason });
    } catch (error) {
      if (error instanceof AppError && error.code === 'not-found') return void neutral();
      throw error;
    }
    // the file is shown for this answer only: not kept by the browser, not reachable by the back button
    res.set('Cache-Control', 'no-store');
    res.type('html').send(casePage(ctx, file, req.i18n.t('breakGlass.opened'), { breakGlass: true }));
  });

  router.get('/audyt/dostep-nadzwyczajny', requireRole('managers'), async (req, res) => {
    const raw = withoutEmpty(req);
    const parsed = breakGlassFilterQuery.safeParse(raw);
    const readers = await breakGlassReaders(deps.db);
    const ctx = signedIn(req);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = String(issue.path[0] ?? '');
      const label = req.i18n.lookup(`breakGlassAudit.${field}`) ?? field;
      const message = req.i18n.t('error.field', { field: label, message: issueText(issue, req.i18n) });
      const filter = { login: raw.person, from: raw.from, to: raw.to };
      res
        .status(400)
        .type('html')
        .send(breakGlassAuditPage(ctx, { reads: [], readers, filter, error: { field, message } }));
      return;
    }
    const filter = toBreakGlassFilter(parsed.data);
    const reads = await listBreakGlassReads(deps.db, filter);
    const truncatedAt = reads.length >= BREAK_GLASS_LIST_LIMIT ? BREAK_GLASS_LIST_LIMIT : undefined;
    res.type('html').send(breakGlassAuditPage(ctx, { reads, readers, filter, truncatedAt }));
  });
  return router;
}

/** A submitted filter form sends empty fields: they mean "no filter", not an error. */
function withoutEmpty(req: Request): Record<string, string | undefined> {
  const pick = (name: string) => {
    const value = req.query[name];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  return { person: pick('person'), from: pick('from'), to: pick('to') };
}
