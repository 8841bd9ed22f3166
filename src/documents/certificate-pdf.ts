/**
 * The certificate (zaświadczenie, art. 217 KPA) or the postanowienie refusing it (art. 219 KPA) as PDF: organ and
 * address, place and date, the number, the title, the body, a place for the authorised person's signature and a
 * footer on every page. The wording is prepared by the caller (src/cases/certificates.ts); the same input gives the
 * same bytes.
 */
import { pageFooters, renderPdf } from './pdf-render';
import { polishDate } from './polish-format';

export interface CertificateDocument {
  organ: string;
  centreAddress: string;
  place: string;
  /** 'YYYY-MM-DD' */
  date: string;
  number: string;
  title: string;
  /** Paragraphs; a paragraph starting with a heading in capitals (UZASADNIENIE, POUCZENIE) is printed bold. */
  paragraphs: { heading?: string; text: string }[];
}

export type CertificateRenderer = (doc: CertificateDocument) => Promise<Buffer>;

const MARGINS = { top: 56, bottom: 64, left: 62, right: 56 };
const BODY = 10.5;

export function renderCertificatePdf(doc: CertificateDocument): Promise<Buffer> {
  return renderPdf({ title: doc.title, author: doc.organ, date: doc.date, margins: MARGINS }, (pdf) => {
    const left = MARGINS.left;
    const width = pdf.page.width - MARGINS.left - MARGINS.right;
    const top = pdf.y;
    pdf.font('regular').fontSize(BODY);
    pdf.text(`${doc.place}, dnia ${polishDate(doc.date, 'date')}`, left, top, { width, align: 'right' });
    pdf.font('bold').text(doc.organ, left, top, { width: width * 0.55 });
    pdf.font('regular').text(doc.centreAddress, left, pdf.y, { width: width * 0.55 });
    pdf.moveDown(1).text(`Znak: ${doc.number}`, left, pdf.y, { width });
    pdf.moveDown(2).font('bold').fontSize(13).text(doc.title, left, pdf.y, { width, align: 'center' });
    pdf.moveDown(1).font('regular').fontSize(BODY);
    for (const paragraph of doc.paragraphs) {
      if (paragraph.heading) {
        pdf.moveDown(0.4).font('bold').text(paragraph.heading, left, pdf.y, { width, align: 'center' });
        pdf.font('regular');
      }
      pdf.text(paragraph.text, left, pdf.y, { width, align: 'justify' });
      pdf.moveDown(0.6);
    }
    const signatureX = left + width * 0.5;
    pdf.moveDown(3).fontSize(9);
    pdf.text('podpis osoby upoważnionej', signatureX, pdf.y, { width: width * 0.5, align: 'center' });
    pageFooters(pdf, `${doc.organ} — ${doc.number}`);
  });
}
