import type { Endpoint } from './openapi';
import { definitionParams, elementParams } from './routes/monitoring';

/** The monitoring API (issue 12): the process view's figures and the cases behind them. */
export const monitoringEndpoints: Endpoint[] = [
  {
    method: 'get',
    path: '/api/monitoring/processes',
    summary: 'Każda wdrożona wersja każdego procesu: kiedy wdrożona, ile instancji działa, ile ma incydentów',
    roles: ['managers', 'analysts', 'process-owners'],
    responses: {
      200: '{ items: [{ id, key, name, version, deployedAt, runningInstances, incidents }] }',
      403: 'brak roli',
    },
  },
  {
    method: 'get',
    path: '/api/monitoring/processes/{definitionId}',
    summary:
      'Kroki jednej wersji procesu: liczba czekających instancji i incydentów (statystyka aktywności silnika) oraz mediana czasu kroku z zakończonych instancji (ms)',
    roles: ['managers', 'analysts', 'process-owners'],
    pathParams: definitionParams,
    responses: {
      200: '{ definition, medianSince, steps: [{ elementId, name, elementType, active, incidents, medianMs, finished, heat }] }',
      400: 'błędne pole (definitionId)',
      404: 'nie ma takiej wersji procesu',
    },
  },
  {
    method: 'get',
    path: '/api/monitoring/processes/{definitionId}/diagram',
    summary: 'Diagram BPMN (XML) tej wersji procesu, jak go wdrożono w silniku',
    roles: ['managers', 'analysts', 'process-owners'],
    pathParams: definitionParams,
    responses: {
      200: 'application/xml',
      400: 'błędne pole (definitionId)',
      404: 'nie ma takiej wersji procesu',
    },
  },
  {
    method: 'get',
    path: '/api/monitoring/processes/{definitionId}/elements/{elementId}/cases',
    summary:
      'Sprawy czekające na kroku, najdłużej czekające pierwsze (do 500): znak sprawy, osoba, zespół, prowadzący, od kiedy; odczyt zapisywany w dzienniku (monitoring-waiting-cases)',
    roles: ['managers', 'analysts'],
    pathParams: elementParams,
    responses: {
      200: '{ items: [{ caseId, caseNumber, personName, restricted, teams, assignee, assigneeName, since, processInstanceId }] }',
      400: 'błędne pole (definitionId, elementId)',
      403: 'brak roli',
      404: 'nie ma takiej wersji procesu',
    },
  },
];
