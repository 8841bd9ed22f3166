/**
 * When the centre issues a certificate (zaświadczenie, art. 217 KPA) and when it must refuse by postanowienie
 * (art. 219 KPA, appealable by zażalenie). The rule, deliberately narrow:
 *
 * A certificate of the centre confirms facts from its own records — that the person is in the register of
 * clients and which cases (assistance) the centre runs or ran for them (art. 218 § 1 KPA: only facts resulting
 * from the organ's records, registers or other data in its possession). So it is refused when
 * 1. `not-identified`: the person gave neither PESEL nor an identity document number: the register cannot be
 *    searched with certainty, and nothing may be certified about a person the centre cannot identify;
 * 2. `not-a-client`: the person is not in the register: the centre has no data whose confirmation is requested.
 * Otherwise it is issued. (A certificate that a person does NOT receive assistance would be a different kind of
 * request with its own rule; the model has one kind.)
 */
export interface CertificateCase {
  caseNumber: string;
  /** 'YYYY-MM-DD' */
  openedOn: string;
  status: string;
  /** 'YYYY-MM-DD' when closed */
  closedOn?: string | null;
}

export type CertificateRuling =
  | { outcome: 'issue'; clientSince: string; cases: CertificateCase[] }
  | { outcome: 'refuse'; code: 'not-identified' | 'not-a-client'; reason: string; legalBasis: string };

export const REFUSAL_LEGAL_BASIS = 'art. 218 § 1 i art. 219 KPA';

export function certificateRuling(input: {
  identified: boolean;
  client?: { since: string; cases: readonly CertificateCase[] } | null;
}): CertificateRuling {
  if (!input.identified)
    return {
      outcome: 'refuse',
      code: 'not-identified',
      reason:
        'Nie podano numeru PESEL ani numeru dokumentu tożsamości, więc nie można ustalić osoby w ewidencji ośrodka; ośrodek nie może potwierdzić danych osoby, której tożsamości nie ustalił.',
      legalBasis: REFUSAL_LEGAL_BASIS,
    };
  if (!input.client)
    return {
      outcome: 'refuse',
      code: 'not-a-client',
      reason:
        'Osoba nie figuruje w ewidencji ośrodka, więc ośrodek nie posiada danych, których potwierdzenia żąda (zaświadczenie potwierdza wyłącznie fakty wynikające z prowadzonej ewidencji).',
      legalBasis: REFUSAL_LEGAL_BASIS,
    };
  const cases = [...input.client.cases].sort((a, b) => a.openedOn.localeCompare(b.openedOn));
  return { outcome: 'issue', clientSince: input.client.since, cases };
}
