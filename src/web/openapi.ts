import { z } from 'zod';
import { centreSchema, districtSchema, siteSchema } from '../centre/centre-config';
import { decisionEventSchema } from '../decisions/decision-events';
import { TASK_FORMS } from '../tasks/forms';
import { inboxQuerySchema } from '../tasks/task-queries';
import { firstContactSchema } from '../first-contact/first-contact';
import { startBody } from './routes/applications';
import { reportMonthQuery, reportPeriodQuery } from './routes/reports';
import { credentials } from './routes/auth';
import { ENGINE_ID_PATTERN } from './engine-id';
import { assignBody } from './routes/tasks';
import { benefitCalculationBody, deadlineQuery } from './routes/calculations';
import { breakGlassBody, breakGlassFilterQuery } from './routes/break-glass';
import { deadlinesQuerySchema } from '../monitoring/deadlines';
import { workloadQuerySchema } from '../monitoring/workload';
import { modelChangeEndpoints } from './openapi-model-changes';
import { monitoringEndpoints } from './openapi-monitoring';
import { modelEndpoints } from './openapi-models';
import { monitoringReformEndpoints } from './openapi-monitoring-reform';

/**
 * The OpenAPI 3.1 document of the JSON API, generated from the same zod schemas that validate the requests,
 * so the two cannot drift apart.
 */
export interface Endpoint {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  roles?: string[];
  query?: z.ZodObject;
  /** Path parameters beyond {key} and {id}, from their zod schema. */
  pathParams?: z.ZodObject;
  body?: z.ZodType;
  responses: Record<string, string>;
}

const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
  requestId: z.string(),
});

