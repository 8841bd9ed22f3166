import type { Runtime } from '../../src/runtime';
import type { TestClient } from './http-client';
import { loginAs, startTestRuntime } from './test-runtime';

/** The centre as data: administrators change the organ, numbering, sites and districts without code. */
describe('centre configuration', () => {
  let runtime: Runtime;
  let admin: TestClient;

  beforeAll(async () => {
    ({ runtime } = await startTestRuntime({ workers: false }));
    admin = await loginAs(runtime, 'it-admin-centre', ['admins']);
  });

  afterAll(async () => {
    await runtime.stop();
  });

  it('changes the organ and the numbering, and logs what was there before', async () => {
    const { centre } = (await admin.request('GET', '/api/centre')).body as {
      centre: Record<string, string | null>;
    };
    const { id: _id, ...editable } = centre;
    const changed = {
      ...editable,
      organNameGenitive: 'Dyrektora Miejskiego Ośrodka Pomocy Społecznej w Przykładowie',
      certificateNumberPattern: 'MOPS.ZAS.{n}.{yyyy}',
    };
    expect((await admin.request('PUT', '/api/centre', changed)).status).toBe(204);
    const after = (await admin.request('GET', '/api/centre')).body as { centre: Record<string, string> };
    expect(after.centre.organNameGenitive).toBe(changed.organNameGenitive);
    const [audit] = await runtime.db.query<{ details: { before: Record<string, string> } }>(
      `SELECT details FROM audit_log WHERE action = 'centre-config-changed' AND entity = 'centre' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit?.details.before.organName).toBe(centre.organName);

    const bad = await admin.request('PUT', '/api/centre', { ...changed, caseNumberPattern: 'MOPS.{n}' });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { field: string } }).error.field).toBe('caseNumberPattern');
  });

  it('adds a site and a district whose streets belong to no other district', async () => {
    expect(
      (
        await admin.request('PUT', '/api/centre/sites/filia-poludnie', {
          name: 'Filia Południe',
          address: 'ul. Ogrodowa 3',
          openingHours: 'pn-pt: 8:00–16:00; sob: 9:00–12:00',
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await admin.request('PUT', '/api/centre/districts/rejon-3', {
          name: 'Rejon 3 — Południe',
          siteId: 'filia-poludnie',
          streets: 'Ogrodowa\nWiśniowa, Ogrodowa',
        })
      ).status,
    ).toBe(204);
    const config = (await admin.request('GET', '/api/centre')).body as {
      sites: { id: string; openingHours: string }[];
      districts: { id: string; streets: string[] }[];
    };
    expect(config.sites.find((s) => s.id === 'filia-poludnie')?.openingHours).toBe(
      'pn-pt: 8:00–16:00; sob: 9:00–12:00',
    );
    expect(config.districts.find((d) => d.id === 'rejon-3')?.streets).toEqual(['Ogrodowa', 'Wiśniowa']);

    // Leśna is in rejon-2: one street, one district
    const taken = await admin.request('PUT', '/api/centre/districts/rejon-3', {
      name: 'Rejon 3 — Południe',
      siteId: 'filia-poludnie',
      streets: 'Leśna',
    });
    expect(taken.status).toBe(400);
    expect((taken.body as { error: { field: string; message: string } }).error).toMatchObject({
      field: 'streets',
      message: expect.stringContaining('rejon-2') as string,
    });
    const badHours = await admin.request('PUT', '/api/centre/sites/filia-poludnie', {
      name: 'Filia Południe',
      address: 'ul. Ogrodowa 3',
      openingHours: 'zawsze',
    });
    expect((badHours.body as { error: { field: string } }).error.field).toBe('openingHours');
  });

  it('shows the page to administrators only and keeps what was typed when a form fails', async () => {
    const page = await admin.request('GET', '/admin/osrodek');
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('Filia Południe');
    const manager = await loginAs(runtime, 'it-manager-centre', ['managers']);
    expect((await manager.request('GET', '/admin/osrodek')).status).toBe(403);
    expect((await manager.request('GET', '/api/centre')).status).toBe(403);
  });
});
