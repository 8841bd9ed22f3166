import type { ReportTable, Cell } from '../../reports/report-tables';
import { escapeHtml as e } from './html';
import { renderPage } from './layout';
import type { SignedInContext } from './page-context';

/** The reports' start page: the period of the MRPiPS-03 report and the month of the payouts register. */
export function reportsPage(ctx: SignedInContext, defaults: { period: string; month: string }): string {
  const { t } = ctx.i18n;
  return renderPage(ctx, {
    title: t('reports.title'),
    body: `<p>${e(t('reports.intro'))}</p>
${periodForm(ctx, defaults.period)}
${monthForm(ctx, defaults.month)}`,
  });
}

/** The MRPiPS-03 aggregates of a period: the tables, the downloads and the definitions of every figure. */
export function benefitReportPage(
  ctx: SignedInContext,
  input: { title: string; period: string; tables: ReportTable[]; empty: boolean },
): string {
  const { t } = ctx.i18n;
  const query = `period=${encodeURIComponent(input.period)}`;
  const definitions = (['benefit', 'person', 'family', 'reason', 'decisions', 'contracts'] as const).map(
    (key) => `<li>${e(t(`reports.definitions.${key}`))}</li>`,
  );
  return renderPage(ctx, {
    title: input.title,
    body: `${periodForm(ctx, input.period)}
${downloads(ctx, '/raporty/mrpips-03', query)}
${input.empty ? `<p>${e(t('reports.benefits.empty'))}</p>` : ''}
${input.tables.map((table) => tableHtml(ctx, table)).join('\n')}
<section aria-labelledby="definitions"><h2 id="definitions">${e(t('reports.definitions.title'))}</h2>
<ul>${definitions.join('')}</ul></section>`,
  });
}

/** The payouts register of a month (personal data: the route audits the read). */
export function registerPage(
  ctx: SignedInContext,
  input: { title: string; month: string; tables: ReportTable[]; empty: boolean },
): string {
  const { t } = ctx.i18n;
  const query = `month=${encodeURIComponent(input.month)}`;
  return renderPage(ctx, {
    title: input.title,
    body: `${monthForm(ctx, input.month)}
<p>${e(t('reports.register.audited'))}</p>
${downloads(ctx, '/raporty/rejestr-wyplat', query)}
${input.empty ? `<p>${e(t('reports.register.empty'))}</p>` : input.tables.map((table) => tableHtml(ctx, table)).join('\n')}
<p>${e(t('reports.definitions.register'))}</p>`,
  });
}

function periodForm(ctx: SignedInContext, value: string): string {
  const { t } = ctx.i18n;
  return `<form method="get" action="/raporty/mrpips-03" class="report-form"><fieldset>
<legend>${e(t('reports.period.legend'))}</legend>
<label for="period">${e(t('reports.period.label'))}</label>
<input id="period" name="period" value="${e(value)}" required pattern="\\d{4}(-H[12])?" aria-describedby="period-hint">
<span id="period-hint" class="hint">${e(t('reports.period.hint'))}</span>
<button type="submit">${e(t('reports.show'))}</button></fieldset></form>`;
}

function monthForm(ctx: SignedInContext, value: string): string {
  const { t } = ctx.i18n;
  return `<form method="get" action="/raporty/rejestr-wyplat" class="report-form"><fieldset>
<legend>${e(t('reports.month.legend'))}</legend>
<label for="month">${e(t('reports.month.label'))}</label>
<input id="month" name="month" type="month" value="${e(value)}" required aria-describedby="month-hint">
<span id="month-hint" class="hint">${e(t('reports.month.hint'))}</span>
<button type="submit">${e(t('reports.show'))}</button></fieldset></form>`;
}

function downloads(ctx: SignedInContext, base: string, query: string): string {
  const links = ['csv', 'xlsx']
    .map((format) => `<a href="${e(`${base}/${format}?${query}`)}" download>${format.toUpperCase()}</a>`)
    .join(' · ');
  return `<p>${e(ctx.i18n.t('reports.download'))} ${links}</p>`;
}

function tableHtml(ctx: SignedInContext, table: ReportTable): string {
  const all = [...table.rows, ...table.totals];
  const numericColumn = (index: number) => all.some((cells) => cells[index] && numeric(cells[index]));
  const head = table.columns
    .map((column, index) => `<th scope="col"${numericColumn(index) ? ' class="num"' : ''}>${e(column)}</th>`)
    .join('');
  const row = (cells: Cell[]) =>
    `<tr>${cells.map((cell, index) => (index === 0 ? `<th scope="row">${cellHtml(ctx, cell)}</th>` : `<td${numeric(cell) ? ' class="num"' : ''}>${cellHtml(ctx, cell)}</td>`)).join('')}</tr>`;
  return `<table class="report"><caption>${e(table.title)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>${table.rows.map(row).join('\n')}</tbody>${
    table.totals.length > 0 ? `<tfoot>${table.totals.map(row).join('\n')}</tfoot>` : ''
  }</table>`;
}

function numeric(cell: Cell): boolean {
  return cell.kind === 'money' || cell.kind === 'count';
}

function cellHtml(ctx: SignedInContext, cell: Cell): string {
  switch (cell.kind) {
    case 'money':
      return e(ctx.i18n.money(cell.grosze));
    case 'count':
      return e(ctx.i18n.number(cell.value));
    case 'date':
      return `<time datetime="${e(cell.value)}">${e(ctx.i18n.date(cell.value))}</time>`;
    case 'case':
      return `<a href="/sprawy/${e(cell.caseId)}">${e(cell.caseNumber)}</a>`;
    default:
      return e(cell.value);
  }
}
