import { demoPesel } from './demo-pesel';

/** A demo person: invented name, a real birth date, a fake-looking but valid PESEL (demo-pesel.ts). */
export interface DemoPerson {
  firstName: string;
  lastName: string;
  sex: 'K' | 'M';
  birthDate: string;
  pesel: string;
  district: 'rejon-1' | 'rejon-2';
  building: string;
  phone: string;
}

/** [first name, last name, sex, birth date] — invented people; any likeness to a real person is accidental. */
const PEOPLE: [string, string, 'K' | 'M', string][] = [
  ['Halina', 'Przykładowa', 'K', '1958-03-14'],
  ['Zbigniew', 'Testowy', 'M', '1962-11-02'],
  ['Krystyna', 'Demowska', 'K', '1949-07-21'],
  ['Marek', 'Wzorcowy', 'M', '1979-01-30'],
  ['Jadwiga', 'Próbna', 'K', '1955-05-05'],
  ['Stanisław', 'Makietowy', 'M', '1951-09-17'],
  ['Barbara', 'Fikcyjna', 'K', '1984-12-08'],
  ['Ryszard', 'Szkicowy', 'M', '1970-04-26'],
  ['Teresa', 'Ćwiczebna', 'K', '1966-02-11'],
  ['Henryk', 'Pokazowy', 'M', '1947-08-03'],
  ['Danuta', 'Roboczowska', 'K', '1973-06-19'],
  ['Józef', 'Szablonowy', 'M', '1959-10-28'],
  ['Elżbieta', 'Wymyślona', 'K', '1990-03-02'],
  ['Kazimierz', 'Przykładny', 'M', '1953-12-24'],
  ['Grażyna', 'Zmyślona', 'K', '1968-01-15'],
  ['Andrzej', 'Próbkowski', 'M', '1981-07-07'],
  ['Wanda', 'Testowska', 'K', '1944-11-29'],
  ['Tadeusz', 'Modelowy', 'M', '1975-05-23'],
  ['Irena', 'Wzorkowska', 'K', '1960-09-09'],
  ['Jerzy', 'Demonstracyjny', 'M', '1957-02-18'],
  ['Małgorzata', 'Pozorna', 'K', '1986-04-04'],
  ['Władysław', 'Umowny', 'M', '1948-06-12'],
  ['Zofia', 'Niby', 'K', '1995-08-27'],
  ['Mirosław', 'Fantazyjny', 'M', '1969-03-31'],
  ['Bożena', 'Kreślarska', 'K', '1977-10-10'],
  ['Edward', 'Makieta', 'M', '1952-01-05'],
  ['Anna', 'Brudnopis', 'K', '2001-05-16'],
  ['Roman', 'Zastępczy', 'M', '1983-11-20'],
  ['Genowefa', 'Przykładowska', 'K', '1946-12-01'],
  ['Leszek', 'Ćwiczeniowy', 'M', '1964-07-14'],
  ['Ewa', 'Próbowska', 'K', '1988-02-22'],
  ['Czesław', 'Wzornik', 'M', '1950-04-08'],
  ['Alicja', 'Szkicowa', 'K', '1998-09-03'],
  ['Wiesław', 'Pokazowski', 'M', '1961-05-29'],
  ['Stefania', 'Testowa', 'K', '1956-10-17'],
  ['Paweł', 'Roboczy', 'M', '1992-12-12'],
  ['Urszula', 'Fikcyjska', 'K', '1972-03-26'],
  ['Bogdan', 'Symulowany', 'M', '1967-08-08'],
  ['Renata', 'Makietowska', 'K', '1980-06-06'],
  ['Franciszek', 'Demowski', 'M', '1943-01-25'],
  ['Lucyna', 'Wzorcowa', 'K', '1965-11-11'],
  ['Sławomir', 'Zmyślony', 'M', '1978-02-14'],
  ['Dorota', 'Umowna', 'K', '1985-07-30'],
  ['Eugeniusz', 'Próbny', 'M', '1945-03-18'],
  ['Helena', 'Pozorowana', 'K', '1954-09-24'],
  ['Adam', 'Ćwiczebny', 'M', '1999-04-12'],
  ['Janina', 'Modelowa', 'K', '1963-12-19'],
  ['Karol', 'Szablonowski', 'M', '1987-10-01'],
];

/** The n-th demo person (n from 0), in a district of the sample centre, with a PESEL unique within the demo. */
export function demoPerson(index: number): DemoPerson {
  const [firstName, lastName, sex, birthDate] = PEOPLE[index % PEOPLE.length]!;
  return {
    firstName,
    lastName,
    sex,
    birthDate,
    pesel: demoPesel(birthDate, sex, index),
    district: index % 3 === 2 ? 'rejon-2' : 'rejon-1',
    building: `${((index * 7) % 60) + 1}${index % 4 === 0 ? '' : `/${(index % 12) + 1}`}`,
    phone: `500 000 ${String(100 + index).padStart(3, '0')}`,
  };
}

export const DEMO_PEOPLE_COUNT = PEOPLE.length;
