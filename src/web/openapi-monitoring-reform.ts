import { flowCasesQuery, flowQuery, reformQuery, reformTasksQuery } from '../monitoring/monitoring-queries';
import type { Endpoint } from './openapi';
import { FLOW_ROLES, REFORM_ROLES } from './routes/monitoring-reform';

/** The reform's measure and the flow of applications (README, "Miara reformy", "Przepływ wniosków"). */
export const monitoringReformEndpoints: Endpoint[] = [
  {
    method: 'get',
    path: '/api/monitoring/reform',
    summary:
      'Miara reformy: podział czasu pracy (sekundy i udziały) na administrację, pracę socjalną i inne — na miesiąc zakończenia zadań, dla ośrodka, zespołów i osób, z przesunięciem od pierwszego miesiąca z danymi do ostatniego',
    roles: REFORM_ROLES,
    query: reformQuery,
    responses: {
      200: '{ from, to, centre[], teams[], people[] (month, key, tasks, seconds{administrative, social-work, other}, shares{…}), shift{first, latest, socialWorkPoints, administrativePoints}, names }',
      400: 'błędne pole (nazwa w error.field: from, to, team)',
      403: 'brak roli',
    },
  },
  {
    method: 'get',
    path: '/api/monitoring/reform/tasks',
    summary:
      'Zadania za liczbą miary reformy (miesiąc, osoba lub zespół, rodzaj pracy), ze sprawą; odczyt w dzienniku',
    roles: REFORM_ROLES,
    query: reformTasksQuery,
    responses: {
      200: '{ items: [{ userTaskKey, taskKey, taskName, category, person, team, caseId, caseNumber, createdAt, startedAt, completedAt, seconds }] }',
      400: 'błędne pole (nazwa w error.field: month, person, team, category)',
      403: 'brak roli',
    },
  },
  {
    method: 'get',
    path: '/api/monitoring/flow',
    summary:
      'Przepływ wniosków: wnioski tygodniowo, dni od wniosku do wywiadu, decyzji i pierwszej wypłaty (mediana i 90. percentyl metodą najbliższej rangi) dla ośrodka, zespołów i siedzib; wyniki (przyznano, odmówiono, pierwszy kontakt)',
    roles: FLOW_ROLES,
    query: flowQuery,
    responses: {
      200: '{ from, to, applications, perWeek[{week, count}], stages{interview, decision, firstPayout: {count, median, p90}}, teams[], sites[], outcomes{granted, refused, firstContact, pending}, names }',
      400: 'błędne pole (nazwa w error.field: from, to)',
      403: 'brak roli',
    },
  },
  {
    method: 'get',
    path: '/api/monitoring/flow/cases',
    summary: 'Sprawy za liczbą przepływu (tydzień, zespół, siedziba, etap, wynik); odczyt w dzienniku',
    roles: FLOW_ROLES,
    query: flowCasesQuery,
    responses: {
      200: '{ from, to, items: [{ caseId, caseNumber, teams, site, appliedOn, interviewOn, decisionOn, firstPayoutOn, days, outcome }] }',
      400: 'błędne pole (nazwa w error.field: from, to, week, team, site, stage, outcome)',
      403: 'brak roli',
    },
  },
];
