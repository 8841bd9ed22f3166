import { createHash } from 'node:crypto';
import { renderDecisionPdf } from '../../../src/documents/decision-pdf';
import { missingDecisionElements } from '../../../src/documents/decision-elements';
import { authorisationLine, rulingPoints } from '../../../src/documents/decision-wording';
import type { DecisionDocument } from '../../../src/documents/types';
import { grantDecision, POLISH_LETTERS, refusalDecision } from './fixtures';
import { pdfFlatText } from './pdf-text';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Art. 107 § 1 KPA and the rest of the brief, as phrases the printed decision must contain. */
const COMMON_ELEMENTS: Array<[string, string]> = [
  ['oznaczenie organu', 'Dyrektor Miejskiego Ośrodka Pomocy Społecznej w Przykładowie'],
  ['adres organu', 'ul. Słoneczna 1, 00-001 Przykładowo'],
  ['data wydania', 'Przykładowo, dnia 22 listopada 2026 r.'],
  ['oznaczenie strony', 'Strona:'],
  ['adres strony', 'ul. Łąkowa 5 m. 3, 00-002 Przykładowo'],
  ['znak sprawy', 'Znak sprawy: MOPS.ŚW.5011.42.2026'],
  [
    'podstawa prawna KPA',
    'art. 104 ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego',
  ],
  ['rozstrzygnięcie', 'orzekam:'],
  ['uzasadnienie', 'UZASADNIENIE'],
  ['pouczenie', 'POUCZENIE'],
  ['termin odwołania', 'w terminie 14 dni od dnia jej doręczenia'],
  [
    'organ odwoławczy',
    'odwołanie do Samorządowego Kolegium Odwoławczego za pośrednictwem organu, który wydał decyzję',
  ],
  ['zrzeczenie się odwołania', 'strona może zrzec się prawa do wniesienia odwołania'],
  ['art. 127a', 'art. 127a § 1 KPA'],
  ['upoważnienie', 'z upoważnienia Dyrektora Miejskiego Ośrodka Pomocy Społecznej w Przykładowie'],
  ['podpisujący', 'Ewa Nowak-Kierownik'],
  ['stanowisko', 'Kierownik Działu Świadczeń'],
  ['rozdzielnik', 'Otrzymują:'],
  ['rozdzielnik: strona', '1. Strona'],
  ['rozdzielnik: a/a', '2. a/a'],
];

describe('decision PDF (art. 107 § 1 KPA)', () => {
  let grantText: string;
  let refusalText: string;
  let grantPdf: Buffer;

  beforeAll(async () => {
    grantPdf = await renderDecisionPdf(grantDecision);
    grantText = await pdfFlatText(grantPdf);
    refusalText = await pdfFlatText(await renderDecisionPdf(refusalDecision));
  });

  it.each(COMMON_ELEMENTS)('a grant has %s', (_, phrase) => {
    expect(grantText).toContain(phrase);
  });

  it.each(COMMON_ELEMENTS)('a refusal has %s', (_, phrase) => {
    expect(refusalText).toContain(phrase);
  });

  it('names the party and numbers the decision', () => {
    expect(grantText).toContain('Zofia Żółćińska');
    expect(grantText).toContain('DECYZJA nr MOPS.ŚW.5111.17.2026');
    expect(refusalText).toContain('DECYZJA nr MOPS.ŚW.5111.18.2026');
  });

  it('cites the legal basis given', () => {
    expect(grantText).toContain(
      'Na podstawie art. 8 ust. 1, art. 37 i art. 106 ust. 1 ustawy z dnia 12 marca 2004 r.',
    );
    expect(refusalText).toContain('art. 38 i art. 106 ust. 1');
  });

  it('grants: form, amount in Polish formatting, period, payout method, and the rygor line', () => {
    expect(grantText).toContain(
      'Przyznać stronie zasiłek stały w kwocie 1 229,00 zł miesięcznie na okres od 1 grudnia 2026 r. do 31 maja 2027 r.',
    );
    expect(grantText).toContain('przelewem na rachunek bankowy strony nr 27 1140 2004 0000 3002 0135 5387');
    expect(grantText).toContain('Decyzji nadaje się rygor natychmiastowej wykonalności (art. 108 § 1 KPA).');
  });

  it('refuses, without the rygor line', () => {
    expect(refusalText).toContain('Odmówić stronie przyznania zasiłku okresowego.');
    expect(refusalText).not.toContain('rygor natychmiastowej wykonalności');
    expect(refusalText).not.toContain('Przyznać');
  });

  it('prints the factual and the legal justification', () => {
    expect(grantText).toContain('Z rodzinnego wywiadu środowiskowego wynika');
    expect(grantText).toContain('Zgodnie z art. 37 ust. 1 pkt 1 ustawy o pomocy społecznej');
  });

  it('renders every Polish letter with the embedded font', () => {
    expect(grantText).toContain(POLISH_LETTERS);
    expect(grantPdf.toString('latin1')).toMatch(/\/FontFile2/);
    expect(grantPdf.toString('latin1')).toContain('DejaVuSans');
  });

  it('is the same bytes for the same input, and differs when the input does', async () => {
    const again = await renderDecisionPdf(structuredClone(grantDecision));
    expect(sha256(again)).toBe(sha256(grantPdf));
    const changed = await renderDecisionPdf({ ...grantDecision, immediateEnforceability: false });
    expect(sha256(changed)).not.toBe(sha256(grantPdf));
  });

  it('numbers pages', () => {
    expect(grantText).toContain('Strona 1 z 1');
  });

  it('prints a ruling and an appeal instruction given as text as they are', async () => {
    const text = await pdfFlatText(
      await renderDecisionPdf({
        ...grantDecision,
        ruling: 'Przyznać zasiłek okresowy w kwocie 700,00 zł miesięcznie.',
        appealInstruction: 'Odwołanie wnosi się do SKO w Przykładowie w terminie 14 dni od dnia doręczenia.',
      }),
    );
    expect(text).toContain('Przyznać zasiłek okresowy w kwocie 700,00 zł miesięcznie.');
    expect(text).toContain('Odwołanie wnosi się do SKO w Przykładowie');
    expect(text).toContain('Decyzji nadaje się rygor natychmiastowej wykonalności');
  });

  it('lists further parties and sends each a copy', async () => {
    const text = await pdfFlatText(
      await renderDecisionPdf({
        ...refusalDecision,
        otherParties: [{ name: 'Józef Żółćiński', address: 'ul. Łąkowa 5 m. 3, 00-002 Przykładowo' }],
      }),
    );
    expect(text).toContain('Strony:');
    expect(text).toContain('2. Strona – Józef Żółćiński');
    expect(text).toContain('3. a/a');
  });
});

