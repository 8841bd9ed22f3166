import ExcelJS from 'exceljs';
import { csvAmount, toCsv } from '../domain/reports/csv';
import type { Cell, ReportTable } from './report-tables';

/** CSV for Polish Excel (BOM, `;`): each table as its title row, its header, its rows and totals; a blank line between. */
export function tablesToCsv(tables: readonly ReportTable[]): string {
  const lines: string[][] = [];
  tables.forEach((table, index) => {
    if (index > 0) lines.push([]);
    lines.push(
      [table.title],
      table.columns,
      ...[...table.rows, ...table.totals].map((row) => row.map(csvCell)),
    );
  });
  return toCsv(lines);
}

function csvCell(cell: Cell): string {
  switch (cell.kind) {
    case 'money':
      return csvAmount(cell.grosze);
    case 'count':
      return String(cell.value);
    case 'case':
      return cell.caseNumber;
    default:
      return cell.value;
  }
}

/**
 * XLSX (exceljs): one worksheet per table — its title in the first row, the header in the second (bold, frozen),
 * then the rows and the totals (bold). Amounts are numbers in złote (grosze ÷ 100) shown as `# ##0,00 zł`, counts
 * integers, dates real dates; a reader gets the grosze back exactly with round(value × 100).
 */
export async function tablesToXlsx(tables: readonly ReportTable[], meta: { title: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'mops-flow';
  workbook.title = meta.title;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.sheet.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 2 }],
    });
    sheet.addRow([table.title]).font = { bold: true, size: 12 };
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) writeRow(sheet, row);
    for (const row of table.totals) writeRow(sheet, row).font = { bold: true };
    table.columns.forEach((column, index) => {
      sheet.getColumn(index + 1).width = Math.min(60, Math.max(12, column.length + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeRow(sheet: ExcelJS.Worksheet, cells: readonly Cell[]): ExcelJS.Row {
  const row = sheet.addRow(cells.map(xlsxValue));
  cells.forEach((cell, index) => {
    if (cell.kind === 'money') row.getCell(index + 1).numFmt = '#,##0.00 "zł"';
    if (cell.kind === 'date') row.getCell(index + 1).numFmt = 'yyyy-mm-dd';
  });
  return row;
}

function xlsxValue(cell: Cell): string | number | Date {
  switch (cell.kind) {
    case 'money':
      return cell.grosze / 100;
    case 'count':
      return cell.value;
    case 'date':
      return new Date(`${cell.value}T00:00:00Z`);
    case 'case':
      return cell.caseNumber;
    default:
      return cell.value;
  }
}
