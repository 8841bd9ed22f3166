/**
 * The ONE place for the statutory figures of cash benefits from social assistance (ustawa z dnia 12 marca 2004 r.
 * o pomocy społecznej, u.p.s.): a dated, versioned list. A new verification regulation (art. 9 u.p.s.: every
 * 3 years; the next one is due for 2028-01-01, announced by mid-2027) or an amendment of the act is a NEW entry
 * appended here with its `validFrom`, never an edit of a past one — decisions must be reproducible.
 *
 * `verified` says whether the figures were checked against more than one independent public source during
 * development (the text of the acts themselves — ISAP — was not reachable; see `verification`). A figure that
 * could not be confirmed is kept with `verified: false` and a note, never silently.
 */
import { parseDate } from '../calendar-date';
import { invalid } from '../validation';

export interface BenefitParameters {
  /** First day in force, 'YYYY-MM-DD' (Europe/Warsaw calendar date). */
  readonly validFrom: string;
  /** Last day in force; absent for the current set. */
  readonly validTo?: string;
  /** Where the figures come from (act and Dziennik Ustaw position), in Polish: it may appear in a decision. */
  readonly source: string;
  readonly verified: boolean;
  /** How the figures were checked, or why they could not be. */
  readonly verification: string;
  /** Kryterium dochodowe osoby samotnie gospodarującej (art. 8 ust. 1 pkt 1 u.p.s.). */
  readonly criterionSingleGrosze: number;
  /** Kryterium dochodowe na osobę w rodzinie (art. 8 ust. 1 pkt 2 u.p.s.). */
  readonly criterionPerPersonGrosze: number;
  /** Monthly income from 1 ha przeliczeniowy of farmland (art. 8 ust. 8 u.p.s.). */
  readonly incomePerHectareGrosze: number;
  /** Zasiłek stały = this % of the criterion minus income (art. 37 ust. 2): 100 until 2023, 130 since 2024. */
  readonly permanentCriterionPercent: number;
  /** Cap of zasiłek stały for a single person (art. 37 ust. 2 pkt 1 u.p.s.). */
  readonly permanentMaxGrosze: number;
  /** Floor of zasiłek stały (art. 37 ust. 3 u.p.s.). */
  readonly permanentMinGrosze: number;
  /** Floor of zasiłek okresowy (art. 38 ust. 4 u.p.s.). */
  readonly periodicMinGrosze: number;
  /** Zasiłek okresowy is at least this % of the gap between criterion and income (art. 38 ust. 3 u.p.s.). */
  readonly periodicMinGapPercent: number;
}

const SETS: BenefitParameters[] = [
  {
    validFrom: '2022-01-01',
    validTo: '2023-12-31',
    source:
      'Rozporządzenie Rady Ministrów z dnia 14 lipca 2021 r. w sprawie zweryfikowanych kryteriów dochodowych ' +
      'oraz kwot świadczeń pieniężnych z pomocy społecznej (Dz.U. 2021 poz. 1296); art. 37 ust. 2–3 i art. 38 ' +
      'ust. 3–4 u.p.s. w brzmieniu sprzed 2024-01-01',
    verified: true,
    verification:
      'Secondary sources only: several MOPS/GOPS pages agree on 776 / 600 / 345 zł and the 719 zł cap from ' +
      '2022-01-01 and name Dz.U. 2021 poz. 1296; the 30 zł floor of zasiłek stały and the 20 zł floor of ' +
      'zasiłek okresowy are quoted from the act by many centres. Not checked against the ISAP text.',
    criterionSingleGrosze: 77600,
    criterionPerPersonGrosze: 60000,
    incomePerHectareGrosze: 34500,
    permanentCriterionPercent: 100,
    permanentMaxGrosze: 71900,
    permanentMinGrosze: 3000,
    periodicMinGrosze: 2000,
    periodicMinGapPercent: 50,
  },
  {
    validFrom: '2024-01-01',
    validTo: '2024-12-31',
    source:
      'Dz.U. 2021 poz. 1296 (kryteria, kwota dochodu z 1 ha); art. 37 ust. 2–3 u.p.s. w brzmieniu ustawy ' +
      'z dnia 28 lipca 2023 r. o zmianie ustawy o pomocy społecznej oraz niektórych innych ustaw (130% ' +
      'kryterium, najwyżej 1000 zł, najmniej 100 zł, od 2024-01-01); art. 38 ust. 3–4 u.p.s.',
    verified: true,
    verification:
      'Secondary sources only: infor.pl (2023-09) quotes the amended art. 37 ust. 2–3 (130%, 1000 zł, 100 zł); ' +
      'MOPS Lubin (130% = 1008,80 zł / 780 zł) and GOPS Wielka Wieś confirm the 2024 figures with criteria ' +
      'unchanged. The Dziennik Ustaw position of the 2023 amendment was not confirmed.',
    criterionSingleGrosze: 77600,
    criterionPerPersonGrosze: 60000,
    incomePerHectareGrosze: 34500,
    permanentCriterionPercent: 130,
    permanentMaxGrosze: 100000,
    permanentMinGrosze: 10000,
    periodicMinGrosze: 2000,
    periodicMinGapPercent: 50,
  },
  {
    validFrom: '2025-01-01',
    source:
      'Rozporządzenie Rady Ministrów z dnia 12 lipca 2024 r. w sprawie zweryfikowanych kryteriów dochodowych ' +
      'oraz kwot świadczeń pieniężnych z pomocy społecznej (Dz.U. 2024 poz. 1044); art. 37 ust. 2–3 i ' +
      'art. 38 ust. 3–4 u.p.s.',
    verified: true,
    verification:
      'Secondary sources only: GOPS Szudziałowo quotes Dz.U. 2024 poz. 1044 with 1010 / 823 / 459 zł and the ' +
      '1229 zł cap; MOPS Legnica confirms 1010 / 823 / 1229 zł (1000 zł the year before); dziennik.pl (2025) ' +
      'repeats the 100 zł floor and 130% (1313 zł). Not checked against the ISAP text.',
    criterionSingleGrosze: 101000,
    criterionPerPersonGrosze: 82300,
    incomePerHectareGrosze: 45900,
    permanentCriterionPercent: 130,
    permanentMaxGrosze: 122900,
    permanentMinGrosze: 10000,
    periodicMinGrosze: 2000,
    periodicMinGapPercent: 50,
  },
];

export const BENEFIT_PARAMETERS: readonly BenefitParameters[] = Object.freeze(
  SETS.map((set) => Object.freeze(set)),
);

/**
 * The parameter set in force on a calendar date (Europe/Warsaw, 'YYYY-MM-DD'; see `warsawDate` for instants).
 * Which date to ask for is the caller's legal choice (normally the month the application was filed, art. 106
 * ust. 3 u.p.s.); this only answers "which figures applied that day".
 */
export function parametersOn(
  date: string,
  sets: readonly BenefitParameters[] = BENEFIT_PARAMETERS,
): BenefitParameters {
  parseDate(date, 'date');
  const found = sets.find(
    (set) => set.validFrom <= date && (set.validTo === undefined || date <= set.validTo),
  );
  if (found) return found;
  const first = sets.reduce<string | undefined>(
    (min, set) => (!min || set.validFrom < min ? set.validFrom : min),
    undefined,
  );
  if (first && date < first)
    throw invalid('date', `brak parametrów świadczeń sprzed ${first} (zapytano o ${date})`);
  throw invalid('date', `brak parametrów świadczeń obowiązujących w dniu ${date}`);
}