const endpoints: Endpoint[] = [
  {
    method: 'post',
    path: '/api/benefits/calculate',
    summary:
      'Kryterium dochodowe, zasiłek okresowy (zakres) i stały dla gospodarstwa (kwoty w groszach, z podstawą prawną)',
    body: benefitCalculationBody,
    responses: { 200: 'wyliczenie', 400: 'błędne pole' },
  },
  {
    method: 'get',
    path: '/api/calendar/deadline',
    summary:
      'Termin od daty: N-ty dzień roboczy (kind=working-days, domyślnie) albo termin z art. 57 KPA w dniach (kind=kpa-days&days=N) lub miesiącach (kind=kpa-months&months=N) — dzień zdarzenia się nie wlicza, koniec w sobotę, niedzielę lub święto przechodzi na następny dzień, który nim nie jest (polskie święta)',
    query: deadlineQuery,
    responses: {
      200: 'working-days: { due: RRRR-MM-DD }; kpa-days, kpa-months: { due, termEnd } — termEnd to koniec terminu przed przesunięciem z art. 57 § 4 KPA, due dzień, w którym termin naprawdę upływa',
      400: 'błędne pole (nazwa w error.field: from, kind, workingDays, days, months)',
    },
  },
  {
    method: 'post',
    path: '/api/cases/{id}/break-glass',
    summary:
      'Jednorazowy odczyt akt poza zasadami need-to-know z powodem (break-glass); zapis case-read-break-glass w dzienniku',
    body: breakGlassBody,
    responses: {
      200: 'akta sprawy',
      400: 'powód krótszy niż 20 znaków (error.field: reason)',
      404: 'nie ma takiej sprawy (także osoba bez roli)',
    },
  },
  {
    method: 'get',
    path: '/api/audit/break-glass',
    summary: 'Odczyty akt w trybie break-glass, od najnowszych (najwyżej 200), z filtrem po osobie i dniach',
    roles: ['managers'],
    query: breakGlassFilterQuery,
    responses: {
      200: '[{ at, login, displayName, caseId, caseNumber, reason, channel }]',
      400: 'błędne pole',
      403: 'brak roli',
    },
  },
  {
    method: 'get',
    path: '/health',
    summary: 'Stan silnika, bazy i workerów',
    responses: { 200: 'wszystko działa', 503: 'coś nie działa' },
  },
  {
    method: 'post',
    path: '/api/session',
    summary: 'Logowanie (zwraca token CSRF)',
    body: credentials,
    responses: { 201: 'zalogowano', 401: 'zły login lub hasło', 429: 'za dużo prób' },
  },
  {
    method: 'get',
    path: '/api/session',
    summary: 'Bieżąca sesja i token CSRF',
    responses: { 200: 'sesja', 401: 'brak sesji' },
  },
  { method: 'delete', path: '/api/session', summary: 'Wylogowanie', responses: { 204: 'wylogowano' } },
  {
    method: 'post',
    path: '/api/applications',
    summary: 'Rozpoczęcie wniosku (start procesu)',
    roles: ['first-contact'],
    body: startBody,
    responses: { 201: 'processInstanceKey', 403: 'brak roli lub tokenu CSRF' },
  },
  {
    method: 'post',
    path: '/api/first-contact',
    summary:
      'Pierwszy kontakt na jednym ekranie: wniosek (start procesu bez zadania przyjęcia), informacja albo zaświadczenie',
    roles: ['first-contact'],
    body: firstContactSchema,
    responses: {
      201: '{ kind: application, outcome, processInstanceKey, intakeId } albo { kind: visit, visitId }',
      400: 'błędne pole',
    },
  },
  {
    method: 'get',
    path: '/api/centre',
    summary: 'Konfiguracja ośrodka: organ, wzory numerów, SKO, siedziby, rejony z ulicami',
    roles: ['admins'],
    responses: { 200: '{ centre, sites, districts }', 403: 'brak roli' },
  },
  {
    method: 'get',
    path: '/api/reports/mrpips-03',
    summary:
      'Sprawozdanie w układzie MRPiPS-03 za półrocze lub rok: świadczenia według formy i powodu, decyzje, kontrakty socjalne (kwoty w groszach, z rejestru wypłat)',
    roles: ['analysts', 'managers'],
    query: reportPeriodQuery,
    responses: {
      200: '{ period, byForm, total, byReason, decisions, contracts }',
      400: 'błędne pole (period)',
    },
  },
  {
    method: 'get',
    path: '/api/reports/payout-register',
    summary:
      'Rejestr wypłat za miesiąc: każda wypłacona rata z osobą i sprawą, sumy (odczyt zapisany w dzienniku)',
    roles: ['analysts', 'managers'],
    query: reportMonthQuery,
    responses: { 200: '{ month, rows, count, totalGrosze, byMethod }', 400: 'błędne pole (month)' },
  },
  {
    method: 'put',
    path: '/api/centre',
    summary: 'Zmiana danych ośrodka (organ, wzory numerów, SKO); zapis w dzienniku',
    roles: ['admins'],
    body: centreSchema,
    responses: { 204: 'zapisano', 400: 'błędne pole' },
  },
  {
    method: 'put',
    path: '/api/centre/sites/{id}',
    summary: 'Dodanie lub zmiana siedziby',
    roles: ['admins'],
    body: siteSchema.omit({ id: true }),
    responses: { 204: 'zapisano', 400: 'błędne pole' },
  },
  {
    method: 'put',
    path: '/api/centre/districts/{id}',
    summary: 'Dodanie lub zmiana rejonu z listą ulic (ulica należy do jednego rejonu)',
    roles: ['admins'],
    body: districtSchema.omit({ id: true }),
    responses: { 204: 'zapisano', 400: 'błędne pole (np. ulica już w innym rejonie)' },
  },
  {
    method: 'post',
    path: '/api/decisions/{id}/events',
    summary:
      'Zdarzenie po wydaniu decyzji: doręczenie, zrzeczenie się odwołania, odwołanie, rozstrzygnięcie SKO (akta + komunikat do procesu)',
    roles: ['first-contact', 'benefits', 'services-admin', 'managers'],
    body: decisionEventSchema,
    responses: {
      202: '{ message, …zmienne komunikatu }',
      400: 'błędne pole',
      409: 'zdarzenie sprzeczne z aktami (np. doręczenie przed wysyłką)',
    },
  },
  {
    method: 'get',
    path: '/api/tasks',
    summary: 'Skrzynka zadań: otwarte zadania moich zespołów i moje',
    query: inboxQuerySchema,
    responses: {
      200: 'strona zadań { items, page, pageSize, total, totalCapped } (total liczone do 1000)',
      403: 'zespół spoza moich ról',
    },
  },
  {
    method: 'post',
    path: '/api/tasks/{key}/claim',
    summary: 'Przejęcie zadania',
    responses: { 204: 'przejęte', 403: 'inny zespół', 409: 'już przypisane lub zakończone' },
  },
  {
    method: 'post',
    path: '/api/tasks/{key}/unclaim',
    summary: 'Zwolnienie zadania',
    responses: { 204: 'zwolnione', 403: 'nie moje' },
  },
  {
    method: 'post',
    path: '/api/tasks/{key}/assign',
    summary: 'Przekazanie zadania innej osobie (kierownik)',
    roles: ['managers'],
    body: assignBody,
    responses: { 204: 'przekazane', 400: 'osoba spoza zespołu', 409: 'zakończone' },
  },
  {
    method: 'get',
    path: '/api/monitoring/deadlines',
    summary:
      'Terminy ustawowe po terminie i blisko terminu (wywiad 14/2 dni rob., miesiąc KPA, przekazanie odwołania 7 dni, Niebieska Karta 5/3/5 dni rob.) i „co się spóźni”: nieprzypisane zadania z terminem w ciągu N dni roboczych w kolejności ryzyka',
    roles: ['managers', 'analysts'],
    query: deadlinesQuerySchema,
    responses: {
      200: '{ today, sections: [{ kind, nearWorkingDays, late, near, items }], atRisk: { days, horizonDay, items } }; każdy wiersz: sprawa (caseId, caseNumber), zespół, osoba (assignee lub null), zadanie (userTaskKey), dueAt, status, workingDays (ujemne = spóźnienie)',
      400: 'błędne pole (kind, status, team, days, limit)',
      403: 'rola spoza kierowników i analityków',
    },
  },
  {
    method: 'get',
    path: '/api/monitoring/workload',
    summary:
      'Obciążenie: zadania otwarte i zakończone w okresie na osobę i zespół, wiek najstarszego otwartego, zadania na rolę; z person lub team lista otwartych zadań za liczbą (przekazanie: POST /api/tasks/{key}/assign)',
    roles: ['managers', 'analysts'],
    query: workloadQuerySchema,
    responses: {
      200: '{ period, people, teams, roles, tasks? }',
      400: 'błędne pole (from, to, person, team)',
      403: 'rola spoza kierowników i analityków',
    },
  },
  {
    method: 'post',
    path: '/api/tasks/{key}/complete',
    summary: 'Zakończenie zadania danymi formularza (walidacja po stronie serwera)',
    body: z.union(
      Object.values(TASK_FORMS).map((form) => form.schema) as [z.ZodType, z.ZodType, ...z.ZodType[]],
    ),
    responses: {
      204: 'zakończone',
      400: 'błędne pole (nazwa w error.field)',
      409: 'ktoś zakończył je wcześniej',
    },
  },
  ...modelChangeEndpoints,
  ...monitoringReformEndpoints,
];

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of [...endpoints, ...monitoringEndpoints, ...modelEndpoints]) {
    const operation: Record<string, unknown> = {
      summary: endpoint.summary,
      ...(endpoint.roles ? { description: `Wymagane role: ${endpoint.roles.join(', ')}` } : {}),
      parameters: [
        ...(endpoint.path.includes('{key}')
          ? [
              {
                name: 'key',
                in: 'path',
                required: true,
                schema: { type: 'string', pattern: ENGINE_ID_PATTERN },
              },
            ]
          : []),
        ...pathParameter(endpoint.path, 'name', {
          type: 'string',
          pattern: '^[a-z0-9][a-z0-9-]*\\.(bpmn|dmn|form)$',
        }),
        ...pathParameter(endpoint.path, 'definitionId', { type: 'string', pattern: ENGINE_ID_PATTERN }),
        ...(endpoint.path.includes('{id}')
          ? [
              {
                name: 'id',
                in: 'path',
                required: true,
                schema: endpoint.path.startsWith('/api/centre/')
                  ? { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }
                  : { type: 'string', format: 'uuid' },
              },
            ]
          : []),
        ...queryParameters(endpoint.pathParams, 'path'),
        ...queryParameters(endpoint.query),
      ],
      responses: Object.fromEntries(
        Object.entries(endpoint.responses).map(([status, description]) => [
          status,
          Number(status) >= 400
            ? { description, content: { 'application/json': { schema: z.toJSONSchema(errorSchema) } } }
            : { description },
        ]),
      ),
    };
    if (endpoint.body) {
      operation.requestBody = {
        required: true,
        content: {
          'application/json': {
            schema: z.toJSONSchema(endpoint.body, { io: 'input', unrepresentable: 'any' }),
          },
        },
      };
    }
    paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'mops-flow API',
      version: '0.1.0',
      description: 'API frontu mops-flow. Stan zmieniające żądania wymagają nagłówka X-CSRF-Token z sesji.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'mops_sid' },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
      },
    },
    security: [{ session: [], csrf: [] }],
    paths,
  };
}

function queryParameters(schema: z.ZodObject | undefined, where: 'query' | 'path' = 'query') {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input' }) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required?.includes(name) ?? false),
    description: property.description,
    schema: property,
  }));
}

function pathParameter(path: string, name: string, schema: Record<string, unknown>) {
  return path.includes(`{${name}}`) ? [{ name, in: 'path', required: true, schema }] : [];
}
