import { randomUUID } from 'node:crypto';
import type { Runtime } from '../../src/runtime';
import { clientCase, grantedDecision, teamWorkedOnCase } from './case-file-fixtures';
import type { TestClient } from './http-client';
import type { TestClock } from './test-clock';
import { testConfig } from './test-config';
import { loginAs, startTestRuntime } from './test-runtime';

/** A valid PESEL (checksum and birth date) no other test uses. */
function freshPesel(): string {
  const n = Math.floor(Math.random() * 10_000);
  const digits = [8, 5, 0, 3, 1, 2, ...String(n).padStart(4, '0')].map(Number);
  const sum = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3].reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  return `${digits.join('')}${(10 - (sum % 10)) % 10}`;
}

/**
 * Issue 10, access (RODO art. 5 and 9): need-to-know with a grace period, the Niebieska Karta rule, the summary for
 * first contact, break-glass audited and listed for managers, decision events checked against the case, the same
 * 404 for unknown and forbidden ids, and audit_log append-only in the database — on the real engine and PostgreSQL.
 */
describe('case access (need-to-know, Niebieska Karta, break-glass, audit)', () => {
  let runtime: Runtime;
  let clock: TestClock;
  let benefits: TestClient;
  let violenceTeam: TestClient;
  let clerk: TestClient;
  let manager: TestClient;

  beforeAll(async () => {
    ({ runtime, clock } = await startTestRuntime({ workers: false }));
    benefits = await loginAs(runtime, 'acc-benefits', ['benefits']);
    violenceTeam = await loginAs(runtime, 'acc-nk', ['violence-response']);
    clerk = await loginAs(runtime, 'acc-clerk', ['first-contact']);
    manager = await loginAs(runtime, 'acc-manager', ['managers']);
  });

  afterAll(() => clock.resetAfterStop());

  const unknownCase = {
    status: 404,
    body: { error: { code: 'not-found', message: 'Nie ma takiej sprawy.' } },
  };

  it('a benefits worker cannot read a violence-response case, even with a task on it; its team and managers can', async () => {
    const { caseId } = await clientCase(runtime.db, { pesel: freshPesel(), violence: true });
    await teamWorkedOnCase(runtime.db, caseId, 'benefits', clock.now());
    await teamWorkedOnCase(runtime.db, caseId, 'violence-response', clock.now());
    const refused = await benefits.request('GET', `/api/cases/${caseId}`);
    const unknown = await benefits.request('GET', `/api/cases/${randomUUID()}`);
    expect(refused).toMatchObject(unknownCase);
    expect(unknown).toMatchObject(unknownCase);
    expect((refused.body as { error: unknown }).error).toEqual((unknown.body as { error: unknown }).error);
    expect((await clerk.request('GET', `/api/cases/${caseId}`)).status).toBe(404);
    expect((await violenceTeam.request('GET', `/api/cases/${caseId}`)).status).toBe(200);
    expect((await manager.request('GET', `/api/cases/${caseId}`)).status).toBe(200);
  });

  it('a team reads a case while it has an open task or one closed within the grace period, not after', async () => {
    const { caseId } = await clientCase(runtime.db, { pesel: freshPesel() });
    expect((await benefits.request('GET', `/api/cases/${caseId}`)).status).toBe(404);
    const graceDays = testConfig().CASE_ACCESS_GRACE_DAYS;
    await teamWorkedOnCase(
      runtime.db,
      caseId,
      'benefits',
      new Date(clock.now().getTime() - (graceDays + 1) * 86_400_000),
    );
    expect((await benefits.request('GET', `/api/cases/${caseId}`)).status).toBe(404);
    await teamWorkedOnCase(runtime.db, caseId, 'benefits', new Date(clock.now().getTime() - 86_400_000));
    expect((await benefits.request('GET', `/api/cases/${caseId}`)).status).toBe(200);
  });

  it('first contact sees only the summary of the duplicate check, and not a violence-response case at all', async () => {
    const pesel = freshPesel();
    const ordinary = await clientCase(runtime.db, { pesel });
    const violence = await clientCase(runtime.db, { pesel, violence: true });
    const lookup = await clerk.request('GET', `/api/clients/lookup?pesel=${pesel}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body).toEqual({
      found: true,
      client: { firstName: 'Ewa', lastName: 'Poufna' },
      openCases: [{ caseId: ordinary.caseId, caseNumber: ordinary.caseNumber }],
    });
    expect((await clerk.request('GET', `/api/cases/${ordinary.caseId}`)).status).toBe(404);
    const byManager = await manager.request('GET', `/api/clients/lookup?pesel=${pesel}`);
    expect((byManager.body as { openCases: unknown[] }).openCases).toHaveLength(2);
    expect(violence.caseId).not.toBe(ordinary.caseId);
    const audit = await runtime.db.query<{ details: { by: string } }>(
      `SELECT a.details FROM audit_log a JOIN users u ON u.id = a.user_id
        WHERE a.action = 'client-lookup' AND u.login = 'acc-clerk'`,
    );
    expect(audit.map((a) => a.details.by)).toContain('pesel');
    // a search of the inbox by PESEL or surname is audited too
    expect((await clerk.request('GET', `/api/tasks?q=${pesel}`)).status).toBe(200);
    expect((await clerk.request('GET', '/api/tasks?q=Poufna')).status).toBe(200);
    const searches = await runtime.db.query<{ details: { by: string } }>(
      `SELECT a.details FROM audit_log a JOIN users u ON u.id = a.user_id
        WHERE a.action = 'inbox-search' AND u.login = 'acc-clerk' ORDER BY a.id`,
    );
    expect(searches.map((a) => a.details.by)).toEqual(['pesel', 'case-number-or-surname']);
  });

  it('break-glass opens a case only with a reason, is audited as such and listed for managers only', async () => {
    const { caseId, caseNumber } = await clientCase(runtime.db, { pesel: freshPesel(), violence: true });
    const short = await benefits.request('POST', `/api/cases/${caseId}/break-glass`, { reason: 'bo tak' });
    expect(short.status).toBe(400);
    expect(
      (
        await benefits.request('POST', `/api/cases/${randomUUID()}/break-glass`, {
          reason: 'Zagrożenie życia dziecka, pilna interwencja',
        })
      ).status,
    ).toBe(404);
    const reason = 'Zagrożenie życia dziecka, pilna interwencja w nocy';
    const opened = await benefits.request('POST', `/api/cases/${caseId}/break-glass`, { reason });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ id: caseId, caseNumber });
    const [row] = await runtime.db.query<{ details: { reason: string; channel: string } }>(
      `SELECT a.details FROM audit_log a JOIN users u ON u.id = a.user_id
        WHERE a.action = 'case-read-break-glass' AND a.entity_id = $1 AND u.login = 'acc-benefits'`,
      [caseId],
    );
    expect(row?.details).toEqual({ channel: 'api', reason });
    expect((await benefits.request('GET', '/api/audit/break-glass')).status).toBe(403);
    const list = await manager.request('GET', '/api/audit/break-glass');
    expect(list.status).toBe(200);
    expect(list.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ caseId, caseNumber, login: 'acc-benefits', reason }),
      ]),
    );
    // the ordinary read stays refused: break-glass opens one read, not the case
    expect((await benefits.request('GET', `/api/cases/${caseId}`)).status).toBe(404);
  });

  it('refuses a forged decision event from another team like an unknown decision', async () => {
    const { caseId, decisionId } = await grantedDecision(runtime.db, {
      amountGrosze: 40_000,
      from: '2026-12-01',
      to: '2027-01-31',
      method: 'transfer',
    });
    await runtime.db.query(
      `UPDATE decisions SET status = 'issued', issued_on = '2026-12-01', dispatched_on = '2026-12-01' WHERE id = $1`,
      [decisionId],
    );
    const waiver = { kind: 'delivered', deliveredOn: '2026-12-02' };
    const forged = await clerk.request('POST', `/api/decisions/${decisionId}/events`, waiver);
    const unknown = await clerk.request('POST', `/api/decisions/${randomUUID()}/events`, waiver);
    expect(forged.status).toBe(404);
    expect((forged.body as { error: unknown }).error).toEqual((unknown.body as { error: unknown }).error);
    expect((await benefits.request('POST', `/api/decisions/${decisionId}/events`, waiver)).status).toBe(404);
    const [waived] = await runtime.db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM audit_log WHERE action = 'decision-event' AND entity_id = $1`,
      [decisionId],
    );
    expect(waived?.n).toBe('0');
    // the team working on the case records it
    await teamWorkedOnCase(runtime.db, caseId, 'benefits', clock.now());
    expect((await benefits.request('POST', `/api/decisions/${decisionId}/events`, waiver)).status).toBe(202);
  });

  it('audit_log is append-only in the database: UPDATE, DELETE and TRUNCATE fail', async () => {
    const [row] = await runtime.db.query<{ id: string }>(
      `INSERT INTO audit_log (action, entity, details) VALUES ('probe', 'test', '{}') RETURNING id`,
    );
    await expect(
      runtime.db.query(`UPDATE audit_log SET action = 'changed' WHERE id = $1`, [row?.id]),
    ).rejects.toThrow(/tylko do dopisywania/);
    await expect(runtime.db.query('DELETE FROM audit_log WHERE id = $1', [row?.id])).rejects.toThrow(
      /tylko do dopisywania/,
    );
    await expect(runtime.db.query('TRUNCATE audit_log')).rejects.toThrow(/tylko do dopisywania/);
    const [still] = await runtime.db.query<{ action: string }>('SELECT action FROM audit_log WHERE id = $1', [
      row?.id,
    ]);
    expect(still?.action).toBe('probe');
  });

  describe('login limit (in the database, per account and per address)', () => {
    async function attempt(
      login: string,
      password: string,
      address: string,
    ): Promise<{ status: number; ms: number }> {
      const started = performance.now();
      const res = await fetch(`${runtime.url}/api/session`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-forwarded-for': address,
        },
        body: JSON.stringify({ login, password }),
      });
      await res.text();
      return { status: res.status, ms: performance.now() - started };
    }
    const max = () => testConfig().LOGIN_MAX_FAILURES;

    it('blocks an account after too many failures, from whatever address, and then even the right password', async () => {
      await loginAs(runtime, 'acc-victim', ['benefits']);
      for (let i = 0; i < max(); i++)
        expect((await attempt('acc-victim', 'zle-haslo', `198.51.100.${i + 1}`)).status).toBe(401);
      const [row] = await runtime.db.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM login_failures WHERE login = 'acc-victim'`,
      );
      expect(Number(row?.n)).toBe(max());
      expect((await attempt('acc-victim', 'haslo-acc-victim-testowe', '198.51.100.200')).status).toBe(429);
      expect((await attempt('acc-other', 'haslo-acc-other-testowe', '198.51.100.201')).status).not.toBe(429);
    });

    it('blocks an address after too many failures, whatever the account', async () => {
      await loginAs(runtime, 'acc-innocent', ['benefits']);
      for (let i = 0; i < max(); i++)
        expect((await attempt(`nikt-${i}`, 'zle-haslo', '203.0.113.7')).status).toBe(401);
      expect((await attempt('acc-innocent', 'haslo-acc-innocent-testowe', '203.0.113.7')).status).toBe(429);
      expect((await attempt('acc-innocent', 'haslo-acc-innocent-testowe', '203.0.113.8')).status).toBe(201);
    });

    it('an unknown login costs about the same time as a wrong password (scrypt of a dummy hash)', async () => {
      await loginAs(runtime, 'acc-timing', ['benefits']);
      const unknown: number[] = [];
      const wrong: number[] = [];
      for (let i = 0; i < 4; i++) {
        unknown.push((await attempt(`nieznany-${i}`, 'zle-haslo', `192.0.2.${i + 1}`)).ms);
        wrong.push((await attempt('acc-timing', 'zle-haslo', `192.0.2.${i + 101}`)).ms);
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
      expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
      expect(median(unknown)).toBeLessThan(median(wrong) * 2);
    });
  });
});
