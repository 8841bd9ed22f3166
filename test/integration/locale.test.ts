import type { Runtime } from '../../src/runtime';
import { grantedDecision } from './case-file-fixtures';
import { TestClient } from './http-client';
import { loginAs, startTestRuntime } from './test-runtime';

interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

/**
 * The second locale end to end over HTTP: a person signs in, switches to English in the page header (a plain
 * form with the CSRF token), sees English on the inbox and a case page (whatever the browser asks for), and the
 * JSON API answers a 400 in the language of Accept-Language with the same field names.
 */
describe('English as the second locale', () => {
  let runtime: Runtime;
  let manager: TestClient;
  let caseId = '';
  let caseNumber = '';

  beforeAll(async () => {
    ({ runtime } = await startTestRuntime({ workers: false }));
    manager = await loginAs(runtime, 'it-locale-manager', ['managers']);
    ({ caseId } = await grantedDecision(runtime.db, {
      amountGrosze: 70000,
      from: '2026-01-01',
      to: '2026-03-31',
      method: 'cash',
    }));
    const [row] = await runtime.db.query<{ case_number: string }>(
      'SELECT case_number FROM cases WHERE id = $1',
      [caseId],
    );
    caseNumber = row!.case_number;
  });

  afterAll(() => runtime.stop());

  /** A request as a browser makes it: the session cookie (plus any other cookie), HTML or JSON, a language. */
  async function send(
    method: string,
    path: string,
    options: {
      cookies?: string[];
      language?: string;
      form?: Record<string, string>;
      json?: boolean;
      origin?: string;
    },
  ): Promise<Answer> {
    const cookies = [...(options.cookies ?? [])];
    const headers: Record<string, string> = {
      accept: options.json ? 'application/json' : 'text/html',
      ...(options.language ? { 'accept-language': options.language } : {}),
      ...(options.origin ? { origin: options.origin } : {}),
    };
    if (options.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(`${runtime.url}${path}`, {
      method,
      headers: { ...headers, cookie: cookies.join('; ') },
      body: options.form ? new URLSearchParams(options.form).toString() : undefined,
      redirect: 'manual',
    });
    return { status: res.status, text: await res.text(), headers: res.headers };
  }

  const session = () => manager.headers().cookie!;
  const csrf = () => manager.headers()['x-csrf-token']!;

  it('starts in Polish, and in the browser’s language when there is no choice yet', async () => {
    const polish = await send('GET', '/zadania', { cookies: [session()], language: 'pl-PL,pl;q=0.9' });
    expect(polish.status).toBe(200);
    expect(polish.text).toContain('<html lang="pl">');
    expect(polish.text).toContain('<h1>Zadania</h1>');
    expect(polish.headers.get('content-language')).toBe('pl');
    expect(polish.headers.get('vary')).toMatch(/Accept-Language/i);

    const login = await send('GET', '/logowanie', { language: 'en-GB,en;q=0.9' });
    expect(login.text).toContain('<html lang="en">');
    expect(login.text).toContain('<h1>Sign in</h1>');
    // nothing acceptable of ours → Polish
    const other = await send('GET', '/logowanie', { language: 'de-DE' });
    expect(other.text).toContain('<html lang="pl">');
  });

  it('refuses a switch without the CSRF token, and a cross-site switch before signing in', async () => {
    const noToken = await send('POST', '/jezyk', {
      cookies: [session()],
      form: { lang: 'en', next: '/zadania' },
    });
    expect(noToken.status).toBe(403);
    expect(noToken.headers.get('set-cookie')).toBeNull();
    const crossSite = await send('POST', '/jezyk', {
      form: { lang: 'en', next: '/logowanie' },
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
  });

  it('switches to English with the header form and shows the inbox and a case page in English', async () => {
    const switched = await send('POST', '/jezyk', {
      cookies: [session()],
      language: 'pl-PL',
      form: { lang: 'en', next: '/zadania?group=managers', _csrf: csrf() },
    });
    expect(switched.status).toBe(303);
    expect(switched.headers.get('location')).toBe('/zadania?group=managers');
    const langCookie = switched.headers.get('set-cookie')!.split(';')[0]!;
    expect(langCookie).toBe('mops_lang=en');
    expect(switched.headers.get('set-cookie')).toMatch(/HttpOnly/i);

    // the browser still asks for Polish: the explicit choice wins for pages
    const inbox = await send('GET', '/zadania', { cookies: [session(), langCookie], language: 'pl-PL' });
    expect(inbox.status).toBe(200);
    expect(inbox.text).toContain('<html lang="en">');
    expect(inbox.text).toContain('<h1>Tasks</h1>');
    expect(inbox.text).toContain('aria-label="Task filters"');
    expect(inbox.text).toContain('>Log out</button>');
    // the switcher now offers Polish, in Polish
    expect(inbox.text).toContain('value="pl" lang="pl">Polski</button>');
    expect(inbox.text).not.toContain('Wyloguj');

    const table = await send('GET', '/zadania/tabela', { cookies: [session(), langCookie] });
    expect(table.text).not.toMatch(/Brak otwartych zadań|Otwarte zadania/);

    const casePage = await send('GET', `/sprawy/${caseId}`, { cookies: [session(), langCookie] });
    expect(casePage.status).toBe(200);
    expect(casePage.text).toContain('<html lang="en">');
    expect(casePage.text).toContain(`<h1>Case ${caseNumber}</h1>`);
    expect(casePage.text).toContain('Decisions and payouts');
    expect(casePage.text).toMatch(/Grant — draft \(approved\)/);
    expect(casePage.text).not.toMatch(/Gospodarstwo domowe|Przebieg sprawy/);

    // and back to Polish
    const back = await send('POST', '/jezyk', {
      cookies: [session(), langCookie],
      form: { lang: 'pl', next: `/sprawy/${caseId}`, _csrf: csrf() },
    });
    expect(back.headers.get('set-cookie')!.split(';')[0]).toBe('mops_lang=pl');
    const polishCase = await send('GET', `/sprawy/${caseId}`, { cookies: [session(), 'mops_lang=pl'] });
    expect(polishCase.text).toContain(`<h1>Sprawa ${caseNumber}</h1>`);
  });

  it('answers a 400 of the JSON API in the language of Accept-Language, with the same field names', async () => {
    const ask = async (language: string) => {
      const res = await fetch(`${runtime.url}/api/calendar/deadline?from=jutro&workingDays=2`, {
        headers: { ...manager.headers(), accept: 'application/json', 'accept-language': language },
      });
      return {
        status: res.status,
        body: (await res.json()) as { error: { field: string; message: string } },
      };
    };
    const english = await ask('en');
    expect(english.status).toBe(400);
    expect(english.body.error.field).toBe('from');
    expect(english.body.error.message).toBe('Field "from": a date in the form YYYY-MM-DD');
    const polish = await ask('pl');
    expect(polish.body.error.field).toBe('from');
    expect(polish.body.error.message).toBe('Pole „from”: data w formacie RRRR-MM-DD');

    const body = await fetch(`${runtime.url}/api/benefits/calculate`, {
      method: 'POST',
      headers: {
        ...manager.headers(),
        accept: 'application/json',
        'content-type': 'application/json',
        'accept-language': 'en-US,en;q=0.9',
      },
      body: JSON.stringify({ date: '2026-01-01', householdSize: 0, householdIncomeGrosze: 1 }),
    });
    expect(body.status).toBe(400);
    const error = ((await body.json()) as { error: { field: string; message: string } }).error;
    expect(error).toMatchObject({ field: 'householdSize', message: 'Field "householdSize": at least 1' });

    const anonymous = await fetch(`${runtime.url}/api/tasks`, {
      headers: { accept: 'application/json', 'accept-language': 'en' },
    });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { message: string } }).error.message).toBe(
      'Please sign in to continue.',
    );
  });
});
