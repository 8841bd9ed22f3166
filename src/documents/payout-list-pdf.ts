/**
 * The cashier's payout list (lista wypłat) for one day, A4 landscape: the centre, the list's number and date, one
 * row per instalment — lp., name and address, znak sprawy, decision number, month, amount — with a box for the
 * recipient's identity document and a signature line ("podpis odbierającego") in every row. Pages carry the
 * column headings again and the running total ("z przeniesienia" / "do przeniesienia"); the last page has the
 * total in grosze formatted as złote and the sign-off lines: sporządził, sprawdził, zatwierdził, kasjer.
 */
import { isValidDate } from '../domain/calendar-date';
import { formatZl, isGrosze } from '../domain/money';
import { AppError } from '../errors/app-error';
import { pageFooters, renderPdf } from './pdf-render';
import { polishDate, polishMonth } from './polish-format';
import type { CashPayoutList, PayoutLine } from './types';

const MARGINS = { top: 36, bottom: 48, left: 36, right: 36 };
const PAD = 4;
const MIN_ROW = 34;

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
  cell: (line: PayoutLine, index: number) => string;
}

const FIXED_COLUMNS: Column[] = [
  { title: 'Lp.', width: 28, align: 'right', cell: (_, i) => `${i + 1}.` },
  { title: 'Imię i nazwisko, adres', width: 170, cell: (l) => `${l.name}\n${l.address}` },
  { title: 'Znak sprawy', width: 108, cell: (l) => l.caseNumber },
  { title: 'Nr decyzji', width: 108, cell: (l) => l.decisionNumber },
  { title: 'Za miesiąc', width: 84, cell: (l) => polishMonth(l.month) },
  { title: 'Kwota', width: 76, align: 'right', cell: (l) => formatZl(l.amountGrosze) },
  { title: 'Dokument tożsamości (seria i nr)', width: 82, cell: () => '' },
];

/** Renders the list; the same list gives the same bytes. Rejects (AppError 'validation') a bad row, naming it. */
export async function renderCashPayoutListPdf(list: CashPayoutList): Promise<Buffer> {
  checkList(list);
  return renderPdf(
    {
      title: `Lista wypłat nr ${list.batchLabel}`,
      author: list.centreName,
      date: list.payoutDate,
      layout: 'landscape',
      margins: MARGINS,
    },
    (pdf) => drawList(pdf, list),
  );
}

/** The sum of the list in grosze. */
export function payoutListTotal(list: Pick<CashPayoutList, 'lines'>): number {
  return list.lines.reduce((sum, line) => sum + line.amountGrosze, 0);
}

function checkList(list: CashPayoutList): void {
  if (!isValidDate(list.payoutDate))
    throw new AppError({
      code: 'validation',
      field: 'payoutDate',
      message: 'Lista wypłat: data wypłaty musi mieć postać RRRR-MM-DD.',
    });
  list.lines.forEach((line, i) => {
    if (!isGrosze(line.amountGrosze) || line.amountGrosze <= 0)
      throw new AppError({
        code: 'validation',
        field: `lines[${i}].amountGrosze`,
        message: `Lista wypłat, pozycja ${i + 1} (${line.name}): kwota musi być dodatnią liczbą groszy.`,
      });
  });
  if (!Number.isSafeInteger(payoutListTotal(list)))
    throw new AppError({ code: 'validation', field: 'lines', message: 'Lista wypłat: suma poza zakresem.' });
}

