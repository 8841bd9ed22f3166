import { officeHeading, pageFooters, renderPdf } from './pdf-render';

/** An official letter of the centre (pismo): to the party or to another organ, e.g. the SKO. */
export interface LetterDocument {
  organ: string;
  centreAddress: string;
  place: string;
  /** 'YYYY-MM-DD' */
  date: string;
  caseNumber: string;
  recipient: { name: string; address: string };
  title: string;
  paragraphs: string[];
  /** What goes with the letter (e.g. the case file), listed under "Załączniki". */
  enclosures?: string[];
  signer?: { name: string; position: string };
}

const MARGINS = { top: 56, bottom: 64, left: 62, right: 56 };
const BODY = 10.5;

/** Renders the letter: header, recipient, title, body, signature, enclosures; the same input gives the same bytes. */
export function renderLetterPdf(letter: LetterDocument): Promise<Buffer> {
  return renderPdf(
    { title: letter.title, author: letter.organ, date: letter.date, margins: MARGINS },
    (pdf) => {
      const left = MARGINS.left;
      const width = pdf.page.width - MARGINS.left - MARGINS.right;
      pdf.fontSize(BODY);
      officeHeading(pdf, { left, width }, { ...letter, dateField: 'date' });
      const recipientX = left + width * 0.5;
      pdf
        .moveDown(1)
        .font('bold')
        .text(letter.recipient.name, recipientX, pdf.y, { width: width * 0.5 });
      pdf.font('regular').text(letter.recipient.address, recipientX, pdf.y, { width: width * 0.5 });
      pdf.moveDown(2).font('bold').fontSize(12).text(letter.title, left, pdf.y, { width, align: 'center' });
      pdf.moveDown(1).font('regular').fontSize(BODY);
      for (const paragraph of letter.paragraphs) {
        pdf.text(paragraph, left, pdf.y, { width, align: 'justify' });
        pdf.moveDown(0.6);
      }
      if (letter.signer) {
        pdf.moveDown(2);
        pdf.text(letter.signer.name, recipientX, pdf.y, { width: width * 0.5, align: 'center' });
        pdf
          .fontSize(9)
          .text(letter.signer.position, recipientX, pdf.y, { width: width * 0.5, align: 'center' });
        pdf.fontSize(BODY);
      }
      if (letter.enclosures?.length) {
        pdf.moveDown(2).font('bold').text('Załączniki:', left, pdf.y, { width });
        pdf.font('regular');
        letter.enclosures.forEach((item, i) => pdf.text(`${i + 1}. ${item}`, left, pdf.y, { width }));
      }
      pageFooters(pdf, `${letter.organ} — ${letter.caseNumber}`);
    },
  );
}
