import path from 'node:path';
import PDFDocument from 'pdfkit';

/** Everything art. 107 § 1 KPA requires on an administrative decision, plus the case and decision numbers. */
export interface DecisionDocument {
  organ: string;
  centreAddress: string;
  place: string;
  issuedOn: string;
  decisionNumber: string;
  caseNumber: string;
  party: { name: string; address: string };
  legalBasis: string;
  ruling: string;
  justificationFacts: string;
  justificationLaw: string;
  appealInstruction: string;
  immediateEnforceability: boolean;
  signer: { name: string; position: string };
}

const FONTS = path.dirname(require.resolve('dejavu-fonts-ttf/package.json'));
const REGULAR = path.join(FONTS, 'ttf', 'DejaVuSans.ttf');
const BOLD = path.join(FONTS, 'ttf', 'DejaVuSans-Bold.ttf');

/** Renders the decision as PDF with an embedded font (Polish characters), deterministic for the same input. */
export function renderDecisionPdf(doc: DecisionDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: {
        Title: `Decyzja ${doc.decisionNumber}`,
        Author: doc.organ,
        CreationDate: new Date(`${doc.issuedOn}T12:00:00Z`),
      },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.registerFont('regular', REGULAR);
    pdf.registerFont('bold', BOLD);

    pdf
      .font('regular')
      .fontSize(10)
      .text(`${doc.place}, dnia ${polishDate(doc.issuedOn)}`, { align: 'right' });
    pdf.moveDown(0.5).text(doc.organ).text(doc.centreAddress);
    pdf.moveDown(0.5).text(`Znak sprawy: ${doc.caseNumber}`);
    pdf
      .moveDown()
      .font('bold')
      .fontSize(10)
      .text('Strona:')
      .font('regular')
      .text(doc.party.name)
      .text(doc.party.address);
    pdf.moveDown(1.5).font('bold').fontSize(14).text(`DECYZJA nr ${doc.decisionNumber}`, { align: 'center' });
    pdf
      .moveDown()
      .font('regular')
      .fontSize(10)
      .text(
        `Na podstawie ${doc.legalBasis} oraz art. 104 ustawy z dnia 14 czerwca 1960 r. Kodeks postępowania administracyjnego`,
        {
          align: 'justify',
        },
      );
    pdf.moveDown().font('bold').text('orzekam:', { align: 'center' });
    pdf.moveDown(0.5).font('regular').text(doc.ruling, { align: 'justify' });
    if (doc.immediateEnforceability) {
      pdf.moveDown(0.5).text('Decyzji nadaje się rygor natychmiastowej wykonalności (art. 108 § 1 KPA).');
    }
    pdf.moveDown().font('bold').text('UZASADNIENIE', { align: 'center' });
    pdf.moveDown(0.5).font('regular').text(doc.justificationFacts, { align: 'justify' });
    pdf.moveDown(0.5).text(doc.justificationLaw, { align: 'justify' });
    pdf
      .moveDown()
      .font('bold')
      .text('POUCZENIE')
      .font('regular')
      .text(doc.appealInstruction, { align: 'justify' });
    pdf
      .moveDown(2)
      .text('z upoważnienia', { align: 'right' })
      .text(doc.signer.name, { align: 'right' })
      .text(doc.signer.position, { align: 'right' });
    pdf.moveDown(2).text('Otrzymują:').text('1. Strona').text('2. a/a');
    pdf.end();
  });
}

const MONTHS = [
  'stycznia',
  'lutego',
  'marca',
  'kwietnia',
  'maja',
  'czerwca',
  'lipca',
  'sierpnia',
  'września',
  'października',
  'listopada',
  'grudnia',
];

function polishDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year} r.`;
}
