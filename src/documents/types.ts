/**
 * What the document renderers take: plain data, already read from the case file. Amounts are integer grosze,
 * dates 'YYYY-MM-DD' (Europe/Warsaw calendar days), months 'YYYY-MM'. Polish text is for people; identifiers
 * stay English.
 */

/** 'YYYY-MM-DD'. */
export type IsoDate = string;

/** A party of the proceedings (strona) or a payee: name and address as printed. */
export interface DocumentParty {
  name: string;
  address: string;
}

/** Forms of financial help granted by decision (u.p.s. art. 37–41). */
export type BenefitForm =
  'zasilek-staly' | 'zasilek-okresowy' | 'zasilek-celowy' | 'specjalny-zasilek-celowy';

export type PayoutMethod = 'cash' | 'transfer' | 'provider' | 'in-kind';

/** A granting ruling: form, amount, period and how it is paid out. */
export interface GrantRuling {
  outcome: 'grant';
  benefit: BenefitForm;
  amountGrosze: number;
  /** `monthly`: the amount per month of the period; `once`: one payment. */
  frequency: 'monthly' | 'once';
  period: { from: IsoDate; to: IsoDate };
  payoutMethod: PayoutMethod;
  /** The recipient's NRB, printed with a transfer. */
  account?: string;
  /** The payee when it is not the party (payment to a service provider). */
  provider?: string;
}

export interface RefusalRuling {
  outcome: 'refusal';
  benefit: BenefitForm;
}

export type DecisionRuling = GrantRuling | RefusalRuling;

/**
 * An administrative decision: every element of art. 107 § 1 KPA, plus the case and decision numbers.
 * `ruling` is either structured (the renderer words it) or the text prepared and approved upstream.
 * `appealInstruction` may be left out: the renderer then prints the statutory instruction (art. 127 § 1–2,
 * art. 129 § 1–2 and art. 127a KPA) addressed to `appealBody`.
 */
export interface DecisionDocument {
  /** The organ in the nominative, as it heads the decision: "Dyrektor Miejskiego Ośrodka Pomocy Społecznej w …". */
  organ: string;
  centreAddress: string;
  /** The place printed beside the date. */
  place: string;
  issuedOn: IsoDate;
  decisionNumber: string;
  caseNumber: string;
  party: DocumentParty;
  /** Further parties (e.g. household members who are parties too). */
  otherParties?: DocumentParty[];
  legalBasis: string;
  ruling: string | DecisionRuling;
  justificationFacts: string;
  justificationLaw: string;
  appealInstruction?: string;
  /** Genitive, as in "odwołanie do …": default "Samorządowego Kolegium Odwoławczego". */
  appealBody?: string;
  /** Art. 108 § 1 KPA. */
  immediateEnforceability: boolean;
  signer: {
    name: string;
    position: string;
    /** Genitive, as in "z upoważnienia …"; default: the organ with its first word in the genitive. */
    onBehalfOf?: string;
  };
}

/** One instalment on a payout list or in a transfer batch. */
export interface PayoutLine {
  name: string;
  address: string;
  caseNumber: string;
  decisionNumber: string;
  /** 'YYYY-MM': the month the instalment is for. */
  month: string;
  amountGrosze: number;
  /** The recipient's NRB (26 digits, spaces and a "PL" prefix allowed); needed for transfers. */
  account?: string;
}

/** The cashier's payout list for one day. */
export interface CashPayoutList {
  centreName: string;
  centreAddress: string;
  payoutDate: IsoDate;
  /** The number of the list, as printed ("2026-11-23/K"). */
  batchLabel: string;
  lines: PayoutLine[];
}

/** Transfers for one day, leaving the centre's own account. */
export interface TransferBatch extends CashPayoutList {
  /** The centre's NRB the transfers are paid from. */
  centreAccount: string;
}
