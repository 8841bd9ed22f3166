import { invalid } from './validation';

/**
 * Recovery of an undue benefit (art. 98 u.p.s.): a benefit paid under a decision later quashed or revoked, for the
 * months the quash or revocation covers, is to be refunded; the centre may demand it, spread it into instalments or
 * waive it in whole or in part (art. 104 u.p.s.), giving reasons for the latter two. Pure rules, no I/O.
 */
export interface LedgerInstalment {
  month: string;
  amountGrosze: number;
  status: string;
}

export interface UndueBenefit {
  undueGrosze: number;
  /** The paid months counted, in order. */
  months: string[];
}

/** Paid instalments of `fromMonth` and later (every paid month when null: the whole period was quashed). */
export function undueFromLedger(instalments: LedgerInstalment[], fromMonth: string | null): UndueBenefit {
  const paid = instalments
    .filter((i) => i.status === 'paid' && (fromMonth === null || i.month >= fromMonth))
    .sort((a, b) => a.month.localeCompare(b.month));
  return {
    undueGrosze: paid.reduce((sum, i) => sum + i.amountGrosze, 0),
    months: paid.map((i) => i.month),
  };
}

export const RECOVERY_RESOLUTIONS = ['demand', 'instalments', 'waive'] as const;
export type RecoveryResolution = (typeof RECOVERY_RESOLUTIONS)[number];

export interface RecoveryDecisionInput {
  resolution: RecoveryResolution;
  /** What the person is to refund: the undue amount or less; 0 only when waived in whole. */
  amountGrosze: number;
  /** Refund due by (demand) or first instalment due by (instalments); none when waived in whole. */
  dueOn: string | null;
  instalmentCount: number | null;
  justification: string;
}

export interface RecoveryDecision extends RecoveryDecisionInput {
  /** The part not demanded (waived under art. 104), in grosze. */
  waivedGrosze: number;
}

/**
 * Checks the benefits worker's decision against the undue amount: never more than was paid; spreading or waiving
 * needs a justification (art. 104), and so does demanding less than the undue amount; a demand and instalments need
 * a due day and an amount above zero; instalments need at least two.
 */
export function decideRecovery(input: RecoveryDecisionInput, undueGrosze: number): RecoveryDecision {
  const { resolution, amountGrosze } = input;
  const justification = input.justification.trim();
  if (!Number.isSafeInteger(amountGrosze) || amountGrosze < 0)
    throw invalid('amount', 'kwota nie może być ujemna');
  if (amountGrosze > undueGrosze)
    throw invalid('amount', 'kwota do zwrotu nie może być wyższa niż świadczenie nienależnie pobrane');
  if (resolution !== 'waive' && amountGrosze === 0)
    throw invalid('amount', 'podaj kwotę do zwrotu (albo wybierz umorzenie)');
  if (resolution !== 'demand' && justification.length < 10)
    throw invalid('justification', 'rozłożenie na raty i umorzenie wymagają uzasadnienia (min. 10 znaków)');
  if (resolution === 'demand' && amountGrosze < undueGrosze && justification.length < 10)
    throw invalid('justification', 'obniżenie kwoty do zwrotu wymaga uzasadnienia (min. 10 znaków)');
  if (resolution !== 'waive' || amountGrosze > 0) {
    if (!input.dueOn) throw invalid('dueOn', 'podaj termin zwrotu (RRRR-MM-DD)');
  }
  if (resolution === 'instalments' && (input.instalmentCount === null || input.instalmentCount < 2))
    throw invalid('instalmentCount', 'rozłożenie na raty wymaga co najmniej 2 rat');
  return {
    resolution,
    amountGrosze,
    dueOn: resolution === 'waive' && amountGrosze === 0 ? null : input.dueOn,
    instalmentCount: resolution === 'instalments' ? input.instalmentCount : null,
    justification,
    waivedGrosze: undueGrosze - amountGrosze,
  };
}
