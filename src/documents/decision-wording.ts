/**
 * The Polish wording of a decision that the renderer composes itself: the ruling from its structured form, the
 * statutory appeal instruction, and the authorisation line above the signature.
 */
import { formatZl } from '../domain/money';
import { formatNrb } from '../domain/nrb';
import { polishDate } from './polish-format';
import type { BenefitForm, DecisionRuling, GrantRuling } from './types';

/** Each form of help in the nominative and the genitive ("przyznać zasiłek…", "odmówić przyznania zasiłku…"). */
export const BENEFIT_NAMES: Record<BenefitForm, { nominative: string; genitive: string }> = {
  'zasilek-staly': { nominative: 'zasiłek stały', genitive: 'zasiłku stałego' },
  'zasilek-okresowy': { nominative: 'zasiłek okresowy', genitive: 'zasiłku okresowego' },
  'zasilek-celowy': { nominative: 'zasiłek celowy', genitive: 'zasiłku celowego' },
  'specjalny-zasilek-celowy': {
    nominative: 'specjalny zasiłek celowy',
    genitive: 'specjalnego zasiłku celowego',
  },
};

/** Keeps an account number on one line. */
const NBSP = '\u00a0';

export const DEFAULT_APPEAL_BODY = 'Samorządowego Kolegium Odwoławczego';

/** The numbered points of the ruling ("orzekam: 1. … 2. …"). */
export function rulingPoints(ruling: DecisionRuling): string[] {
  const names = BENEFIT_NAMES[ruling.benefit];
  if (ruling.outcome === 'refusal') return [`Odmówić stronie przyznania ${names.genitive}.`];
  return [grantPoint(ruling, names.nominative), payoutPoint(ruling)];
}

function grantPoint(ruling: GrantRuling, benefit: string): string {
  const amount = formatZl(ruling.amountGrosze);
  const { from, to } = ruling.period;
  if (ruling.frequency === 'monthly') {
    return sentence(
      `Przyznać stronie ${benefit} w kwocie ${amount} miesięcznie na okres od ${polishDate(from, 'period.from')} do ${polishDate(to, 'period.to')}`,
    );
  }
  const when =
    from === to
      ? `płatny w dniu ${polishDate(from, 'period.from')}`
      : `płatny w terminie od ${polishDate(from, 'period.from')} do ${polishDate(to, 'period.to')}`;
  return sentence(`Przyznać stronie jednorazowo ${benefit} w kwocie ${amount}, ${when}`);
}

/** Ends the sentence with a full stop, unless it ends with an abbreviation's one ("2026 r."). */
function sentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}

function payoutPoint(ruling: GrantRuling): string {
  const verb = ruling.frequency === 'monthly' ? 'będzie wypłacane' : 'zostanie wypłacone';
  switch (ruling.payoutMethod) {
    case 'cash':
      return `Świadczenie ${verb} w kasie Ośrodka.`;
    case 'transfer':
      return ruling.account
        ? `Świadczenie ${verb} przelewem na rachunek bankowy strony nr ${formatNrb(ruling.account).replaceAll(' ', NBSP)}.`
        : `Świadczenie ${verb} przelewem na rachunek bankowy wskazany przez stronę.`;
    case 'provider':
      return `Świadczenie ${verb} bezpośrednio na rzecz ${ruling.provider ?? 'dostawcy wskazanego w uzasadnieniu'}.`;
    case 'in-kind':
      return 'Pomoc zostanie udzielona w formie rzeczowej.';
  }
}

/**
 * The appeal instruction required by art. 107 § 1 pkt 7 KPA: 14 days from delivery, to the appeal body through the
 * organ that issued the decision (art. 127 § 1–2, art. 129 § 1–2), and the waiver of appeal (art. 127a).
 */
export function statutoryAppealInstruction(appealBody = DEFAULT_APPEAL_BODY): string {
  return (
    `Od niniejszej decyzji przysługuje stronie odwołanie do ${appealBody} za pośrednictwem organu, który wydał ` +
    'decyzję, w terminie 14 dni od dnia jej doręczenia (art. 127 § 1 i 2 oraz art. 129 § 1 i 2 KPA). ' +
    'W trakcie biegu terminu do wniesienia odwołania strona może zrzec się prawa do wniesienia odwołania wobec ' +
    'organu, który wydał decyzję (art. 127a § 1 KPA). Z dniem doręczenia organowi oświadczenia o zrzeczeniu się ' +
    'prawa do wniesienia odwołania przez ostatnią ze stron postępowania decyzja staje się ostateczna i ' +
    'prawomocna (art. 127a § 2 KPA).'
  );
}

const GENITIVE_OF_TITLE: Record<string, string> = {
  Dyrektor: 'Dyrektora',
  Kierownik: 'Kierownika',
  Burmistrz: 'Burmistrza',
  Prezydent: 'Prezydenta',
  Wójt: 'Wójta',
  Starosta: 'Starosty',
};

/**
 * "z upoważnienia Dyrektora Miejskiego Ośrodka…": the organ's first word (its title) in the genitive; the rest of
 * an organ's name is already in the genitive ("Dyrektor [kogo?] Miejskiego Ośrodka…"). An organ whose title is not
 * known is printed as it is — pass `onBehalfOf` for it.
 */
export function authorisationLine(organ: string, onBehalfOf?: string): string {
  if (onBehalfOf?.trim()) return `z upoważnienia ${onBehalfOf.trim()}`;
  const [title = '', ...rest] = organ.trim().split(/\s+/);
  const genitive = GENITIVE_OF_TITLE[title];
  return genitive ? `z upoważnienia ${[genitive, ...rest].join(' ')}` : `z upoważnienia: ${organ.trim()}`;
}
