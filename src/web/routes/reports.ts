import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { warsawDate } from '../../domain/calendar-date';
import {
  parseReportMonth,
  parseReportPeriod,
  previousHalfYear,
  previousMonth,
} from '../../domain/reports/report-period';
import { auditRegisterRead, loadBenefitReport, loadPayoutRegister } from '../../reports/report-data';
import { tablesToCsv, tablesToXlsx } from '../../reports/report-files';
import { benefitTables, registerTables, type ReportTable } from '../../reports/report-tables';
import type { WebDeps } from '../context';
import { requireCsrf, requireRole, requireSession } from '../middleware/guards';
import { signedIn } from '../views/page-context';
import { benefitReportPage, registerPage, reportsPage } from '../views/reports-page';

/** Who reads the centre's reports: the analysts (statutory reporting) and the managers. */
export const REPORT_ROLES = ['analysts', 'managers'] as const;

/** The query of the report endpoints (for the OpenAPI document; parseReportPeriod / parseReportMonth validate). */
export const reportPeriodQuery = z.object({
  period: z.string().describe('RRRR-H1 (styczeń–czerwiec), RRRR-H2 (lipiec–grudzień) albo RRRR (rok)'),
});
export const reportMonthQuery = z.object({ month: z.string().describe('miesiąc wypłaty, RRRR-MM') });

const format = z.enum(['csv', 'xlsx'], { message: 'format: csv albo xlsx' });
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Reports for analysts and managers: the MRPiPS-03 aggregates of a half-year or a year and the payouts register of
 * a month, each as a page, CSV (Polish Excel) and XLSX. Every read of the register (names of the paid) is audited.
 */
export function reportRoutes(deps: WebDeps): Router {
  const router = Router();
  router.use(['/raporty', '/api/reports'], requireSession, requireCsrf, requireRole(...REPORT_ROLES));

  router.get('/raporty', (req, res) => {
    const today = warsawDate(deps.now());
    res
      .type('html')
      .send(reportsPage(signedIn(req), { period: previousHalfYear(today), month: previousMonth(today) }));
  });

  const benefits = async (req: Request) => {
    const period = parseReportPeriod(queryText(req, 'period'), 'period');
    const ctx = signedIn(req);
    const report = await loadBenefitReport(deps.db, period);
    const title = ctx.i18n.t('reports.benefits.title', {
      period: period.code,
      from: ctx.i18n.date(period.from),
      to: ctx.i18n.date(period.to),
    });
    return { ctx, period, report, title, tables: benefitTables(ctx.i18n, report) };
  };
  router.get('/raporty/mrpips-03', async (req, res) => {
    const { ctx, period, report, title, tables } = await benefits(req);
    res
      .type('html')
      .send(
        benefitReportPage(ctx, { title, period: period.code, tables, empty: report.total.benefits === 0 }),
      );
  });
  router.get('/raporty/mrpips-03/:format', async (req, res) => {
    const kind = format.parse(req.params.format);
    const { period, title, tables } = await benefits(req);
    await sendFile(res, kind, `MRPiPS-03_${period.code}`, title, tables);
  });
  router.get('/api/reports/mrpips-03', async (req, res) => {
    const { period, report } = await benefits(req);
    res.json({ period, ...report });
  });

  const register = async (req: Request, shownAs: string) => {
    const month = parseReportMonth(queryText(req, 'month'), 'month');
    const ctx = signedIn(req);
    const data = await loadPayoutRegister(deps.db, month);
    await auditRegisterRead(deps.db, ctx.session.user.id, month.code, shownAs, data.count);
    const title = ctx.i18n.t('reports.register.title', { month: month.code });
    return { ctx, month, data, title, tables: registerTables(ctx.i18n, data, month.code) };
  };
  router.get('/raporty/rejestr-wyplat', async (req, res) => {
    const { ctx, month, data, title, tables } = await register(req, 'page');
    res.type('html').send(registerPage(ctx, { title, month: month.code, tables, empty: data.count === 0 }));
  });
  router.get('/raporty/rejestr-wyplat/:format', async (req, res) => {
    const kind = format.parse(req.params.format);
    const { month, title, tables } = await register(req, kind);
    await sendFile(res, kind, `rejestr-wyplat_${month.code}`, title, tables);
  });
  router.get('/api/reports/payout-register', async (req, res) => {
    const { month, data } = await register(req, 'json');
    res.json({ month, ...data });
  });
  return router;
}

async function sendFile(
  res: Response,
  kind: 'csv' | 'xlsx',
  name: string,
  title: string,
  tables: ReportTable[],
): Promise<void> {
  res.setHeader('Content-Disposition', `attachment; filename="${name}.${kind}"`);
  res.setHeader('Cache-Control', 'no-store');
  if (kind === 'csv') {
    res.type('text/csv; charset=utf-8').send(tablesToCsv(tables));
    return;
  }
  res.type(XLSX_TYPE).send(await tablesToXlsx(tables, { title }));
}

/** A query parameter as text ('' when missing or repeated: the parser then names the field). */
function queryText(req: Request, name: string): string {
  const value = req.query[name];
  return typeof value === 'string' ? value.trim() : '';
}
