import type { CashPayoutList, DecisionDocument, TransferBatch } from '../../../src/documents/types';

/** Every Polish diacritic, lower and upper case, somewhere in the printed text. */
export const POLISH_LETTERS = 'ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ';

export const grantDecision: DecisionDocument = {
  organ: 'Dyrektor Miejskiego Ośrodka Pomocy Społecznej w Przykładowie',
  centreAddress: 'ul. Słoneczna 1, 00-001 Przykładowo',
  place: 'Przykładowo',
  issuedOn: '2026-11-22',
  decisionNumber: 'MOPS.ŚW.5111.17.2026',
  caseNumber: 'MOPS.ŚW.5011.42.2026',
  party: { name: 'Zofia Żółćińska-Źdźbło', address: 'ul. Łąkowa 5 m. 3, 00-002 Przykładowo' },
  legalBasis: 'art. 8 ust. 1, art. 37 i art. 106 ust. 1 ustawy z dnia 12 marca 2004 r. o pomocy społecznej',
  ruling: {
    outcome: 'grant',
    benefit: 'zasilek-staly',
    amountGrosze: 122900,
    frequency: 'monthly',
    period: { from: '2026-12-01', to: '2027-05-31' },
    payoutMethod: 'transfer',
    account: 'PL27114020040000300201355387',
  },
  justificationFacts:
    `Strona złożyła wniosek o przyznanie zasiłku stałego. Z rodzinnego wywiadu środowiskowego wynika, że prowadzi ` +
    `jednoosobowe gospodarstwo domowe, jest całkowicie niezdolna do pracy z powodu wieku, a jej dochód wynosi 0,00 zł. ` +
    `Litery kontrolne: ${POLISH_LETTERS}.`,
  justificationLaw:
    'Zgodnie z art. 37 ust. 1 pkt 1 ustawy o pomocy społecznej zasiłek stały przysługuje pełnoletniej osobie ' +
    'samotnie gospodarującej, niezdolnej do pracy z powodu wieku lub całkowicie niezdolnej do pracy, jeżeli jej ' +
    'dochód jest niższy od kryterium dochodowego osoby samotnie gospodarującej (1 010,00 zł). Kwota zasiłku nie może ' +
    'być wyższa niż 1 229,00 zł miesięcznie.',
  immediateEnforceability: true,
  signer: { name: 'Ewa Nowak-Kierownik', position: 'Kierownik Działu Świadczeń' },
};

export const refusalDecision: DecisionDocument = {
  ...grantDecision,
  decisionNumber: 'MOPS.ŚW.5111.18.2026',
  ruling: { outcome: 'refusal', benefit: 'zasilek-okresowy' },
  legalBasis: 'art. 8 ust. 1, art. 38 i art. 106 ust. 1 ustawy z dnia 12 marca 2004 r. o pomocy społecznej',
  justificationFacts: 'Dochód gospodarstwa domowego strony przekracza kryterium dochodowe.',
  justificationLaw:
    'Zgodnie z art. 38 ust. 1 ustawy o pomocy społecznej zasiłek okresowy przysługuje w szczególności ze względu na długotrwałą chorobę, jeżeli dochód jest niższy od kryterium dochodowego.',
  immediateEnforceability: false,
};

export const payoutLines = [
  {
    name: 'Zofia Żółćińska',
    address: 'ul. Łąkowa 5, Łódź',
    caseNumber: 'MOPS.ŚW.5011.1.2026',
    decisionNumber: 'MOPS.ŚW.5111.1.2026',
    month: '2026-11',
    amountGrosze: 122900,
    account: 'PL27114020040000300201355387',
  },
  {
    name: 'Jan Kowalski',
    address: 'ul. Leśna 7, 00-003 Przykładowo',
    caseNumber: 'MOPS.ŚW.5011.2.2026',
    decisionNumber: 'MOPS.ŚW.5111.2.2026',
    month: '2026-11',
    amountGrosze: 2000,
    account: '61 1090 1014 0000 0712 1981 2874',
  },
  {
    name: 'Ścibor Gęślą',
    address: 'ul. Źródlana 1, Przykładowo',
    caseNumber: 'MOPS.ŚW.5011.3.2026',
    decisionNumber: 'MOPS.ŚW.5111.3.2026',
    month: '2026-10',
    amountGrosze: 35050,
    account: '27 1140 2004 0000 3002 0135 5387',
  },
];

export const cashList: CashPayoutList = {
  centreName: 'Miejski Ośrodek Pomocy Społecznej w Przykładowie',
  centreAddress: 'ul. Słoneczna 1, 00-001 Przykładowo',
  payoutDate: '2026-11-23',
  batchLabel: '2026-11-23/K',
  lines: payoutLines,
};

export const transferBatch: TransferBatch = {
  ...cashList,
  batchLabel: '2026-11-23/P',
  centreName: 'MOPS Przykładowo',
  centreAddress: 'ul. Słoneczna 1, 00-001 Łódź',
  centreAccount: '61 1090 1014 0000 0712 1981 2874',
};
