import { createUserIfMissing } from '../../src/auth/users';
import { createLogger } from '../../src/logger';
import { startRuntime, type Runtime } from '../../src/runtime';
import { eventually, TestClient } from './http-client';
import { testConfig } from './test-config';

interface Task {
  userTaskKey: string;
  processInstanceKey: string;
  elementId: string;
  caseId: string | null;
  caseNumber: string | null;
  clientName: string | null;
}

describe('first slice: an application walks first contact → register-case → benefits review, over HTTP', () => {
  let runtime: Runtime;
  let caseId = '';
  const clerk = { login: 'it-clerk', password: 'haslo-testowe-1' };
  const officer = { login: 'it-officer', password: 'haslo-testowe-2' };

  beforeAll(async () => {
    const config = testConfig();
    runtime = await startRuntime(config, createLogger(config), () => undefined);
    await createUserIfMissing(runtime.db, {
      ...clerk,
      displayName: 'Anna Recepcja',
      position: 'Pracownik socjalny',
      site: 'A',
      roles: ['first-contact'],
    });
    await createUserIfMissing(runtime.db, {
      ...officer,
      displayName: 'Jan Świadczenia',
      position: 'Specjalista',
      site: 'A',
      roles: ['benefits'],
    });
  });

  afterAll(async () => {
    await runtime.stop();
  });

  async function openTask(client: TestClient, group: string, processInstanceKey: string, elementId: string) {
    return eventually(async () => {
      const res = await client.request('GET', `/api/tasks?group=${group}`);
      const items = (res.body as { items: Task[] }).items;
      return items.find((t) => t.processInstanceKey === processInstanceKey && t.elementId === elementId);
    }, `zadanie ${elementId}`);
  }

  it('completes the instance in the engine and leaves the case in the case file', async () => {
    // given two people of two teams
    const front = new TestClient(runtime.url);
    await front.login(clerk.login, clerk.password);
    const benefits = new TestClient(runtime.url);
    await benefits.login(officer.login, officer.password);

    // when first contact starts an application and fills in the intake
    const started = await front.request('POST', '/api/applications', { channel: 'in-person' });
    expect(started.status).toBe(201);
    const { processInstanceKey } = started.body as { processInstanceKey: string };
    expect(processInstanceKey).toMatch(/^\d+$/);

    const intake = await openTask(front, 'first-contact', processInstanceKey, 'receive-application');
    expect((await front.request('POST', `/api/tasks/${intake.userTaskKey}/claim`)).status).toBe(204);

    const badPesel = await front.request('POST', `/api/tasks/${intake.userTaskKey}/complete`, {
      firstName: 'Zofia',
      lastName: 'Żółćińska',
      pesel: '44051401358',
      need: 'Brak środków na opał',
    });
    expect(badPesel.status).toBe(400);
    expect((badPesel.body as { error: { field: string } }).error.field).toBe('pesel');

    const done = await front.request('POST', `/api/tasks/${intake.userTaskKey}/complete`, {
      firstName: 'Zofia',
      lastName: 'Żółćińska',
      pesel: '44051401359',
      need: 'Brak środków na opał',
    });
    expect(done.status).toBe(204);

    // then the worker registers the case and the benefits team sees the review with the case joined
    const review = await openTask(benefits, 'benefits', processInstanceKey, 'review-application');
    const withCase = await eventually(async () => {
      const res = await benefits.request('GET', '/api/tasks?group=benefits');
      const task = (res.body as { items: Task[] }).items.find((t) => t.userTaskKey === review.userTaskKey);
      return task?.caseNumber ? task : undefined;
    }, 'znak sprawy przy zadaniu');
    expect(withCase.caseNumber).toMatch(/^MOPS\.ŚW\.5011\.\d+\.\d{4}$/);
    expect(withCase.clientName).toBe('Zofia Żółćińska');
    caseId = withCase.caseId ?? '';

    // a person of another team can neither see nor claim it
    expect((await front.request('GET', '/api/tasks?group=benefits')).status).toBe(403);
    expect((await front.request('POST', `/api/tasks/${review.userTaskKey}/claim`)).status).toBe(403);
    expect(
      (await front.request('POST', `/api/tasks/${review.userTaskKey}/complete`, { decision: 'grant' }))
        .status,
    ).toBe(403);
    expect((await front.request('GET', `/zadania/${review.userTaskKey}`)).status).toBe(403);

    expect((await benefits.request('POST', `/api/tasks/${review.userTaskKey}/claim`)).status).toBe(204);
    expect(
      (await benefits.request('POST', `/api/tasks/${review.userTaskKey}/complete`, { decision: 'grant' }))
        .status,
    ).toBe(204);

    // the engine finished the instance: its records say so, and it no longer knows it as active
    const state = await eventually(async () => {
      const [row] = await runtime.db.query<{ state: string }>(
        'SELECT state FROM process_instances WHERE process_instance_key = $1',
        [processInstanceKey],
      );
      return row?.state === 'COMPLETED' ? row.state : undefined;
    }, 'zakończenie instancji');
    expect(state).toBe('COMPLETED');
    await expect(
      runtime.engine.getZeebeGrpcApiClient().cancelProcessInstance(processInstanceKey),
    ).rejects.toThrow(/NOT_FOUND|not found/i);

    const cases = await runtime.db.query<{ case_number: string; pesel: string }>(
      `SELECT c.case_number, cl.pesel FROM cases c JOIN clients cl ON cl.id = c.client_id WHERE c.process_instance_key = $1`,
      [processInstanceKey],
    );
    expect(cases).toEqual([{ case_number: withCase.caseNumber, pesel: '44051401359' }]);

    // completing it again is a clear conflict, not an error page
    const again = await benefits.request('POST', `/api/tasks/${review.userTaskKey}/complete`, {
      decision: 'grant',
    });
    expect(again.status).toBe(409);
  });

  it('opens the case file only for allowed people and logs every read', async () => {
    // given the case of the first test, a benefits officer and a social worker outside the case
    const social = { login: 'it-social', password: 'haslo-testowe-3' };
    await createUserIfMissing(runtime.db, {
      ...social,
      displayName: 'Ewa Socjalna',
      position: 'Pracownik socjalny',
      site: 'A',
      roles: ['social-work'],
    });
    const benefits = new TestClient(runtime.url);
    await benefits.login(officer.login, officer.password);
    const outsider = new TestClient(runtime.url);
    await outsider.login(social.login, social.password);

    // when they open it
    const file = await benefits.request('GET', `/api/cases/${caseId}`);
    const denied = await outsider.request('GET', `/api/cases/${caseId}`);

    // then only the team that worked on it sees it, and the read is in the audit log
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({ client: { lastName: 'Żółćińska', pesel: '44051401359' } });
    expect((file.body as { timeline: { what: string }[] }).timeline.map((t) => t.what)).toEqual(
      expect.arrayContaining(['Przyjęcie wniosku', 'Założenie sprawy', 'Rozpatrzenie wniosku']),
    );
    expect(denied.status).toBe(403);
    const audit = await runtime.db.query(
      `SELECT 1 FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.action = 'case-read' AND a.entity_id = $1 AND u.login = $2`,
      [caseId, officer.login],
    );
    expect(audit).toHaveLength(1);

    // attachments: a PNG is kept, a text file is refused naming the field
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const upload = await fetch(`${runtime.url}/api/cases/${caseId}/attachments`, {
      method: 'POST',
      headers: {
        ...benefits.headers(),
        'content-type': 'application/octet-stream',
        'x-file-name': 'skan.png',
      },
      body: png,
    });
    expect(upload.status).toBe(201);
    const text = await fetch(`${runtime.url}/api/cases/${caseId}/attachments`, {
      method: 'POST',
      headers: { ...benefits.headers(), 'content-type': 'application/octet-stream', 'x-file-name': 'a.txt' },
      body: Buffer.from('to nie jest skan'),
    });
    expect(text.status).toBe(400);
    expect(((await text.json()) as { error: { field: string } }).error.field).toBe('file');
  });

  it('refuses requests without a session or without the CSRF token', async () => {
    const anonymous = new TestClient(runtime.url);
    expect((await anonymous.request('GET', '/api/tasks')).status).toBe(401);
    const front = new TestClient(runtime.url);
    await front.login(clerk.login, clerk.password);
    expect((await front.withoutCsrf().request('POST', '/api/applications', {})).status).toBe(403);
  });

  it('reports engine, database and workers on /health', async () => {
    const res = await new TestClient(runtime.url).request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      engine: { healthy: true },
      database: { healthy: true },
      workers: { types: expect.arrayContaining(['register-case', 'compute-due-date']) as unknown },
    });
  });
});
