/**
 * Art. 107 § 1 KPA: what a decision must contain. A decision that lacks one of them is defective (without the
 * signature it is not a decision at all), so the renderer refuses to print one rather than print it incomplete.
 */
import { isValidDate } from '../domain/calendar-date';
import { isGrosze } from '../domain/money';
import { isValidNrb } from '../domain/nrb';
import { AppError } from '../errors/app-error';
import type { DecisionDocument, DecisionRuling } from './types';

/** The Polish names of the missing or malformed elements; empty when the decision is complete. */
export function missingDecisionElements(doc: DecisionDocument): string[] {
  const missing: string[] = [];
  const need = (value: string | undefined, name: string) => {
    if (!value?.trim()) missing.push(name);
  };
  need(doc.organ, 'oznaczenie organu');
  if (!isValidDate(doc.issuedOn)) missing.push('data wydania (RRRR-MM-DD)');
  need(doc.decisionNumber, 'numer decyzji');
  need(doc.caseNumber, 'znak sprawy');
  for (const [i, party] of [doc.party, ...(doc.otherParties ?? [])].entries()) {
    const which = i === 0 ? 'strony' : `strony nr ${i + 1}`;
    need(party?.name, `imię i nazwisko (nazwa) ${which}`);
    need(party?.address, `adres ${which}`);
  }
  need(doc.legalBasis, 'podstawa prawna');
  if (typeof doc.ruling === 'string') need(doc.ruling, 'rozstrzygnięcie');
  else missing.push(...rulingProblems(doc.ruling));
  need(doc.justificationFacts, 'uzasadnienie faktyczne');
  need(doc.justificationLaw, 'uzasadnienie prawne');
  if (doc.appealInstruction !== undefined) need(doc.appealInstruction, 'pouczenie o odwołaniu');
  need(doc.signer?.name, 'imię i nazwisko osoby podpisującej');
  need(doc.signer?.position, 'stanowisko służbowe osoby podpisującej');
  return missing;
}

function rulingProblems(ruling: DecisionRuling): string[] {
  if (ruling.outcome === 'refusal') return [];
  const problems: string[] = [];
  if (!isGrosze(ruling.amountGrosze) || ruling.amountGrosze <= 0)
    problems.push('kwota świadczenia (dodatnia liczba groszy)');
  const { from, to } = ruling.period;
  if (!isValidDate(from) || !isValidDate(to) || to < from)
    problems.push('okres świadczenia (od–do, RRRR-MM-DD)');
  if (ruling.payoutMethod === 'transfer' && ruling.account !== undefined && !isValidNrb(ruling.account))
    problems.push('numer rachunku strony (NRB)');
  return problems;
}

export function assertCompleteDecision(doc: DecisionDocument): void {
  const missing = missingDecisionElements(doc);
  if (missing.length > 0) {
    throw new AppError({
      code: 'validation',
      message: `Decyzja ${doc.decisionNumber || '(bez numeru)'} nie zawiera elementów wymaganych przez art. 107 § 1 KPA: ${missing.join(', ')}.`,
      details: { missing },
    });
  }
}
