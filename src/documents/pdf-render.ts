/**
 * The one way the documents become PDF: pdfkit (pure JS) with DejaVu Sans embedded from the `dejavu-fonts-ttf`
 * npm package — the same font on every machine after `npm ci`, never a system font — so every Polish letter
 * (ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ) renders and extracts. The creation date comes from the document's own date, never the
 * clock, so the same input gives the same bytes (pdfkit derives the file ID from the info dictionary).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { polishDate } from './polish-format';

const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
export type FontName = keyof typeof FONT_FILES;

let fonts: Record<FontName, Buffer> | undefined;

function loadFonts(): Record<FontName, Buffer> {
  fonts ??= {
    regular: readFileSync(path.join(FONT_DIR, FONT_FILES.regular)),
    bold: readFileSync(path.join(FONT_DIR, FONT_FILES.bold)),
  };
  return fonts;
}

export interface PdfSetup {
  title: string;
  author?: string;
  /** 'YYYY-MM-DD' of the document: its CreationDate is noon UTC of that day. */
  date: string;
  layout?: 'portrait' | 'landscape';
  margins: { top: number; bottom: number; left: number; right: number };
}

/**
 * Creates an A4 document with the fonts registered, lets `draw` fill it, and resolves with the bytes. Pages are
 * buffered, so `draw` may go back to every page at the end (page numbers). An error thrown by `draw` rejects.
 */
export function renderPdf(setup: PdfSetup, draw: (pdf: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      layout: setup.layout ?? 'portrait',
      margins: setup.margins,
      bufferPages: true,
      info: {
        Title: setup.title,
        ...(setup.author ? { Author: setup.author } : {}),
        CreationDate: new Date(`${setup.date}T12:00:00Z`),
      },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    try {
      const files = loadFonts();
      pdf.registerFont('regular', files.regular);
      pdf.registerFont('bold', files.bold);
      pdf.font('regular');
      draw(pdf);
      pdf.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** Writes a footer line on every page (left text, "Strona i z n" on the right) below the bottom margin. */
export function pageFooters(pdf: PDFKit.PDFDocument, leftText: string): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    pdf.switchToPage(i);
    const { left, right, bottom } = pdf.page.margins;
    const width = pdf.page.width - left - right;
    const y = pdf.page.height - bottom + 14;
    // text below the bottom margin would open a new page: lift the margin while the footer is written
    pdf.page.margins.bottom = 0;
    pdf.font('regular').fontSize(8).fillColor('#555555');
    pdf.text(leftText, left, y, { width: width * 0.75, lineBreak: false });
    pdf.text(`Strona ${i - range.start + 1} z ${range.count}`, left, y, {
      width,
      align: 'right',
      lineBreak: false,
    });
    pdf.page.margins.bottom = bottom;
    pdf.fillColor('black');
  }
}

/**
 * The heading of every document the centre sends: place and date on the right, the organ and its address on the
 * left, then the case number — at the current size, from the top of the text area.
 */
export function officeHeading(
  pdf: PDFKit.PDFDocument,
  at: { left: number; width: number },
  heading: {
    organ: string;
    centreAddress: string;
    place: string;
    date: string;
    dateField: string;
    caseNumber: string;
  },
): void {
  const { left, width } = at;
  const top = pdf.y;
  pdf.font('regular');
  pdf.text(`${heading.place}, dnia ${polishDate(heading.date, heading.dateField)}`, left, top, {
    width,
    align: 'right',
  });
  pdf.font('bold').text(heading.organ, left, top, { width: width * 0.55 });
  pdf.font('regular').text(heading.centreAddress, left, pdf.y, { width: width * 0.55 });
  pdf.moveDown(1);
  pdf.text(`Znak sprawy: ${heading.caseNumber}`, left, pdf.y, { width });
}
