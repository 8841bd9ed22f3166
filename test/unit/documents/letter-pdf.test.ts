import { renderLetterPdf, type LetterDocument } from '../../../src/documents/letter-pdf';
import { pdfFlatText } from './pdf-text';

const letter: LetterDocument = {
  organ: 'Dyrektor Miejskiego Ośrodka Pomocy Społecznej w Przykładowie',
  centreAddress: 'ul. Słoneczna 1, 00-001 Przykładowo',
  place: 'Przykładowo',
  date: '2026-12-09',
  caseNumber: 'MOPS.ŚW.5011.7.2026',
  recipient: {
    name: 'Samorządowe Kolegium Odwoławcze w Przykładowie',
    address: 'ul. Sądowa 5, 00-002 Przykładowo',
  },
  title: 'Przekazanie odwołania wraz z aktami sprawy',
  paragraphs: ['Na podstawie art. 133 KPA przekazuję odwołanie wniesione przez: Zofia Żółćińska.'],
  enclosures: ['Odwołanie strony (oryginał)', 'Akta sprawy MOPS.ŚW.5011.7.2026'],
  signer: { name: 'Ewa Kierownik', position: 'Kierownik Działu Świadczeń' },
};

describe('letter PDF', () => {
  it('carries the letterhead, the recipient, the body with Polish letters, the signature and the enclosures', async () => {
    const text = await pdfFlatText(await renderLetterPdf(letter));
    for (const phrase of [
      'Przykładowo, dnia 9 grudnia 2026 r.',
      'Znak sprawy: MOPS.ŚW.5011.7.2026',
      'Samorządowe Kolegium Odwoławcze w Przykładowie',
      'Przekazanie odwołania wraz z aktami sprawy',
      'Zofia Żółćińska',
      'Ewa Kierownik',
      'Załączniki:',
      '2. Akta sprawy MOPS.ŚW.5011.7.2026',
      'Strona 1 z 1',
    ])
      expect(text).toContain(phrase);
  });

  it('gives the same bytes for the same letter', async () => {
    expect((await renderLetterPdf(letter)).equals(await renderLetterPdf(letter))).toBe(true);
  });
});
