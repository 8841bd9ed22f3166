import { previewBody } from '../models/model-preview';
import { executeBody, keepBody, planBody, validateBody } from '../models/process-migration';
import type { Endpoint } from './openapi';

const owners = ['process-owners'];

/** The preview and migration endpoints (issue 11), spread into the OpenAPI document. */
export const modelChangeEndpoints: Endpoint[] = [
  {
    method: 'post',
    path: '/api/models/preview',
    summary:
      'Podgląd zmienionego pliku .dmn lub .bpmn na sprawach z ostatnich N miesięcy: wdrożenie w osobnej dzierżawie silnika (usuwane z kaskadą także po błędzie), obecna i zmieniona wersja na tych samych wejściach; routing: ile spraw trafiłoby gdzie indziej (skąd → dokąd); kwoty: zmiany w groszach; diagram: sprawy w krokach, których nowa wersja nie ma; bariery ochronne',
    roles: owners,
    body: previewBody,
    responses: {
      200: 'wynik podglądu',
      400: 'błędne pole (resourceName, content, months)',
      403: 'brak roli',
    },
  },
  {
    method: 'get',
    path: '/api/models/migration/versions',
    summary: 'Wdrożone wersje procesów z liczbą działających instancji',
    roles: owners,
    responses: { 200: '{ items }', 403: 'brak roli' },
  },
  {
    method: 'post',
    path: '/api/models/migration/plan',
    summary: 'Mapowanie kroków starej wersji na nową wygenerowane przez silnik (POST /migration/generate)',
    roles: owners,
    body: planBody,
    responses: {
      200: 'plan z listami kroków obu wersji',
      400: 'błędne pole (sourceDefinitionId, targetDefinitionId)',
    },
  },
  {
    method: 'post',
    path: '/api/models/migration/validate',
    summary:
      'Próba migracji (nic nie przenosi): zastrzeżenia silnika do mapowania (POST /migration/validate) i dla każdej instancji, czy da się ją przenieść i dlaczego nie',
    roles: owners,
    body: validateBody,
    responses: { 200: 'wynik próby', 400: 'błędne pole (mapping, sourceDefinitionId, targetDefinitionId)' },
  },
  {
    method: 'post',
    path: '/api/models/migration/execute',
    summary:
      'Przeniesienie wybranych instancji (synchronicznie albo wsadem silnika, async: true); każda sprawdzona próbą; zapis w dzienniku audytu',
    roles: owners,
    body: executeBody,
    responses: {
      200: '{ moved, batchId, from, to }',
      400: 'błędne pole (processInstanceIds: instancja, której nie da się przenieść)',
    },
  },
  {
    method: 'post',
    path: '/api/models/migration/keep',
    summary: 'Decyzja: instancje dokończą na starej wersji (zapis w dzienniku audytu)',
    roles: owners,
    body: keepBody,
    responses: { 200: '{ from, to, running }', 400: 'błędne pole' },
  },
  {
    method: 'get',
    path: '/api/models/migration/batches/{id}',
    summary: 'Postęp wsadu migracji (zadania wykonane / wszystkie, czy zakończony)',
    roles: owners,
    responses: { 200: '{ id, totalJobs, completedJobs, failedJobs, done }', 404: 'nie ma takiego wsadu' },
  },
  {
    method: 'get',
    path: '/api/models/migration/history',
    summary:
      'Przeniesienia i decyzje „dokończą na starej wersji” z dziennika audytu (kto, kiedy, skąd, dokąd, ile)',
    roles: owners,
    responses: { 200: '{ items }' },
  },
];
