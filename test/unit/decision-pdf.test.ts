import { renderDecisionPdf, type DecisionDocument } from '../../src/documents/decision-pdf';
import { placeOf } from '../../src/decisions/decision-document';

const decision: DecisionDocument = {
  organ: 'Dyrektor Miejskiego Ośrodka Pomocy Społecznej w Przykładowie',
  centreAddress: 'ul. Słoneczna 1, 00-001 Przykładowo',
  place: 'Przykładowo',
  issuedOn: '2026-11-22',
  decisionNumber: 'MOPS.ŚW.5111.1.2026',
  caseNumber: 'MOPS.ŚW.5011.1.2026',
  party: { name: 'Zofia Żółćińska', address: 'ul. Leśna 5, 00-002 Przykładowo' },
  legalBasis: 'art. 38 ustawy o pomocy społecznej',
  ruling: 'Przyznać zasiłek okresowy w kwocie 700,00 zł.',
  justificationFacts: 'Dochód poniżej kryterium.',
  justificationLaw: 'Kryterium 3 292,00 zł.',
  appealInstruction: 'Odwołanie do SKO w terminie 14 dni.',
  immediateEnforceability: false,
  signer: { name: 'Ewa Kierownik', position: 'Kierownik Działu Świadczeń' },
};

describe('decision PDF', () => {
  it('is a PDF with an embedded font, the same bytes for the same decision', async () => {
    const first = await renderDecisionPdf(decision);
    const second = await renderDecisionPdf(decision);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.toString('latin1')).toContain('DejaVuSans');
    expect(first.equals(second)).toBe(true);
  });

  it('changes when any element of the decision changes', async () => {
    const base = await renderDecisionPdf(decision);
    const other = await renderDecisionPdf({ ...decision, immediateEnforceability: true });
    expect(base.equals(other)).toBe(false);
  });

  it('takes the place from the centre address', () => {
    expect(placeOf('ul. Słoneczna 1, 00-001 Przykładowo')).toBe('Przykładowo');
  });
});