describe('decision completeness', () => {
  it('refuses to print a decision without the signer, naming what is missing', async () => {
    const unsigned: DecisionDocument = { ...grantDecision, signer: { name: 'Ewa Nowak', position: ' ' } };
    await expect(renderDecisionPdf(unsigned)).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('stanowisko służbowe osoby podpisującej') as string,
    });
  });

  it('names every missing element', () => {
    const empty: DecisionDocument = {
      ...grantDecision,
      organ: '',
      issuedOn: '2026-02-30',
      party: { name: '', address: '' },
      legalBasis: '',
      ruling: '',
      justificationFacts: '',
      justificationLaw: '',
      appealInstruction: '',
      signer: { name: '', position: '' },
    };
    expect(missingDecisionElements(empty)).toEqual([
      'oznaczenie organu',
      'data wydania (RRRR-MM-DD)',
      'imię i nazwisko (nazwa) strony',
      'adres strony',
      'podstawa prawna',
      'rozstrzygnięcie',
      'uzasadnienie faktyczne',
      'uzasadnienie prawne',
      'pouczenie o odwołaniu',
      'imię i nazwisko osoby podpisującej',
      'stanowisko służbowe osoby podpisującej',
    ]);
    expect(missingDecisionElements(grantDecision)).toEqual([]);
  });

  it('checks a structured grant: amount, period and account', () => {
    expect(
      missingDecisionElements({
        ...grantDecision,
        ruling: {
          outcome: 'grant',
          benefit: 'zasilek-okresowy',
          amountGrosze: 0,
          frequency: 'monthly',
          period: { from: '2026-12-01', to: '2026-11-30' },
          payoutMethod: 'transfer',
          account: '27114020040000300201355388',
        },
      }),
    ).toEqual([
      'kwota świadczenia (dodatnia liczba groszy)',
      'okres świadczenia (od–do, RRRR-MM-DD)',
      'numer rachunku strony (NRB)',
    ]);
  });
});

describe('decision wording', () => {
  it('words a one-off grant paid in cash', () => {
    expect(
      rulingPoints({
        outcome: 'grant',
        benefit: 'zasilek-celowy',
        amountGrosze: 30000,
        frequency: 'once',
        period: { from: '2026-12-03', to: '2026-12-03' },
        payoutMethod: 'cash',
      }).map((p) => p.replace(/\u00a0/g, ' ')),
    ).toEqual([
      'Przyznać stronie jednorazowo zasiłek celowy w kwocie 300,00 zł, płatny w dniu 3 grudnia 2026 r.',
      'Świadczenie zostanie wypłacone w kasie Ośrodka.',
    ]);
  });

  it('puts the organ in the genitive after "z upoważnienia"', () => {
    expect(authorisationLine('Burmistrz Miasta Krasnystaw')).toBe(
      'z upoważnienia Burmistrza Miasta Krasnystaw',
    );
    expect(authorisationLine('Prezydent Miasta Częstochowy')).toBe(
      'z upoważnienia Prezydenta Miasta Częstochowy',
    );
    expect(authorisationLine('Dyrektor MOPS', 'Wójta Gminy Przykładowo')).toBe(
      'z upoważnienia Wójta Gminy Przykładowo',
    );
    expect(authorisationLine('Ośrodek Pomocy Społecznej')).toBe('z upoważnienia: Ośrodek Pomocy Społecznej');
  });
});
