import type { BenefitReport, FormRow } from '../domain/reports/benefit-report';
import { REASON_NOT_RECORDED } from '../domain/reports/benefit-report';
import type { PayoutRegister } from '../domain/reports/payout-register';
import type { I18n } from '../i18n/i18n';

/**
 * The reports as tables of typed cells: the page, the CSV and the XLSX are rendered from the same tables, so they
 * cannot disagree on a figure. Money stays in grosze here; each format writes it at its edge.
 */
export type Cell =
  | { kind: 'text'; value: string }
  | { kind: 'count'; value: number }
  | { kind: 'money'; grosze: number }
  | { kind: 'date'; value: string }
  | { kind: 'case'; caseId: string; caseNumber: string };

export interface ReportTable {
  /** The table's caption on the page and its title row in the files. */
  title: string;
  /** The worksheet's name in the XLSX (≤ 31 characters, no `[]:*?/\`). */
  sheet: string;
  columns: string[];
  rows: Cell[][];
  /** Totals, shown after the rows (a `<tfoot>` on the page). */
  totals: Cell[][];
}

const text = (value: string): Cell => ({ kind: 'text', value });
const count = (value: number): Cell => ({ kind: 'count', value });
const money = (grosze: number): Cell => ({ kind: 'money', grosze });

export function benefitTables(i18n: I18n, report: BenefitReport): ReportTable[] {
  const { t } = i18n;
  const formRow = (label: string, row: FormRow): Cell[] => [
    text(label),
    count(row.persons),
    count(row.benefits),
    money(row.amountGrosze),
    count(row.families),
    count(row.personsInFamilies),
  ];
  const reasonLabel = (reason: string) =>
    reason === REASON_NOT_RECORDED
      ? t('reports.reason.not-recorded')
      : (i18n.lookup(`routing.reason.${reason}`) ?? reason);
  return [
    {
      title: t('reports.benefits.byForm'),
      sheet: 'Formy świadczeń',
      columns: [
        t('reports.col.form'),
        t('reports.col.persons'),
        t('reports.col.benefits'),
        t('reports.col.amount'),
        t('reports.col.families'),
        t('reports.col.personsInFamilies'),
      ],
      rows: report.byForm.map((row) => formRow(i18n.lookup(`reports.form.${row.form}`) ?? row.form, row)),
      totals: [formRow(t('reports.total'), report.total)],
    },
    {
      title: t('reports.benefits.byReason'),
      sheet: 'Powody',
      columns: [t('reports.col.reason'), t('reports.col.families'), t('reports.col.personsInFamilies')],
      rows: report.byReason.map((row) => [
        text(reasonLabel(row.reason)),
        count(row.families),
        count(row.personsInFamilies),
      ]),
      totals: [],
    },
    {
      title: t('reports.benefits.decisions'),
      sheet: 'Decyzje',
      columns: [t('reports.col.figure'), t('reports.col.value')],
      rows: [
        [text(t('reports.decisions.granted')), count(report.decisions.granted)],
        [text(t('reports.decisions.refused')), count(report.decisions.refused)],
        [text(t('reports.decisions.partiesGranted')), count(report.decisions.partiesGranted)],
      ],
      totals: [],
    },
    {
      title: t('reports.benefits.contracts'),
      sheet: 'Kontrakty socjalne',
      columns: [t('reports.col.figure'), t('reports.col.value')],
      rows: [
        [text(t('reports.contracts.contracts')), count(report.contracts.contracts)],
        [text(t('reports.contracts.persons')), count(report.contracts.persons)],
        [text(t('reports.contracts.personsInFamilies')), count(report.contracts.personsInFamilies)],
      ],
      totals: [],
    },
  ];
}

export function registerTables(i18n: I18n, register: PayoutRegister, month: string): ReportTable[] {
  const { t } = i18n;
  const method = (code: string) => i18n.lookup(`reports.method.${code}`) ?? code;
  return [
    {
      title: t('reports.register.title', { month }),
      sheet: 'Rejestr wypłat',
      columns: [
        t('reports.col.paidOn'),
        t('reports.col.caseNumber'),
        t('reports.col.person'),
        t('reports.col.form'),
        t('reports.col.method'),
        t('reports.col.instalmentMonth'),
        t('reports.col.amount'),
      ],
      rows: register.rows.map((row) => [
        { kind: 'date', value: row.paidOn },
        { kind: 'case', caseId: row.caseId, caseNumber: row.caseNumber },
        text(row.person),
        text(i18n.lookup(`reports.form.${row.benefitForm}`) ?? row.benefitForm),
        text(method(row.method)),
        text(row.month),
        money(row.amountGrosze),
      ]),
      totals: [
        // the number of payouts is in the table by method: a count under "for month" would read as a month
        [
          text(t('reports.total')),
          text(''),
          text(''),
          text(''),
          text(''),
          text(''),
          money(register.totalGrosze),
        ],
      ],
    },
    {
      title: t('reports.register.byMethod'),
      sheet: 'Według sposobu wypłaty',
      columns: [t('reports.col.method'), t('reports.col.count'), t('reports.col.amount')],
      rows: register.byMethod.map((row) => [
        text(method(row.method)),
        count(row.count),
        money(row.totalGrosze),
      ]),
      totals: [[text(t('reports.total')), count(register.count), money(register.totalGrosze)]],
    },
  ];
}
