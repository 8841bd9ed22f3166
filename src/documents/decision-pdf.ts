/**
 * The administrative decision as PDF (A4, DejaVu Sans embedded). Layout, top to bottom — each element of
 * art. 107 § 1 KPA named:
 * - organ and its address (oznaczenie organu), place and date of issue (data wydania), znak sprawy;
 * - the party or parties with addresses (oznaczenie strony);
 * - "DECYZJA nr …", the legal basis (powołanie podstawy prawnej) with art. 104 KPA, "orzekam:" and the ruling
 *   (rozstrzygnięcie), with the rygor natychmiastowej wykonalności when given (art. 108 § 1);
 * - UZASADNIENIE: facts, then law (uzasadnienie faktyczne i prawne);
 * - POUCZENIE (appeal instruction: 14 days, SKO through the organ, waiver under art. 127a);
 * - the signature block: "z upoważnienia <organ in the genitive>", name and position of the authorised person;
 * - "Otrzymują: 1. Strona … a/a"; on every page a footer with the decision number and "Strona i z n".
 * The input is checked first: a decision missing an element is refused, not printed.
 */
import { assertCompleteDecision } from './decision-elements';
import { authorisationLine, rulingPoints, statutoryAppealInstruction } from './decision-wording';
import { officeHeading, pageFooters, renderPdf } from './pdf-render';
import type { DecisionDocument } from './types';

export type { DecisionDocument } from './types';

const MARGINS = { top: 56, bottom: 64, left: 62, right: 56 };
const BODY = 10.5;

/** Renders the decision; the same input gives the same bytes. Rejects (AppError 'validation') an incomplete one. */
export async function renderDecisionPdf(doc: DecisionDocument): Promise<Buffer> {
  assertCompleteDecision(doc);
  return renderPdf(
    { title: `Decyzja nr ${doc.decisionNumber}`, author: doc.organ, date: doc.issuedOn, margins: MARGINS },
    (pdf) => drawDecision(pdf, doc),
  );
}

function drawDecision(pdf: PDFKit.PDFDocument, doc: DecisionDocument): void {
  const left = MARGINS.left;
  const width = pdf.page.width - MARGINS.left - MARGINS.right;
  const para = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
    pdf.text(text, left, pdf.y, { width, align: 'justify', ...options });
  const heading = (text: string) => {
    pdf.moveDown(0.9).font('bold').fontSize(BODY);
    para(text, { align: 'center' });
    pdf.moveDown(0.4).font('regular').fontSize(BODY);
  };

  // organ, place and date
  pdf.fontSize(BODY);
  officeHeading(pdf, { left, width }, { ...doc, date: doc.issuedOn, dateField: 'issuedOn' });

  // party or parties
  const parties = [doc.party, ...(doc.otherParties ?? [])];
  const partyX = left + width * 0.5;
  pdf.moveDown(1);
  pdf.font('bold').text(parties.length > 1 ? 'Strony:' : 'Strona:', partyX, pdf.y, { width: width * 0.5 });
  pdf.font('regular');
  for (const party of parties) {
    pdf.text(party.name, partyX, pdf.y, { width: width * 0.5 });
    pdf.text(party.address, partyX, pdf.y, { width: width * 0.5 });
    pdf.moveDown(0.3);
  }

  // title, legal basis, ruling
  pdf.moveDown(1.5).font('bold').fontSize(15);
  para(`DECYZJA nr ${doc.decisionNumber}`, { align: 'center' });
  pdf.moveDown(1).font('regular').fontSize(BODY);
  para(
    `Na podstawie ${doc.legalBasis} oraz art. 104 ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania ` +
      'administracyjnego',
  );
  heading('orzekam:');
  const enforceability = 'Decyzji nadaje się rygor natychmiastowej wykonalności (art. 108 § 1 KPA).';
  if (typeof doc.ruling === 'string') {
    para(doc.ruling);
    if (doc.immediateEnforceability) {
      pdf.moveDown(0.4);
      para(enforceability);
    }
  } else {
    const points = rulingPoints(doc.ruling);
    if (doc.immediateEnforceability) points.push(enforceability);
    if (points.length === 1) para(points[0] ?? '');
    else points.forEach((point, i) => numbered(pdf, `${i + 1}.`, point, left, width));
  }

  heading('UZASADNIENIE');
  for (const text of [doc.justificationFacts, doc.justificationLaw]) {
    para(text, { indent: 24, paragraphGap: 4 });
  }

  heading('POUCZENIE');
  para(doc.appealInstruction ?? statutoryAppealInstruction(doc.appealBody));

  signature(pdf, doc, left, width);

  // distribution, kept whole on one page
  const recipients = [
    ...parties.map((party, i) => `${i + 1}. Strona – ${party.name}`),
    `${parties.length + 1}. a/a`,
  ];
  pdf.moveDown(1.2).font('bold').fontSize(9);
  if (pdf.y + (recipients.length + 1) * pdf.currentLineHeight(true) > pdf.page.height - MARGINS.bottom)
    pdf.addPage();
  pdf.text('Otrzymują:', left, pdf.y, { width });
  pdf.font('regular');
  for (const line of recipients) pdf.text(line, left, pdf.y, { width });

  pageFooters(pdf, `Decyzja nr ${doc.decisionNumber} · znak sprawy ${doc.caseNumber}`);
}

/** A numbered point with a hanging indent: the number in the margin column, the text beside it. */
function numbered(pdf: PDFKit.PDFDocument, label: string, text: string, left: number, width: number) {
  const indent = 18;
  // left-aligned: a justified short point with an unbreakable account number would gape
  const height = pdf.heightOfString(text, { width: width - indent });
  if (pdf.y + Math.min(height, 40) > pdf.page.height - MARGINS.bottom) pdf.addPage();
  const y = pdf.y;
  pdf.text(label, left, y, { width: indent, lineBreak: false });
  pdf.text(text, left + indent, y, { width: width - indent });
  pdf.moveDown(0.3);
}

/** The signature block on the right half, kept whole on one page. */
function signature(pdf: PDFKit.PDFDocument, doc: DecisionDocument, left: number, width: number) {
  const blockX = left + width * 0.45;
  const blockWidth = width * 0.55;
  const needed = 110;
  pdf.moveDown(1.5);
  if (pdf.y + needed > pdf.page.height - MARGINS.bottom) pdf.addPage();
  const center = { width: blockWidth, align: 'center' } as const;
  pdf.font('regular').fontSize(9);
  pdf.text(authorisationLine(doc.organ, doc.signer.onBehalfOf), blockX, pdf.y, center);
  pdf.moveDown(2.2);
  pdf.text('.'.repeat(60), blockX, pdf.y, center);
  pdf.font('bold').fontSize(BODY).text(doc.signer.name, blockX, pdf.y, center);
  pdf.font('regular').fontSize(9).text(doc.signer.position, blockX, pdf.y, center);
  pdf.fontSize(7.5).fillColor('#555555').text('(podpis osoby upoważnionej)', blockX, pdf.y, center);
  pdf.fillColor('black').fontSize(BODY);
}
