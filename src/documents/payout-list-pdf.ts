import path from 'node:path';
import PDFDocument from 'pdfkit';
import { formatZl } from '../domain/money';
import type { PayoutBatchDocument } from './payout-types';

const FONTS = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The cashier's payout list for a day: one row per instalment with a signature box, the total, and sign-offs. */
export function renderCashPayoutListPdf(list: PayoutBatchDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 40,
      info: {
        Title: `Lista wypłat ${list.batchLabel}`,
        CreationDate: new Date(`${list.payoutDate}T12:00:00Z`),
      },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.registerFont('regular', path.join(FONTS, 'DejaVuSans.ttf'));
    pdf.registerFont('bold', path.join(FONTS, 'DejaVuSans-Bold.ttf'));
    pdf.font('regular').fontSize(9).text(`${list.centreName}, ${list.centreAddress}`);
    pdf
      .moveDown(0.5)
      .font('bold')
      .fontSize(13)
      .text(`LISTA WYPŁAT nr ${list.batchLabel} z dnia ${list.payoutDate}`, { align: 'center' });
    pdf.moveDown();
    const columns = [30, 170, 120, 130, 60, 80, 160];
    const headers = [
      'Lp.',
      'Imię i nazwisko',
      'Znak sprawy',
      'Decyzja',
      'Miesiąc',
      'Kwota',
      'Podpis odbierającego / data',
    ];
    const row = (cells: string[], bold = false) => {
      const y = pdf.y;
      let x = 40;
      pdf.font(bold ? 'bold' : 'regular').fontSize(9);
      cells.forEach((cell, i) => {
        pdf.text(cell, x + 3, y + 6, { width: (columns[i] ?? 60) - 6 });
        pdf.rect(x, y, columns[i] ?? 60, 28).stroke();
        x += columns[i] ?? 60;
      });
      pdf.y = y + 28;
    };
    row(headers, true);
    list.lines.forEach((line, i) =>
      row([
        String(i + 1),
        line.name,
        line.caseNumber,
        line.decisionNumber,
        line.month,
        formatZl(line.amountGrosze),
        '',
      ]),
    );
    const total = list.lines.reduce((sum, line) => sum + line.amountGrosze, 0);
    pdf
      .moveDown()
      .font('bold')
      .text(`Razem do wypłaty: ${formatZl(total)} (pozycji: ${list.lines.length})`, 40);
    pdf.moveDown(2).font('regular');
    pdf.text(
      'Sporządził: ..............................      Sprawdził: ..............................      Zatwierdził: ..............................      Kasjer: ..............................',
      40,
    );
    pdf.end();
  });
}
