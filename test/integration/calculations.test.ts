import type { Runtime } from '../../src/runtime';
import { TestClient } from './http-client';
import { loginAs, startTestRuntime } from './test-runtime';

describe('calculation endpoints used by the forms', () => {
  let runtime: Runtime;
  let client: TestClient;

  beforeAll(async () => {
    ({ runtime } = await startTestRuntime({ workers: false }));
    client = await loginAs(runtime, 'it-calc', ['benefits']);
  });

  afterAll(() => runtime.stop());

  it('computes the criterion and both benefits for a family of four with 2000 zł', async () => {
    const res = await client.request('POST', '/api/benefits/calculate', {
      date: '2025-06-01',
      householdSize: 4,
      householdIncomeGrosze: 200000,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      criterionGrosze: 329200,
      incomePerPersonGrosze: 50000,
      eligible: true,
      periodic: { minGrosze: 64600, maxGrosze: 129200 },
      permanent: { eligible: true, amountGrosze: 56990 },
      parametersValidFrom: '2025-01-01',
    });
    expect((res.body as { legalBasis: { criterion: string } }).legalBasis.criterion).toMatch(/art\. 8/);
  });

  it('names the wrong field with a 400', async () => {
    const size = await client.request('POST', '/api/benefits/calculate', {
      date: '2025-06-01',
      householdSize: 0,
      householdIncomeGrosze: 1,
    });
    expect(size.status).toBe(400);
    expect((size.body as { error: { field: string } }).error.field).toBe('householdSize');
    const date = await client.request('GET', '/api/calendar/deadline?from=2025-13-01&workingDays=2');
    expect(date.status).toBe(400);
    expect((date.body as { error: { field: string } }).error.field).toBe('from');
  });

  it('counts working days across the 2025 Christmas holidays', async () => {
    const res = await client.request('GET', '/api/calendar/deadline?from=2025-12-23&workingDays=1');
    expect(res.body).toEqual({ due: '2025-12-29' });
  });

  it('asks for a session', async () => {
    expect(
      (
        await new TestClient(runtime.url).request(
          'GET',
          '/api/calendar/deadline?from=2025-12-23&workingDays=1',
        )
      ).status,
    ).toBe(401);
  });
});
