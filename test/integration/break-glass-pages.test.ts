import { randomUUID } from 'node:crypto';
import { addDays, warsawDate } from '../../src/domain/calendar-date';
import type { Runtime } from '../../src/runtime';
import { clientCase, teamWorkedOnCase } from './case-file-fixtures';
import type { TestClient } from './http-client';
import { randomPesel } from './job-context';
import type { TestClock } from './test-clock';
import { loginAs, startTestRuntime } from './test-runtime';

interface PageAnswer {
  status: number;
  html: string;
  cacheControl: string | null;
}

/**
 * Issue 10 item 6, the break-glass pages through the real app on the real engine and PostgreSQL: a case one may not
 * read answers exactly like an unknown id, with the form; the form's POST (CSRF) needs a reason of 20 characters,
 * named in the error, and then shows the file once and writes one `case-read-break-glass` row; managers list the
 * reads with a filter; nobody else sees the list.
 */
describe('break-glass pages', () => {
  let runtime: Runtime;
  let clock: TestClock;
  let benefits: TestClient;
  let services: TestClient;
  let manager: TestClient;
  let nobody: TestClient;

  beforeAll(async () => {
    ({ runtime, clock } = await startTestRuntime({ workers: false }));
    benefits = await loginAs(runtime, 'bg-benefits', ['benefits']);
    services = await loginAs(runtime, 'bg-services', ['services']);
    manager = await loginAs(runtime, 'bg-manager', ['managers']);
    nobody = await loginAs(runtime, 'bg-nobody', []);
  });

  afterAll(() => clock.resetAfterStop());

  /** A browser's request: HTML, and a form POST carries the token in the `_csrf` field. */
  async function page(
    client: TestClient,
    method: 'GET' | 'POST',
    path: string,
    form?: Record<string, string>,
    options: { csrf?: boolean } = {},
  ): Promise<PageAnswer> {
    const { cookie, 'x-csrf-token': token } = client.headers();
    const body = form
      ? new URLSearchParams({ ...(options.csrf === false ? {} : { _csrf: token ?? '' }), ...form })
      : undefined;
    const res = await fetch(`${runtime.url}${path}`, {
      method,
      headers: {
        accept: 'text/html',
        ...(cookie ? { cookie } : {}),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: body?.toString(),
      redirect: 'manual',
    });
    return { status: res.status, html: await res.text(), cacheControl: res.headers.get('cache-control') };
  }

  const breakGlassRows = (caseId: string) =>
    runtime.db.query<{ login: string; action: string; entity: string; entity_id: string; details: unknown }>(
      `SELECT u.login, a.action, a.entity, a.entity_id, a.details FROM audit_log a JOIN users u ON u.id = a.user_id
        WHERE a.entity_id = $1 ORDER BY a.id`,
      [caseId],
    );
  const reason = 'Zgłoszenie policji o zagrożeniu dziecka w nocy, brak dyżuru sekcji';
  const neutralText = 'Nie ma takiej sprawy albo nie masz dostępu do jej akt.';

  it('answers a forbidden case page exactly like an unknown id, with the break-glass form and its warning', async () => {
    const { caseId, caseNumber } = await clientCase(runtime.db, { pesel: randomPesel(), violence: true });
    await teamWorkedOnCase(runtime.db, caseId, 'benefits', clock.now());
    const unknownId = randomUUID();
    const forbidden = await page(benefits, 'GET', `/sprawy/${caseId}`);
    const unknown = await page(benefits, 'GET', `/sprawy/${unknownId}`);
    expect(forbidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(forbidden.html.replaceAll(caseId, 'ID')).toBe(unknown.html.replaceAll(unknownId, 'ID'));
    expect(forbidden.html).not.toContain(caseNumber);
    expect(forbidden.html).toContain(`<p role="alert">${neutralText}</p>`);
    expect(forbidden.html).toContain(
      '<h2 id="h-break-glass">Dostęp w trybie nadzwyczajnym (break-glass)</h2>',
    );
    expect(forbidden.html).toContain(
      'Uwaga: każdy dostęp nadzwyczajny jest zapisywany w dzienniku (kto, kiedy, która sprawa, jaki powód) i przeglądany przez kierownika.',
    );
    expect(forbidden.html).toContain(`<form method="post" action="/sprawy/${caseId}/dostep-nadzwyczajny"`);
    expect(forbidden.html).toContain('<label for="reason">Powód dostępu</label>');
    // the refused read wrote nothing
    expect(await breakGlassRows(caseId)).toEqual([]);
  });

  it('refuses the form without a reason, naming the field, the same for any id, and without the CSRF token', async () => {
    const { caseId } = await clientCase(runtime.db, { pesel: randomPesel(), violence: true });
    const unknownId = randomUUID();
    const empty = await page(benefits, 'POST', `/sprawy/${caseId}/dostep-nadzwyczajny`, { reason: '' });
    const short = await page(benefits, 'POST', `/sprawy/${caseId}/dostep-nadzwyczajny`, {
      reason: 'bo muszę',
    });
    const shortUnknown = await page(benefits, 'POST', `/sprawy/${unknownId}/dostep-nadzwyczajny`, {
      reason: 'bo muszę',
    });
    const message = 'Pole „Powód dostępu”: podaj powód otwarcia akt poza zasadami — co najmniej 20 znaków.';
    expect(empty.status).toBe(400);
    expect(empty.html).toContain(`<p class="error" role="alert" id="reason-error">${message}</p>`);
    expect(empty.html).toContain('aria-describedby="reason-hint reason-error" aria-invalid="true"');
    expect(short.status).toBe(400);
    expect(short.html).toContain('>bo muszę</textarea>');
    expect(short.html.replaceAll(caseId, 'ID')).toBe(shortUnknown.html.replaceAll(unknownId, 'ID'));
    const forged = await page(
      benefits,
      'POST',
      `/sprawy/${caseId}/dostep-nadzwyczajny`,
      { reason },
      { csrf: false },
    );
    expect(forged.status).toBe(403);
    expect(await breakGlassRows(caseId)).toEqual([]);
  });

  it('with a reason shows the case for that answer only and writes exactly one break-glass audit row', async () => {
    const { caseId, caseNumber } = await clientCase(runtime.db, { pesel: randomPesel(), violence: true });
    const opened = await page(benefits, 'POST', `/sprawy/${caseId}/dostep-nadzwyczajny`, { reason });
    expect(opened.status).toBe(200);
    expect(opened.html).toContain(`<h1>Sprawa ${caseNumber}</h1>`);
    expect(opened.html).toContain('<dd>Ewa Poufna</dd>');
    expect(opened.html).toContain(
      '<p role="status" class="warning">Akta otwarte w trybie nadzwyczajnym, tylko do tego wyświetlenia. Odczyt zapisano w dzienniku z podanym powodem — przejrzy go kierownik.</p>',
    );
    expect(opened.cacheControl).toBe('no-store');
    expect(await breakGlassRows(caseId)).toEqual([
      {
        login: 'bg-benefits',
        action: 'case-read-break-glass',
        entity: 'case',
        entity_id: caseId,
        details: { channel: 'page', reason },
      },
    ]);
    // one answer, not the case: the next ordinary read is the neutral page again, and writes nothing
    const again = await page(benefits, 'GET', `/sprawy/${caseId}`);
    expect(again.status).toBe(404);
    expect(again.html).toContain(neutralText);
    expect(await breakGlassRows(caseId)).toHaveLength(1);
  });

  it('gives an unknown id with a reason, and anyone without a role, the same neutral answer, and records nothing', async () => {
    const { caseId } = await clientCase(runtime.db, { pesel: randomPesel() });
    const unknownId = randomUUID();
    const unknown = await page(benefits, 'POST', `/sprawy/${unknownId}/dostep-nadzwyczajny`, { reason });
    expect(unknown.status).toBe(404);
    expect(unknown.html.replaceAll(unknownId, 'ID')).toBe(
      (await page(benefits, 'GET', `/sprawy/${unknownId}`)).html.replaceAll(unknownId, 'ID'),
    );
    // a person without any role has no break-glass right: no form, and the POST answers as for an unknown id
    const roleless = await page(nobody, 'GET', `/sprawy/${caseId}`);
    expect(roleless.status).toBe(404);
    expect(roleless.html).toContain(neutralText);
    expect(roleless.html).not.toContain('dostep-nadzwyczajny');
    const refused = await page(nobody, 'POST', `/sprawy/${caseId}/dostep-nadzwyczajny`, { reason });
    const refusedUnknown = await page(nobody, 'POST', `/sprawy/${unknownId}/dostep-nadzwyczajny`, { reason });
    expect(refused.status).toBe(404);
    expect(refused.html.replaceAll(caseId, 'ID')).toBe(refusedUnknown.html.replaceAll(unknownId, 'ID'));
    expect(await breakGlassRows(caseId)).toEqual([]);
    const [row] = await runtime.db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM audit_log WHERE entity_id = $1`,
      [unknownId],
    );
    expect(row?.n).toBe('0');
  });

  it('lists the reads for managers newest first, with a filter by person and days; others get 403', async () => {
    const first = await clientCase(runtime.db, { pesel: randomPesel(), violence: true });
    const second = await clientCase(runtime.db, { pesel: randomPesel() });
    const otherReason = 'Weryfikacja wniosku o usługi opiekuńcze dla tej samej osoby';
    expect(
      (await page(benefits, 'POST', `/sprawy/${first.caseId}/dostep-nadzwyczajny`, { reason })).status,
    ).toBe(200);
    expect(
      (
        await page(services, 'POST', `/sprawy/${second.caseId}/dostep-nadzwyczajny`, {
          reason: otherReason,
        })
      ).status,
    ).toBe(200);

    const list = await page(manager, 'GET', '/audyt/dostep-nadzwyczajny');
    expect(list.status).toBe(200);
    expect(list.html).toContain('<h1>Dostępy nadzwyczajne</h1>');
    expect(list.html).toContain('<a href="/audyt/dostep-nadzwyczajny">Dostępy nadzwyczajne</a>');
    const firstLink = `<a href="/sprawy/${first.caseId}">${first.caseNumber}</a>`;
    const secondLink = `<a href="/sprawy/${second.caseId}">${second.caseNumber}</a>`;
    expect(list.html).toContain(`<td>${firstLink}</td>\n<td>${reason}</td><td>strona akt</td>`);
    expect(list.html).toContain(`<td>${secondLink}</td>\n<td>${otherReason}</td><td>strona akt</td>`);
    expect(list.html.indexOf(secondLink)).toBeLessThan(list.html.indexOf(firstLink));
    expect(list.html).toContain('<option value="bg-benefits">bg-benefits (bg-benefits)</option>');

    const byPerson = await page(manager, 'GET', '/audyt/dostep-nadzwyczajny?person=bg-services&from=&to=');
    expect(byPerson.html).toContain(secondLink);
    expect(byPerson.html).not.toContain(firstLink);
    expect(byPerson.html).toContain('<option value="bg-services" selected>');

    const today = warsawDate(new Date());
    const around = await page(
      manager,
      'GET',
      `/audyt/dostep-nadzwyczajny?from=${addDays(today, -1)}&to=${addDays(today, 1)}`,
    );
    expect(around.html).toContain(firstLink);
    const later = await page(manager, 'GET', `/audyt/dostep-nadzwyczajny?from=${addDays(today, 2)}`);
    expect(later.html).not.toContain(firstLink);
    expect(later.html).toContain('Brak dostępów nadzwyczajnych dla wybranych kryteriów.');
    const backwards = await page(manager, 'GET', '/audyt/dostep-nadzwyczajny?from=2026-03-10&to=2026-03-01');
    expect(backwards.status).toBe(400);
    expect(backwards.html).toContain(
      'Pole „Do dnia”: dzień końcowy nie może być wcześniejszy niż początkowy',
    );

    // the API takes the same filter
    const api = await manager.request('GET', '/api/audit/break-glass?person=bg-services');
    expect(api.status).toBe(200);
    expect((api.body as { caseId: string; reason: string; channel: string }[]).map((r) => r.caseId)).toEqual([
      second.caseId,
    ]);

    // nobody but managers: the page and the API answer 403, and the nav has no link
    const refused = await page(benefits, 'GET', '/audyt/dostep-nadzwyczajny');
    expect(refused.status).toBe(403);
    expect(refused.html).not.toContain(reason);
    expect((await benefits.request('GET', '/api/audit/break-glass')).status).toBe(403);
    expect((await page(benefits, 'GET', '/zadania')).html).not.toContain('/audyt/dostep-nadzwyczajny');
  });
});
