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

  describe('KPA terms (art. 57): kind=kpa-days&days=N and kind=kpa-months&months=N', () => {
    const deadline = (query: string) => client.request('GET', `/api/calendar/deadline?${query}`);
    const errorOf = async (query: string) => {
      const res = await deadline(query);
      return { status: res.status, ...(res.body as { error: { field: string; message: string } }).error };
    };

    it('moves a month term ending on Saturday 28 Feb 2026 to Monday 2 March, and says where it nominally ended', async () => {
      const res = await deadline('from=2026-01-31&kind=kpa-months&months=1');
      expect(res).toEqual({ status: 200, body: { due: '2026-03-02', termEnd: '2026-02-28' } });
    });

    it('moves a day term ending on 26 Dec 2026 (a holiday and a Saturday) past Sunday to Monday 28 Dec', async () => {
      const res = await deadline('from=2026-12-12&kind=kpa-days&days=14');
      expect(res).toEqual({ status: 200, body: { due: '2026-12-28', termEnd: '2026-12-26' } });
    });

    it('keeps working days as before: the default kind and the explicit one give { due } only', async () => {
      expect((await deadline('from=2025-12-23&workingDays=1')).body).toEqual({ due: '2025-12-29' });
      expect((await deadline('from=2025-12-23&kind=working-days&workingDays=1')).body).toEqual({
        due: '2025-12-29',
      });
    });

    it('names the missing, foreign or wrong field with a 400 and a Polish message', async () => {
      expect(await errorOf('from=2026-01-31&kind=kpa-days')).toMatchObject({
        status: 400,
        field: 'days',
        message: 'Pole „days”: podaj liczbę dni terminu',
      });
      expect(await errorOf('from=2026-01-31&kind=kpa-months&days=3')).toMatchObject({
        status: 400,
        field: 'months',
        message: 'Pole „months”: podaj liczbę miesięcy terminu',
      });
      expect(await errorOf('from=2026-01-31&kind=kpa-months&months=1&workingDays=2')).toMatchObject({
        status: 400,
        field: 'workingDays',
        message: 'Pole „workingDays”: dotyczy tylko terminu w dniach roboczych (kind=working-days)',
      });
      expect(await errorOf('from=2026-01-31&kind=kpa-weeks&days=2')).toMatchObject({
        status: 400,
        field: 'kind',
        message: 'Pole „kind”: dozwolone wartości: working-days, kpa-days lub kpa-months',
      });
      expect(await errorOf('from=2026-01-31&kind=kpa-days&days=-1')).toMatchObject({
        status: 400,
        field: 'days',
      });
      expect(await errorOf('from=2026-02-30&kind=kpa-days&days=1')).toMatchObject({
        status: 400,
        field: 'from',
        message: 'Pole „from”: data 2026-02-30 nie istnieje lub jest spoza kalendarza gregoriańskiego',
      });
    });
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
