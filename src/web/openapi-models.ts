import { createDraftBody, MODEL_ROLES, updateDraftBody } from './routes/models';
import type { Endpoint } from './openapi';

/** The process owners' model API (/api/models, routes/models.ts) in the OpenAPI document. */
export const modelEndpoints: Endpoint[] = [
  {
    method: 'get',
    path: '/api/models',
    summary:
      'Pliki modelu (bpmn/ i wdrożone z przeglądarki), wersje w silniku, otwarte szkice, rejestr wdrożeń',
    roles: MODEL_ROLES,
    responses: { 200: '{ files, versions, drafts, deployments }', 403: 'brak roli process-owners' },
  },
  {
    method: 'get',
    path: '/api/models/versions',
    summary:
      'Każda wersja każdego procesu i decyzji w silniku: kiedy wdrożona, trwające instancje, incydenty',
    roles: MODEL_ROLES,
    responses: { 200: '{ items }' },
  },
  {
    method: 'get',
    path: '/api/models/files/{name}',
    summary: 'Bieżąca treść pliku modelu (z ?pobierz=1 jako załącznik)',
    roles: MODEL_ROLES,
    responses: { 200: 'plik (XML albo JSON)', 400: 'błędna nazwa pliku', 404: 'nie ma takiego pliku' },
  },
  {
    method: 'post',
    path: '/api/models/drafts',
    summary:
      'Zapisuje szkic pliku i sprawdza go: bpmnlint (recommended + camunda-compat 7.24) / kontrole DMN i formularzy oraz bariery wdrożenia na całym modelu ze szkicem w miejscu pliku; uwagi w findings (z id elementu)',
    roles: MODEL_ROLES,
    body: createDraftBody,
    responses: { 201: 'szkic z uwagami (clean: czy bez błędów)', 400: 'błędne pole (resourceName, content)' },
  },
  {
    method: 'get',
    path: '/api/models/drafts/{id}',
    summary: 'Szkic z treścią, wersją wyjściową i uwagami',
    roles: MODEL_ROLES,
    responses: { 200: 'szkic', 404: 'nie ma takiego szkicu' },
  },
  {
    method: 'put',
    path: '/api/models/drafts/{id}',
    summary: 'Zapisuje szkic ponownie (tylko autor, tylko szkic roboczy) i sprawdza go',
    roles: MODEL_ROLES,
    body: updateDraftBody,
    responses: {
      200: 'szkic z uwagami',
      400: 'błędne pole (content)',
      403: 'nie autor',
      409: 'szkic już zatwierdzony lub wdrożony',
    },
  },
  {
    method: 'get',
    path: '/api/models/drafts/{id}/file',
    summary: 'Plik szkicu (z ?wersja=bazowa — wersja wyjściowa; z ?pobierz=1 jako załącznik)',
    roles: MODEL_ROLES,
    responses: { 200: 'plik', 404: 'nie ma szkicu albo wersji wyjściowej' },
  },
  {
    method: 'get',
    path: '/api/models/drafts/{id}/diff',
    summary:
      'Różnice szkicu i wersji wyjściowej: diagram (bpmn-js-differ: added, removed, changed z wartościami, layoutChanged), reguły DMN albo pola formularza, z podsumowaniem',
    roles: MODEL_ROLES,
    responses: { 200: '{ kind, bpmn | dmn | form, summary }' },
  },
  {
    method: 'post',
    path: '/api/models/drafts/{id}/approval',
    summary:
      'Zatwierdzenie szkicu przez drugiego właściciela procesu (cztery oczy; autor dostaje 403, baza też odmawia)',
    roles: MODEL_ROLES,
    responses: {
      200: 'szkic zatwierdzony',
      403: 'autor szkicu',
      409: 'szkic z błędami albo już rozpatrzony',
    },
  },
  {
    method: 'post',
    path: '/api/models/drafts/{id}/deployment',
    summary:
      'Wdraża zatwierdzony szkic przez port silnika (filtrowanie duplikatów, nazwa wdrożenia mops-flow-modele); kontrole biegną ponownie',
    roles: MODEL_ROLES,
    responses: {
      201: 'wpis rejestru wdrożeń z nowymi wersjami',
      409: 'szkic niezatwierdzony, kontrole z błędami albo odmowa silnika (z powodem)',
    },
  },
  {
    method: 'post',
    path: '/api/models/drafts/{id}/discard',
    summary: 'Autor odrzuca swój szkic roboczy',
    roles: MODEL_ROLES,
    responses: { 200: 'szkic odrzucony', 403: 'nie autor', 409: 'szkic nie jest roboczy' },
  },
  {
    method: 'get',
    path: '/api/models/deployments',
    summary:
      'Rejestr wdrożeń z przeglądarki: kto przygotował, zatwierdził, wdrożył, kiedy, zmiany, nowe wersje',
    roles: MODEL_ROLES,
    responses: { 200: '{ items }' },
  },
  {
    method: 'get',
    path: '/api/models/deployments/{id}/file',
    summary: 'Wdrożony plik — dokładnie te bajty, które zapisano (załącznik, do wgrania do bpmn/)',
    roles: MODEL_ROLES,
    responses: { 200: 'plik', 404: 'nie ma takiego wdrożenia' },
  },
  {
    method: 'get',
    path: '/api/models/versions/{definitionId}/xml',
    summary:
      'XML diagramu jednej wersji procesu z silnika (widok różnic dwóch wersji: /modele/roznice?od=…&do=…)',
    roles: MODEL_ROLES,
    responses: { 200: 'BPMN XML', 400: 'błędny identyfikator' },
  },
];