function drawList(pdf: PDFKit.PDFDocument, list: CashPayoutList): void {
  const left = MARGINS.left;
  const width = pdf.page.width - MARGINS.left - MARGINS.right;
  const fixed = FIXED_COLUMNS.reduce((sum, c) => sum + c.width, 0);
  const columns: Column[] = [
    ...FIXED_COLUMNS,
    { title: 'Podpis odbierającego', width: width - fixed, cell: () => '' },
  ];
  const bottom = () => pdf.page.height - MARGINS.bottom;

  pdf
    .font('regular')
    .fontSize(9)
    .text(`${list.centreName}\n${list.centreAddress}`, left, MARGINS.top, {
      width: width / 2,
    });
  pdf.moveDown(0.6).font('bold').fontSize(14);
  pdf.text(`LISTA WYPŁAT nr ${list.batchLabel}`, left, pdf.y, { width, align: 'center' });
  pdf.font('regular').fontSize(10);
  pdf.text(
    `świadczeń pomocy społecznej wypłacanych w kasie w dniu ${polishDate(list.payoutDate, 'payoutDate')}`,
    left,
    pdf.y,
    { width, align: 'center' },
  );
  pdf.moveDown(0.8);

  const headerRow = () => {
    const titles = columns.map((c) => c.title);
    const height = rowHeight(pdf, columns, titles, 'bold', 0);
    drawRow(pdf, columns, titles, left, height, { font: 'bold', fill: '#e8e8e8' });
  };
  const carried = (label: string, amount: number) => {
    pdf.font('bold').fontSize(8.5);
    pdf.text(`${label}: ${formatZl(amount)}`, left, pdf.y + 3, { width, align: 'right' });
    pdf.moveDown(0.3);
  };

  headerRow();
  let running = 0;
  list.lines.forEach((line, i) => {
    const cells = columns.map((c) => c.cell(line, i));
    const height = rowHeight(pdf, columns, cells, 'regular', MIN_ROW);
    if (pdf.y + height + 16 > bottom()) {
      carried('Do przeniesienia', running);
      pdf.addPage();
      pdf.y = MARGINS.top;
      carried('Z przeniesienia', running);
      headerRow();
    }
    drawRow(pdf, columns, cells, left, height, { font: 'regular', signature: true });
    running += line.amountGrosze;
  });

  // total row
  const labelWidth = columns.slice(0, 5).reduce((sum, c) => sum + c.width, 0);
  const amountWidth = columns[5]?.width ?? 76;
  if (pdf.y + 22 > bottom()) pdf.addPage();
  const y = pdf.y;
  pdf
    .rect(left, y, labelWidth + amountWidth, 20)
    .fillAndStroke('#e8e8e8', 'black')
    .fillColor('black');
  pdf.font('bold').fontSize(9);
  pdf.text(`Razem do wypłaty (pozycji: ${list.lines.length})`, left + PAD, y + 6, {
    width: labelWidth - 2 * PAD,
    align: 'right',
  });
  pdf.text(formatZl(running), left + labelWidth + PAD, y + 6, {
    width: amountWidth - 2 * PAD,
    align: 'right',
  });
  pdf.y = y + 20;

  signOff(pdf, left, width);
  pageFooters(pdf, `Lista wypłat nr ${list.batchLabel} · ${list.centreName}`);
}

function rowHeight(
  pdf: PDFKit.PDFDocument,
  columns: Column[],
  cells: string[],
  font: 'regular' | 'bold',
  min: number,
): number {
  pdf.font(font).fontSize(8.5);
  const heights = cells.map((text, i) =>
    text ? pdf.heightOfString(text, { width: (columns[i]?.width ?? 0) - 2 * PAD }) : 0,
  );
  return Math.max(min, Math.ceil(Math.max(...heights) + 2 * PAD));
}

function drawRow(
  pdf: PDFKit.PDFDocument,
  columns: Column[],
  cells: string[],
  left: number,
  height: number,
  style: { font: 'regular' | 'bold'; fill?: string; signature?: boolean },
): void {
  const y = pdf.y;
  let x = left;
  columns.forEach((column, i) => {
    if (style.fill) pdf.rect(x, y, column.width, height).fillAndStroke(style.fill, 'black');
    else pdf.rect(x, y, column.width, height).stroke();
    pdf.fillColor('black').font(style.font).fontSize(8.5);
    const text = cells[i] ?? '';
    if (text)
      pdf.text(text, x + PAD, y + PAD, { width: column.width - 2 * PAD, align: column.align ?? 'left' });
    x += column.width;
  });
  if (style.signature) {
    // the recipient signs on a dotted line in the last column
    const last = columns[columns.length - 1];
    const sx = left + columns.slice(0, -1).reduce((sum, c) => sum + c.width, 0);
    if (last) signatureLine(pdf, sx + 6, y + height - 12, last.width - 12, 'podpis odbierającego');
  }
  pdf.y = y + height;
}

function signatureLine(pdf: PDFKit.PDFDocument, x: number, y: number, width: number, caption: string): void {
  pdf
    .moveTo(x, y)
    .lineTo(x + width, y)
    .dash(1, { space: 2 })
    .stroke()
    .undash();
  pdf.font('regular').fontSize(6.5).fillColor('#555555');
  pdf.text(caption, x, y + 1.5, { width, align: 'center', lineBreak: false });
  pdf.fillColor('black');
}

/** Sporządził / sprawdził / zatwierdził / kasjer: four signature lines side by side, kept on one page. */
function signOff(pdf: PDFKit.PDFDocument, left: number, width: number): void {
  const needed = 70;
  if (pdf.y + needed > pdf.page.height - MARGINS.bottom) {
    pdf.addPage();
    pdf.y = MARGINS.top;
  }
  const roles = ['Sporządził', 'Sprawdził', 'Zatwierdził', 'Kasjer (wypłacił)'];
  const gap = 24;
  const boxWidth = (width - gap * (roles.length - 1)) / roles.length;
  const y = pdf.y + 18;
  roles.forEach((role, i) => {
    const x = left + i * (boxWidth + gap);
    pdf.font('bold').fontSize(9).text(`${role}:`, x, y, { width: boxWidth, lineBreak: false });
    signatureLine(pdf, x, y + 36, boxWidth, 'data, imię i nazwisko, podpis');
  });
  pdf.y = y + 50;
}
