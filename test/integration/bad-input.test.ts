import type { Runtime } from '../../src/runtime';
import type { TestClient } from './http-client';
import { loginAs, startTestRuntime } from './test-runtime';

/** The 500s and unnamed-field 400s the generated-request run (api-fuzz.test.ts) found, one request each. */
describe('bad input found by the generated requests', () => {
  let runtime: Runtime;
  let client: TestClient;

  beforeAll(async () => {
    ({ runtime } = await startTestRuntime({ workers: false }));
    client = await loginAs(runtime, 'it-bad-input', ['benefits', 'managers', 'process-owners', 'admins']);
  });

  afterAll(() => runtime.stop());

  const errorOf = (body: unknown) => (body as { error: { code: string; field?: string } }).error;

  it('a lone "%" or bytes that are not UTF-8 in a path parameter are a 400 naming the path, not a 500', async () => {
    for (const segment of ['%', '%zz', '%ED%A0%80']) {
      const res = await client.request('POST', `/api/cases/${segment}/break-glass`, {
        reason: 'x'.repeat(30),
      });
      expect({ status: res.status, ...errorOf(res.body) }).toMatchObject({
        status: 400,
        code: 'validation',
        field: 'path',
      });
    }
  });

  it('a body that is not an object (array, string, null) names the body', async () => {
    for (const body of [[], 'tekst', null, 42]) {
      const res = await client.request('POST', '/api/benefits/calculate', body);
      expect({ status: res.status, field: errorOf(res.body).field }).toEqual({ status: 400, field: 'body' });
    }
  });

  it('a malformed path id names its parameter (id, key)', async () => {
    const cases: [string, string, string][] = [
      ['POST', '/api/cases/nie-uuid/break-glass', 'id'],
      ['POST', '/api/decisions/-1/events', 'id'],
      ['POST', '/api/tasks/__proto__!/claim', 'key'],
      ['GET', '/api/models/migration/batches/%3Cscript%3E', 'id'],
    ];
    for (const [method, path, field] of cases) {
      const res = await client.request(method, path, method === 'POST' ? {} : undefined);
      expect({ path, status: res.status, field: errorOf(res.body).field }).toEqual({
        path,
        status: 400,
        field,
      });
    }
  });

  it('a NUL character (PostgreSQL text cannot hold it) is a 400 naming the field, and nothing is saved', async () => {
    const sitesBefore = await runtime.db.query('SELECT count(*)::int AS n FROM sites');
    const site = await client.request('PUT', '/api/centre/sites/filia-nul', {
      name: 'Filia\u0000Północ',
      address: 'ul. Długa 1, 00-001 Warszawa',
    });
    expect({ status: site.status, field: errorOf(site.body).field }).toEqual({ status: 400, field: 'name' });
    const sitesAfter = await runtime.db.query('SELECT count(*)::int AS n FROM sites');
    expect(sitesAfter).toEqual(sitesBefore);
    const workload = await client.request('GET', '/api/monitoring/workload?person=a%00b');
    expect({ status: workload.status, field: errorOf(workload.body).field }).toEqual({
      status: 400,
      field: 'person',
    });
    const nested = await client.request('POST', '/api/benefits/calculate', {
      date: '2025-06-01',
      householdSize: 1,
      householdIncomeGrosze: 0,
      extra: { list: ['ok', 'x\u0000'] },
    });
    expect(errorOf(nested.body).field).toBe('extra.list.1');
  });
});
