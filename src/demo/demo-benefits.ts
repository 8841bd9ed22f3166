import { daysInMonth, warsawDate } from '../domain/calendar-date';
import { addWorkingDays, subtractWorkingDays } from '../domain/calendar';
import { calculateBenefits } from '../domain/eligibility';
import { warsawDateTime } from '../domain/warsaw-time';
import type { DemoDriver } from './demo-driver';
import type { DemoPerson } from './demo-people';

/** A household as the family interview finds it: size and monthly net income in whole złoty. */
export interface DemoHousehold {
  size: number;
  incomeZl: number;
  summary: string;
}

export const HOUSEHOLDS: DemoHousehold[] = [
  {
    size: 1,
    incomeZl: 600,
    summary: 'Osoba samotna, dochód z prac dorywczych, zaległości w opłatach za mieszkanie.',
  },
  { size: 2, incomeZl: 1100, summary: 'Matka z synem, alimenty nieregularne, brak środków na opał.' },
  {
    size: 3,
    incomeZl: 1500,
    summary: 'Rodzina trzyosobowa, ojciec bezrobotny od pół roku, wydatki na leki.',
  },
  {
    size: 4,
    incomeZl: 1900,
    summary: 'Rodzina wielodzietna, jeden dochód z umowy zlecenia, zadłużenie w czynszu.',
  },
];

/** 09:30 Warsaw on the working day n working days before today: when the person came to the desk. */
export function workingDaysAgo(driver: DemoDriver, n: number, time = '09:30'): Date {
  const day = n === 0 ? driver.today() : subtractWorkingDays(driver.today(), n);
  return new Date(warsawDateTime(day, time));
}

/** The application at the first-contact desk (one screen): a financial need in the person's district. */
export async function applyForBenefit(
  driver: DemoDriver,
  person: DemoPerson,
  options: { at: Date; urgent?: boolean; need?: string },
): Promise<string> {
  return driver.firstContact(
    'demo-first-contact',
    {
      outcome: 'application',
      firstName: person.firstName,
      lastName: person.lastName,
      pesel: person.pesel,
      need: options.need ?? 'Brak środków na bieżące utrzymanie i opłaty',
      urgent: options.urgent ? 'yes' : 'no',
      needKind: 'financial',
      reason: 'poverty',
      district: person.district,
      channel: 'in-person',
    },
    options.at,
  );
}

/** The family interview, a working day or two after the application (never after today). */
export async function interview(
  driver: DemoDriver,
  root: string,
  login: string,
  appliedAt: Date,
  household: DemoHousehold,
): Promise<void> {
  const day = addWorkingDays(warsawDate(appliedAt), 2);
  const conductedOn = day > driver.today() ? driver.today() : day;
  await driver.complete(
    login,
    root,
    'family-interview',
    {
      conductedOn,
      householdSize: String(household.size),
      householdIncome: `${household.incomeZl},00`,
      summary: household.summary,
    },
    new Date(warsawDateTime(conductedOn, '13:00')),
  );
}

/** 'YYYY-MM' n months from today's month (negative: back). */
export function monthFrom(today: string, n: number): string {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The period of help: from three months back to two months ahead (three past payout days, whatever the date). */
export function demoPeriod(today: string): { periodFrom: string; periodTo: string } {
  const last = monthFrom(today, 2);
  return {
    periodFrom: `${monthFrom(today, -3)}-01`,
    periodTo: `${last}-${daysInMonth(Number(last.slice(0, 4)), Number(last.slice(5, 7)))}`,
  };
}

/** The draft: zasiłek okresowy in the middle of the range the law gives this household, or a refusal. */
export async function draftDecision(
  driver: DemoDriver,
  root: string,
  login: string,
  household: DemoHousehold,
  options: {
    outcome?: 'grant' | 'refuse';
    payoutMethod?: 'cash' | 'transfer';
    enforceability?: 'appeal-window' | 'fully-granted';
    bankAccount?: string;
  } = {},
): Promise<void> {
  if (options.outcome === 'refuse') {
    await driver.complete(login, root, 'prepare-decision', {
      outcome: 'refuse',
      justification: 'Dochód na osobę w rodzinie przekracza kryterium dochodowe (art. 8 ust. 1 u.p.s.).',
    });
    return;
  }
  const range = calculateBenefits({
    date: driver.today(),
    householdSize: household.size,
    householdIncomeGrosze: household.incomeZl * 100,
  }).periodic;
  const amountZl = Math.floor((range.minGrosze + range.maxGrosze) / 200);
  await driver.complete(login, root, 'prepare-decision', {
    outcome: 'grant',
    amount: `${amountZl},00`,
    ...demoPeriod(driver.today()),
    payoutMethod: options.payoutMethod ?? 'cash',
    ...(options.bankAccount ? { bankAccount: options.bankAccount } : {}),
    enforceability: options.enforceability ?? 'fully-granted',
    justification: `${household.summary} Dochód poniżej kryterium, potrzeba pokrycia bieżących wydatków.`,
  });
}
