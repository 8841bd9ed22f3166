/** Texts of the monitoring hub and the process view (issue 12, items 1, 6, 7); spread into `pl.ts`. */
export const monitoringPl = {
  'layout.nav.monitoring': 'Monitorowanie',

  'monitoring.title': 'Monitorowanie',
  'monitoring.intro':
    'Gdzie czekają sprawy, które terminy są zagrożone, jak obciążone są zespoły i czy nowy model pracy działa.',
  'monitoring.section.processes': 'Procesy',
  'monitoring.section.processes.text':
    'Każda wdrożona wersja procesu na diagramie: ile spraw czeka na każdym kroku, incydenty i mediana czasu kroku.',
  'monitoring.section.deadlines': 'Terminy',
  'monitoring.section.deadlines.text':
    'Wywiady, decyzje w terminie KPA, odwołania i kroki Niebieskiej Karty po terminie lub blisko niego.',
  'monitoring.section.workload': 'Obciążenie',
  'monitoring.section.workload.text':
    'Zadania otwarte i zakończone na osobę i zespół, najstarsze zadanie, przekazanie zadania.',
  'monitoring.section.reform': 'Praca socjalna a administracja',
  'monitoring.section.reform.text':
    'Jak czas pracy dzieli się między kroki administracyjne i pracę socjalną — miara reformy.',
  'monitoring.section.flow': 'Przepływ spraw',
  'monitoring.section.flow.text':
    'Wnioski na tydzień, czas do wywiadu, decyzji i pierwszej wypłaty, wyniki spraw.',
  'monitoring.section.reports': 'Raporty',
  'monitoring.section.reports.text': 'Zestawienia w stylu MRPiPS-03 i rejestr wypłat (strona, CSV, XLSX).',
  'monitoring.section.incidents': 'Incydenty',
  'monitoring.section.incidents.text':
    'Kroki automatyczne, które się nie powiodły: komunikat, sprawa, ponowienie.',

  'processes.title': 'Procesy i ich wersje',
  'processes.empty': 'Silnik nie ma jeszcze wdrożonego żadnego procesu.',
  'processes.col.process': 'Proces',
  'processes.col.version': 'Wersja',
  'processes.col.deployedAt': 'Wdrożona',
  'processes.col.running': 'Działające instancje',
  'processes.col.incidents': 'Incydenty',
  'processes.latest': 'najnowsza',
  'processes.versionLink': 'wersja {version}',

  'processView.title': '{name} — wersja {version}',
  'processView.back': 'Wszystkie procesy',
  'processView.summary':
    'Działające instancje: {running}, otwarte incydenty: {incidents}. Wdrożona {deployedAt}.',
  'processView.diagram': 'Diagram z liczbami',
  'processView.diagram.caption':
    'Na każdym kroku: ▶ liczba spraw, które tam teraz czekają, ⚠ liczba incydentów, „med.” mediana czasu kroku. Kolor tła kroku to ta sama mediana (ciemniej = dłużej). Kliknij krok, aby zobaczyć czekające sprawy. Te same liczby są w tabeli pod diagramem.',
  'processView.diagram.loadFailed': 'Nie udało się wczytać diagramu — liczby są w tabeli poniżej.',
  'processView.medianBadge': 'med.',
  'processView.legend': 'Legenda koloru (mediana czasu kroku względem najdłuższego kroku tej wersji)',
  'processView.legend.1': 'najkrócej (do 1/4 najdłuższego)',
  'processView.legend.2': 'do 1/2',
  'processView.legend.3': 'do 3/4',
  'processView.legend.4': 'najdłużej',
  'processView.table': 'Kroki: liczby i mediana czasu',
  'processView.table.caption':
    'Mediana z kroków zakończonych od {since} (najwyżej {sample} ostatnich na krok); liczby spraw i incydentów — stan silnika teraz.',
  'processView.col.step': 'Krok',
  'processView.col.active': 'Czekające sprawy',
  'processView.col.incidents': 'Incydenty',
  'processView.col.median': 'Mediana czasu',
  'processView.col.finished': 'Zakończone (próba)',
  'processView.noMedian': '—',
  'processView.noSteps': 'Ta wersja nie ma kroków do pokazania.',
  'processView.incidentsLink': 'incydenty',
  'processView.waiting.title': 'Sprawy czekające na kroku „{step}”',
  'processView.waiting.empty': 'Na tym kroku nie czeka teraz żadna sprawa.',
  'processView.waiting.limit': 'Pokazano {limit} spraw czekających najdłużej.',
  'processView.waiting.col.case': 'Sprawa',
  'processView.waiting.col.person': 'Osoba',
  'processView.waiting.col.team': 'Zespół',
  'processView.waiting.col.holder': 'Prowadzi',
  'processView.waiting.col.since': 'Czeka od',
  'processView.waiting.noCase': 'instancja {id} (bez sprawy)',
  'processView.waiting.restricted': 'dane chronione (Niebieska Karta)',
  'processView.waiting.unassigned': 'nieprzydzielone',
  'processView.waiting.audit': 'Odczyt tej listy (imiona i nazwiska) jest zapisywany w dzienniku.',
  'processView.duration.days': {
    one: '{count} dzień',
    few: '{count} dni',
    many: '{count} dni',
    other: '{count} dnia',
  },
  'processView.duration.hours': '{count} godz.',
  'processView.duration.minutes': '{count} min',
  'processView.duration.seconds': '{count} s',
} as const;
