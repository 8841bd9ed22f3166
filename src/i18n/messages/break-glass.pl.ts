/** Texts of the break-glass pages: the neutral page of a case one may not open and the managers' review of those reads */
export const breakGlassPl = {
  'caseUnavailable.title': 'Sprawa niedostępna',
  'caseUnavailable.message': 'Nie ma takiej sprawy albo nie masz dostępu do jej akt.',
  'breakGlass.heading': 'Dostęp w trybie nadzwyczajnym (break-glass)',
  'breakGlass.intro':
    'Jeśli musisz zajrzeć do akt poza zasadami dostępu — np. przy zagrożeniu życia lub zdrowia — podaj powód. Akta, jeśli sprawa istnieje, zobaczysz jeden raz, w odpowiedzi na ten formularz.',
  'breakGlass.warning':
    'Uwaga: każdy dostęp nadzwyczajny jest zapisywany w dzienniku (kto, kiedy, która sprawa, jaki powód) i przeglądany przez kierownika.',
  'breakGlass.reason': 'Powód dostępu',
  'breakGlass.reasonHint': {
    one: 'Co najmniej {count} znak: dlaczego musisz teraz zobaczyć te akta.',
    few: 'Co najmniej {count} znaki: dlaczego musisz teraz zobaczyć te akta.',
    many: 'Co najmniej {count} znaków: dlaczego musisz teraz zobaczyć te akta.',
    other: 'Co najmniej {count} znaku: dlaczego musisz teraz zobaczyć te akta.',
  },
  'breakGlass.reasonTooShort': {
    one: 'Pole „Powód dostępu”: podaj powód otwarcia akt poza zasadami — co najmniej {count} znak.',
    few: 'Pole „Powód dostępu”: podaj powód otwarcia akt poza zasadami — co najmniej {count} znaki.',
    many: 'Pole „Powód dostępu”: podaj powód otwarcia akt poza zasadami — co najmniej {count} znaków.',
    other: 'Pole „Powód dostępu”: podaj powód otwarcia akt poza zasadami — co najmniej {count} znaku.',
  },
  'breakGlass.reasonTooLong': {
    one: 'Pole „Powód dostępu”: co najwyżej {count} znak.',
    few: 'Pole „Powód dostępu”: co najwyżej {count} znaki.',
    many: 'Pole „Powód dostępu”: co najwyżej {count} znaków.',
    other: 'Pole „Powód dostępu”: co najwyżej {count} znaku.',
  },
  'breakGlass.submit': 'Otwórz akta w trybie nadzwyczajnym',
  'breakGlass.opened':
    'Akta otwarte w trybie nadzwyczajnym, tylko do tego wyświetlenia. Odczyt zapisano w dzienniku z podanym powodem — przejrzy go kierownik.',
  'breakGlass.documentNeedsAccess': 'pobranie wymaga zwykłego dostępu do sprawy',
  'breakGlassAudit.title': 'Dostępy nadzwyczajne',
  'breakGlassAudit.intro':
    'Odczyty akt poza zasadami need-to-know (break-glass), od najnowszych, z powodem podanym przez osobę.',
  'breakGlassAudit.filter': 'Filtr dostępów nadzwyczajnych',
  'breakGlassAudit.person': 'Osoba',
  'breakGlassAudit.anyone': 'wszystkie osoby',
  'breakGlassAudit.from': 'Od dnia',
  'breakGlassAudit.to': 'Do dnia',
  'breakGlassAudit.show': 'Pokaż',
  'breakGlassAudit.caption': 'Dostępy nadzwyczajne, od najnowszych',
  'breakGlassAudit.col.at': 'Kiedy',
  'breakGlassAudit.col.who': 'Kto',
  'breakGlassAudit.col.case': 'Sprawa',
  'breakGlassAudit.col.reason': 'Powód',
  'breakGlassAudit.col.channel': 'Skąd',
  'breakGlassAudit.channel.page': 'strona akt',
  'breakGlassAudit.channel.api': 'API',
  'breakGlassAudit.empty': 'Brak dostępów nadzwyczajnych dla wybranych kryteriów.',
  'breakGlassAudit.truncated': {
    one: 'Pokazano {count} najnowszy wpis — zawęź kryteria, aby zobaczyć starsze.',
    few: 'Pokazano {count} najnowsze wpisy — zawęź kryteria, aby zobaczyć starsze.',
    many: 'Pokazano {count} najnowszych wpisów — zawęź kryteria, aby zobaczyć starsze.',
    other: 'Pokazano {count} najnowszego wpisu — zawęź kryteria, aby zobaczyć starsze.',
  },
} as const;
