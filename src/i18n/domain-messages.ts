import type { Locale } from './i18n';

/**
 * English for the Polish messages that the case-file modules (tasks, cases, accounts, incidents, payouts) and
 * request schemas give people. Those modules speak Polish only; the web edge translates what it recognises here
 * and shows the rest as a generic English sentence with the Polish original (see localize-error.ts).
 *
 * `probe` is a fixed fragment of the Polish text as it appears in the source: the unit test fails when a module
 * rewords its message and the entry here goes stale.
 */
export interface DomainMessage {
  pl: string | RegExp;
  en: string;
  probe: string;
}

const exact = (pl: string, en: string): DomainMessage => ({ pl, en, probe: pl });

export const DOMAIN_MESSAGES: DomainMessage[] = [
  // tasks
  exact(
    'Nie ma takiego zadania (albo jeszcze nie dotarło z silnika).',
    'No such task (or it has not arrived from the engine yet).',
  ),
  exact('To zadanie należy do innego zespołu.', 'This task belongs to another team.'),
  exact(
    'To zadanie zostało już zakończone albo anulowane.',
    'This task has already been completed or cancelled.',
  ),
  {
    pl: /^Zadanie jest już przypisane do: (.+)\.$/s,
    en: 'The task is already assigned to: $1.',
    probe: 'Zadanie jest już przypisane do: ',
  },
  {
    pl: /^Zadanie jest przypisane do: (.+)\. Najpierw je przejmij\.$/s,
    en: 'The task is assigned to: $1. Claim it first.',
    probe: '. Najpierw je przejmij.',
  },
  {
    pl: /^Nie ma aktywnego konta (.+)\.$/s,
    en: 'There is no active account $1.',
    probe: 'Nie ma aktywnego konta ',
  },
  {
    pl: /^(.+) nie należy do zespołu tego zadania\.$/s,
    en: '$1 is not a member of this task’s team.',
    probe: ' nie należy do zespołu tego zadania.',
  },
  exact(
    'Zwolnić zadanie może tylko osoba, do której jest przypisane, lub kierownik.',
    'Only the person the task is assigned to, or a manager, can release it.',
  ),
  {
    pl: /^(.+): zadanie zostało już zakończone, anulowane albo przejęte przez kogoś innego\. Odśwież listę\.$/s,
    en: 'The task has already been completed, cancelled or claimed by someone else. Refresh the list.',
    probe: ': zadanie zostało już zakończone, anulowane albo przejęte przez kogoś innego. Odśwież listę.',
  },
  {
    pl: /^(.+): silnik procesów nie odpowiada\. Spróbuj za chwilę\.$/s,
    en: 'The process engine is not responding. Try again in a moment.',
    probe: ': silnik procesów nie odpowiada. Spróbuj za chwilę.',
  },
  {
    pl: /^(.+): zadanie przejęła już inna osoba\. Odśwież listę\.$/s,
    en: 'Someone else has already claimed the task. Refresh the list.',
    probe: ': zadanie przejęła już inna osoba. Odśwież listę.',
  },
  {
    pl: /^(.+): ktoś inny właśnie zmienił to samo\. Odśwież stronę i spróbuj ponownie\.$/s,
    en: 'Someone else has just changed the same thing. Refresh the page and try again.',
    probe: ': ktoś inny właśnie zmienił to samo. Odśwież stronę i spróbuj ponownie.',
  },
  {
    pl: /^(.+): proces nie czeka teraz na to zdarzenie .+$/s,
    en: 'The process is not waiting for this event now (the step has not come yet or has passed). Try again later.',
    probe: ': proces nie czeka teraz na to zdarzenie (',
  },
  {
    pl: /^(.+): na to zdarzenie czeka więcej niż jeden proces\. Zgłoś to administratorowi\.$/s,
    en: 'More than one process is waiting for this event. Report it to the administrator.',
    probe: ': na to zdarzenie czeka więcej niż jeden proces. Zgłoś to administratorowi.',
  },
  {
    pl: /^(.+): silnik procesów odrzucił żądanie \((.+)\)\.$/s,
    en: 'The process engine refused the request ($2).',
    probe: ': silnik procesów odrzucił żądanie (',
  },
  {
    pl: /^(.+): aplikacja nie ma dostępu do silnika procesów .+$/s,
    en: 'The application has no access to the process engine (engine credentials). Report it to the administrator.',
    probe: ': aplikacja nie ma dostępu do silnika procesów (',
  },
  {
    pl: /^(.+): silnik procesów zgłosił błąd\. .+$/s,
    en: 'The process engine reported an error. Try again in a moment; if it persists, report it to the administrator.',
    probe: ': silnik procesów zgłosił błąd. ',
  },
  {
    pl: /^Zgłoszenie zapisano, ale silnik procesów odrzucił start sprawy: (.+)\.$/s,
    en: 'The application was saved, but the process engine refused to start the case: $1.',
    probe: 'Zgłoszenie zapisano, ale silnik procesów odrzucił start sprawy: ',
  },
  {
    pl: /^Zdarzenie zapisano w aktach sprawy, ale silnik procesów odrzucił komunikat: (.+)\.$/s,
    en: 'The event was saved in the case file, but the process engine refused the message: $1.',
    probe: 'Zdarzenie zapisano w aktach sprawy, ale silnik procesów odrzucił komunikat: ',
  },
  exact('To zadanie zakończył już ktoś inny.', 'Someone else has already completed this task.'),
  {
    pl: /^Nie udało się zakończyć zadania: (.+)\.$/s,
    en: 'The task could not be completed: $1.',
    probe: 'Nie udało się zakończyć zadania: ',
  },
  exact(
    'Zadanie nie wskazuje projektu decyzji do zatwierdzenia.',
    'The task does not point to a draft decision to approve.',
  ),
  exact('Brak projektu decyzji do zatwierdzenia.', 'There is no draft decision to approve.'),
  // case file
  exact('Nie ma takiej decyzji.', 'No such decision.'),
  exact(
    'Podaj powód otwarcia akt poza zasadami (min. 20 znaków).',
    'Give the reason for opening the case file outside the rules (at least 20 characters).',
  ),
  exact('Nie ma takiej sprawy.', 'No such case.'),
  exact('Nie ma takiego dokumentu.', 'No such document.'),
  exact('Plik jest pusty.', 'The file is empty.'),
  exact('Plik jest większy niż 10 MB.', 'The file is larger than 10 MB.'),
  exact('Dozwolone są tylko skany PDF, JPEG i PNG.', 'Only PDF, JPEG and PNG scans are allowed.'),
  exact('Nieprawidłowy identyfikator procesu.', 'Invalid process id.'),
  exact('Sprawa zamknięta', 'Case closed'),
  exact('Dodano notatkę', 'Note added'),
  exact('Dodano załącznik', 'Attachment added'),
  exact('PESEL musi mieć 11 cyfr', 'PESEL must have 11 digits'),
  exact('błędna cyfra kontrolna PESEL', 'wrong PESEL check digit'),
  exact('PESEL zawiera nieistniejącą datę urodzenia', 'PESEL contains a date of birth that does not exist'),
  // accounts
  { pl: /^Login (.+) jest już zajęty\.$/s, en: 'The login $1 is already taken.', probe: ' jest już zajęty.' },
  exact(
    'Nie możesz odebrać sobie roli administratora ani zablokować własnego konta.',
    'You cannot remove your own administrator role or block your own account.',
  ),
  exact('Nie ma takiego konta.', 'No such account.'),
  // incidents and payouts
  exact('Nie ma takiego incydentu.', 'No such incident.'),
  exact('Ten incydent został już rozwiązany.', 'This incident has already been resolved.'),
  exact('Nie ma takiej listy wypłat.', 'No such payout list.'),
  exact(
    'Listy wypłat i pliki przelewów są dostępne dla kasy, realizacji świadczeń i kierowników.',
    'Payout lists and transfer files are available to the cash desk, benefit payment and managers.',
  ),
  // request schemas of the web edge and the first-contact form
  exact('data w formacie RRRR-MM-DD', 'a date in the form YYYY-MM-DD'),
  exact(
    'dzień końcowy nie może być wcześniejszy niż początkowy',
    'the end day cannot be before the start day',
  ),
  exact('podaj liczbę dni roboczych', 'give the number of working days'),
  exact('podaj liczbę dni terminu', 'give the number of days of the term'),
  exact('podaj liczbę miesięcy terminu', 'give the number of months of the term'),
  exact(
    'dotyczy tylko terminu w dniach roboczych (kind=working-days)',
    'applies only to a term in working days (kind=working-days)',
  ),
  exact('dotyczy tylko terminu w dniach (kind=kpa-days)', 'applies only to a term in days (kind=kpa-days)'),
  exact(
    'dotyczy tylko terminu w miesiącach (kind=kpa-months)',
    'applies only to a term in months (kind=kpa-months)',
  ),
  exact('wybierz wynik rozmowy', 'choose the outcome of the conversation'),
  exact('to nie jest identyfikator zadania', 'this is not a task id'),
  exact('to nie jest identyfikator incydentu', 'this is not an incident id'),
  exact('to nie jest identyfikator', 'this is not an identifier'),
  exact('login: 3–50 znaków a-z, 0-9, kropka, myślnik', 'login: 3–50 characters a-z, 0-9, dot, hyphen'),
  // transfer batches and account changes
  exact('Nie ma takiej paczki przelewów.', 'No such transfer batch.'),
  exact('To jest lista wypłat w kasie, nie paczka przelewów.', 'This is a cash list, not a transfer batch.'),
  exact(
    'Paczka jest pusta — nie ma czego wysyłać do banku.',
    'The batch is empty — nothing to send to the bank.',
  ),
  exact(
    'Paczka nie jest jeszcze wyeksportowana: eksport zamraża plik (kolejne pobrania dają te same bajty).',
    'The batch is not exported yet: export freezes the file (every later download gives the same bytes).',
  ),
  exact(
    'Najpierw wyeksportuj paczkę — do banku idzie zamrożony plik.',
    'Export the batch first — the bank gets the frozen file.',
  ),
  exact(
    'Podaj powód odrzucenia przelewu podany przez bank (min. 3 znaki).',
    'Give the reason the bank gave for rejecting the transfer (at least 3 characters).',
  ),
  exact('Nie ma takiej pozycji w paczce.', 'No such line in the batch.'),
  exact(
    'Paczka nie została jeszcze wysłana do banku — najpierw oznacz ją jako wysłaną.',
    'The batch has not been sent to the bank yet — mark it as sent first.',
  ),
  exact(
    'Rata nie czeka już na wypłatę w tej paczce.',
    'The instalment no longer waits for payment in this batch.',
  ),
  exact(
    'Zmiana rachunku tego klienta już czeka na zatwierdzenie przez drugą osobę.',
    "A change of this client's account already waits for a second person's approval.",
  ),
  exact(
    'Zmianę rachunku zatwierdza inna osoba niż ta, która ją złożyła — zasada dwóch par oczu.',
    'An account change is approved by someone other than the person who filed it — four eyes.',
  ),
  exact('Ten wniosek został już rozpatrzony.', 'This request has already been decided.'),
  exact('Nie ma takiego wniosku o zmianę rachunku.', 'No such account change request.'),
  exact('To jest obecny rachunek klienta.', "This is the client's current account."),
  exact('Podaj powód odmowy (min. 5 znaków).', 'Give the reason for the refusal (at least 5 characters).'),
  exact(
    'Podaj, skąd wiadomo o nowym rachunku (np. pismo klienta z datą) — min. 10 znaków.',
    "Say how the new account is known (e.g. the client's dated letter) — at least 10 characters.",
  ),
];

/** The translation of a Polish message, or undefined when the table does not know it. */
export function translateDomainText(locale: Locale, text: string): string | undefined {
  if (locale === 'pl') return text;
  for (const entry of DOMAIN_MESSAGES) {
    if (typeof entry.pl === 'string') {
      if (entry.pl === text) return entry.en;
    } else if (entry.pl.test(text)) {
      return text.replace(entry.pl, entry.en);
    }
  }
  return undefined;
}
