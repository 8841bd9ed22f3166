import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import type { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { createPgDatabase } from '../../src/db/pg-database';
import { readCaseFile } from '../../src/cases/case-file';
import { listOpenIncidents } from '../../src/incidents/incidents';
import { createLogger } from '../../src/logger';
import { modelCoverage } from '../../src/projection/coverage';
import type { FeedEvent } from '../../src/projection/feed-event';
import { pruneEngineEvents } from '../../src/projection/prune-events';
import { errorHandler } from '../../src/web/error-handler';
import { requestContext } from '../../src/web/middleware/request-context';
import { engineEventRoutes } from '../../src/web/routes/engine-events';
import { feedEvent } from '../unit/feed-event-fixture';
import { TEST_DATABASE_URL } from './test-config';

const TOKEN = `feed-${randomUUID()}`;

/**
 * The engine host's event feed into the projection, over HTTP against PostgreSQL: the route exactly as createApp
 * mounts it (before sessions and CSRF), each event id applied once, task state forward only, one incident row per
 * root cause, and the coverage and retention that read engine_events.
 */
describe('POST /internal/engine-events', () => {
  let db: Database;
  let server: Server;
  let base: string;
  let seq = 1_000_000 * (1 + (Date.now() % 1000));

  beforeAll(async () => {
    db = createPgDatabase(TEST_DATABASE_URL);
    const log = createLogger({ LOG_LEVEL: 'error', NODE_ENV: 'test', LOG_FORMAT: 'json' });
    await migrate(db, log);
    const app = express();
    app.use(requestContext(log));
    app.use(engineEventRoutes({ db, log, feedToken: TOKEN }));
    app.use(errorHandler);
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    // the made-up events leave the shared log (their seqs would be far ahead of the real host's)
    await db.query('DELETE FROM engine_events WHERE id = ANY($1)', [[...posted]]);
    await db.close();
  });

  /** Every event id this file sent, removed again after it. */
  const posted = new Set<string>();

  const post = async (body: unknown, token: string | null = TOKEN, raw?: string) => {
    for (const event of (body as { events?: { id?: unknown }[] } | null)?.events ?? []) {
      if (typeof event?.id === 'string') posted.add(event.id);
    }
    const res = await fetch(`${base}/internal/engine-events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      body: raw ?? JSON.stringify(body),
    });
    return {
      status: res.status,
      header: res.headers.get('www-authenticate'),
      body: (await res.json()) as Record<string, unknown>,
    };
  };

  /** A process instance of a test process: its ids, and events about it in seq order. */
  const instance = (processKey: string, root?: string) => {
    const id: string = randomUUID();
    const ids = {
      processInstanceId: id,
      rootProcessInstanceId: root ?? id,
      processDefinitionId: `${processKey}:1:${randomUUID()}`,
      processDefinitionKey: processKey,
      processDefinitionVersion: 1,
    };
    return {
      id,
      event: (fields: Partial<FeedEvent> & { type: string }) =>
        feedEvent({ ...ids, seq: (seq += 1), ...fields }),
    };
  };

  const taskRow = async (taskId: string) =>
    (await db.query('SELECT * FROM user_tasks WHERE user_task_key = $1', [taskId]))[0];

  it('applies a batch once: delivered again, it changes nothing', async () => {
    const p = instance('it-feed-once');
    const taskId = randomUUID();
    const task = {
      taskId,
      elementId: 'review',
      activityInstanceId: `review:${randomUUID()}`,
      candidateGroups: ['benefits', 'managers'],
      formRef: 'review-form',
      name: 'Przegląd wniosku',
    };
    const batch = {
      events: [
        p.event({ type: 'process-started', businessKey: 'MOPS/1/2026', superProcessInstanceId: null }),
        p.event({
          type: 'activity-started',
          elementId: 'review',
          elementType: 'userTask',
          activityInstanceId: task.activityInstanceId,
        }),
        p.event({ type: 'task-created', ...task, due: '2026-12-10T09:00:00Z', priority: 60 }),
        p.event({
          type: 'task-updated',
          ...task,
          assignee: 'anna',
          due: '2026-12-10T09:00:00Z',
          priority: 60,
        }),
        p.event({ type: 'job-retried' }),
      ],
    };
    const snapshot = async () => ({
      tasks: await db.query('SELECT * FROM user_tasks WHERE process_instance_key = $1', [p.id]),
      instances: await db.query('SELECT * FROM process_instances WHERE process_instance_key = $1', [p.id]),
      events: await db.query<{ id: string; seq: string; type: string }>(
        'SELECT id, seq, type FROM engine_events WHERE process_instance_id = $1 ORDER BY seq',
        [p.id],
      ),
    });

    const first = await post(batch);
    const afterFirst = await snapshot();
    const second = await post(batch);

    expect(first).toMatchObject({ status: 200, body: { applied: 5 } });
    expect(second).toMatchObject({ status: 200, body: { applied: 0 } });
    expect(await snapshot()).toEqual(afterFirst);
    expect(afterFirst.events.map((e) => e.type)).toEqual([
      'process-started',
      'activity-started',
      'task-created',
      'task-updated',
      'job-retried',
    ]);
    expect(afterFirst.tasks).toHaveLength(1);
    expect(afterFirst.tasks[0]).toMatchObject({
      user_task_key: taskId,
      process_instance_key: p.id,
      root_process_instance_key: p.id,
      bpmn_process_id: 'it-feed-once',
      element_id: 'review',
      element_instance_key: task.activityInstanceId,
      candidate_groups: ['benefits', 'managers'],
      assignee: 'anna',
      form_key: 'review-form',
      due_date: '2026-12-10T09:00:00Z',
      due_at: new Date('2026-12-10T09:00:00Z'),
      priority: 60,
      name: 'Przegląd wniosku',
      state: 'CREATED',
    });
    expect(afterFirst.instances[0]).toMatchObject({
      state: 'ACTIVE',
      bpmn_process_id: 'it-feed-once',
      version: 1,
    });
  });

  it('never lets an older task event overwrite newer state', async () => {
    const p = instance('it-feed-order');
    const task = {
      taskId: randomUUID(),
      elementId: 'decide',
      activityInstanceId: `decide:${randomUUID()}`,
      candidateGroups: ['benefits'],
    };
    const created = p.event({ type: 'task-created', ...task, at: '2026-12-01T08:00:00.000Z' });
    const claimedByAnna = p.event({ type: 'task-updated', ...task, assignee: 'anna' });
    const claimedByPiotr = p.event({ type: 'task-updated', ...task, assignee: 'piotr' });
    // the host reads the groups after the engine removed the links: a completed task arrives without them
    const completed = p.event({ type: 'task-completed', ...task, assignee: 'piotr', candidateGroups: [] });

    expect((await post({ events: [created, claimedByPiotr, completed] })).body).toEqual({ applied: 3 });
    // an event the projection never saw, older than what it holds, arrives late; then a plain redelivery
    expect((await post({ events: [claimedByAnna] })).body).toEqual({ applied: 1 });
    expect((await post({ events: [claimedByPiotr] })).body).toEqual({ applied: 0 });

    expect(await taskRow(task.taskId)).toMatchObject({
      state: 'COMPLETED',
      assignee: 'piotr',
      candidate_groups: ['benefits'],
      last_position: String(completed.seq),
      created_at: new Date('2026-12-01T08:00:00.000Z'),
    });
  });

  it('shows a chain of propagated incidents as one root cause, retried by its external task', async () => {
    const root = instance('it-feed-case');
    const team = instance('it-feed-team', root.id);
    const step = instance('it-feed-step', root.id);
    const rootCause = randomUUID();
    const onTeam = randomUUID();
    const onCase = randomUUID();
    const externalTaskId = randomUUID();
    const incident = (
      p: ReturnType<typeof instance>,
      type: string,
      incidentId: string,
      cause: string,
      elementId: string,
    ) =>
      p.event({
        type,
        incidentId,
        causeIncidentId: cause,
        rootCauseIncidentId: rootCause,
        incidentType: 'failedExternalTask',
        elementId,
        incidentMessage: incidentId === rootCause ? 'Serwer pocztowy nie odpowiada (ECONNREFUSED)' : null,
        configuration: incidentId === rootCause ? externalTaskId : null,
      });
    await post({
      events: [
        root.event({ type: 'process-started' }),
        team.event({ type: 'process-started', superProcessInstanceId: root.id }),
        step.event({ type: 'process-started', superProcessInstanceId: team.id }),
        incident(step, 'incident-created', rootCause, rootCause, 'send-letter'),
        incident(team, 'incident-created', onTeam, rootCause, 'call-step'),
        incident(root, 'incident-created', onCase, onTeam, 'call-team'),
      ],
    });

    const open = (await listOpenIncidents(db)).filter((row) =>
      [root.id, team.id, step.id].includes(row.processInstanceKey),
    );
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      incidentKey: rootCause,
      processInstanceKey: step.id,
      elementId: 'send-letter',
      errorType: 'failedExternalTask',
      errorMessage: 'Serwer pocztowy nie odpowiada (ECONNREFUSED)',
      jobKey: externalTaskId,
    });
    const [tree] = await db.query(
      'SELECT parent_process_instance_key, root_process_instance_key FROM process_instances WHERE process_instance_key = $1',
      [step.id],
    );
    expect(tree).toEqual({ parent_process_instance_key: team.id, root_process_instance_key: root.id });

    // retries given back: Camunda 7 resolves the root cause and its copies
    await post({
      events: [
        incident(step, 'incident-resolved', rootCause, rootCause, 'send-letter'),
        incident(team, 'incident-resolved', onTeam, rootCause, 'call-step'),
        incident(root, 'incident-resolved', onCase, onTeam, 'call-team'),
      ],
    });
    expect((await listOpenIncidents(db)).filter((r) => r.incidentKey === rootCause)).toEqual([]);
    expect(
      await db.query('SELECT state FROM incidents WHERE incident_key = ANY($1)', [
        [rootCause, onTeam, onCase],
      ]),
    ).toEqual([{ state: 'RESOLVED' }]);
  });

  it('ends an instance as COMPLETED or TERMINATED, whichever event comes first', async () => {
    const done = instance('it-feed-end');
    const deleted = instance('it-feed-end');
    const started = done.event({ type: 'process-started', at: '2026-12-01T08:00:00.000Z' });
    const ended = done.event({ type: 'process-ended', state: 'COMPLETED', at: '2026-12-01T09:00:00.000Z' });
    await post({ events: [ended] });
    await post({ events: [started] });
    await post({
      events: [
        deleted.event({ type: 'process-started' }),
        deleted.event({
          type: 'process-ended',
          state: 'EXTERNALLY_TERMINATED',
          deleteReason: 'Sprawa wycofana',
        }),
      ],
    });
    const rows = await db.query(
      'SELECT process_instance_key, state, started_at, ended_at FROM process_instances WHERE process_instance_key = ANY($1)',
      [[done.id, deleted.id]],
    );
    expect(rows.find((r) => r.process_instance_key === done.id)).toMatchObject({
      state: 'COMPLETED',
      started_at: new Date('2026-12-01T08:00:00.000Z'),
      ended_at: new Date('2026-12-01T09:00:00.000Z'),
    });
    expect(rows.find((r) => r.process_instance_key === deleted.id)?.state).toBe('TERMINATED');
  });

  it('answers 401 without the token or with a wrong one, before reading the body', async () => {
    const batch = { events: [feedEvent({ type: 'flow-taken', elementId: 'f', seq: 1 })] };
    for (const token of [null, '', 'wrong', `${TOKEN}x`]) {
      const res = await post(batch, token);
      expect(res.status).toBe(401);
      expect(res.header).toBe('Bearer realm="mops-engine-feed"');
      expect(res.body).toMatchObject({ error: { code: 'unauthenticated' } });
    }
    expect((await post(undefined, null, '{not json')).status).toBe(401);
    const logged = await db.query('SELECT 1 FROM engine_events WHERE id = $1', [batch.events[0]!.id]);
    expect(logged).toEqual([]);
  });

  it('answers 400 naming the field of a malformed body, and applies nothing of it', async () => {
    const good = feedEvent({ type: 'flow-taken', elementId: 'f', seq: 1 });
    const cases: [unknown, string][] = [
      [
        { events: [good, { ...feedEvent({ type: 'flow-taken', elementId: 'f' }), seq: 'siedem' }] },
        'events.1.seq',
      ],
      [{ events: [{ ...good, id: randomUUID(), at: 'wczoraj' }] }, 'events.0.at'],
      [{ events: [feedEvent({ type: 'task-created' })] }, 'events.0.taskId'],
      [{ events: [{ ...good, id: randomUUID(), elementId: 'f\u0000' }] }, 'events'],
      [{ records: [] }, 'events'],
      [[], 'events'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect({ status: res.status, field: (res.body.error as { field: string }).field }).toEqual({
        status: 400,
        field,
      });
      expect((res.body.error as { message: string }).message).toContain(`„${field}”`);
    }
    const broken = await post(undefined, TOKEN, '{"events": [');
    expect(broken).toMatchObject({ status: 400, body: { error: { code: 'validation', field: 'body' } } });
    expect(await db.query('SELECT 1 FROM engine_events WHERE id = $1', [good.id])).toEqual([]);
  });

  it("gives the case file its timeline and current steps from the case's whole instance tree", async () => {
    const root = instance('it-feed-timeline');
    const team = instance('it-feed-timeline-team', root.id);
    const suffix = randomUUID().slice(0, 8);
    const [client] = await db.query<{ id: string }>(
      `INSERT INTO clients (first_name, last_name) VALUES ('Anna', 'Nowak') RETURNING id`,
    );
    const [intake] = await db.query<{ id: string }>(
      `INSERT INTO intakes (user_task_key, first_name, last_name, need) VALUES ($1, 'Anna', 'Nowak', 'pomoc') RETURNING id`,
      [`intake-${suffix}`],
    );
    const [c] = await db.query<{ id: string }>(
      `INSERT INTO cases (case_number, client_id, intake_id, process_instance_key, need)
       VALUES ($1, $2, $3, $4, 'pomoc') RETURNING id`,
      [`FEED.${suffix}`, client!.id, intake!.id, root.id],
    );
    const [manager] = await db.query<{ id: string }>(
      `INSERT INTO users (login, display_name, roles, password_hash) VALUES ($1, 'Kierownik', '{managers}', 'x') RETURNING id`,
      [`it-feed-${suffix}`],
    );
    await db.query(
      `INSERT INTO process_elements (bpmn_process_id, element_id, name, element_type) VALUES
         ('it-feed-timeline-team', 'interview', 'Wywiad środowiskowy', 'userTask')
       ON CONFLICT DO NOTHING`,
    );
    const step = (
      p: ReturnType<typeof instance>,
      type: string,
      elementId: string,
      elementType: string,
      canceled = false,
    ) =>
      p.event({
        type,
        elementId,
        elementType,
        activityInstanceId: `${elementId}:${p.id}`,
        canceled: type === 'activity-ended' ? canceled : null,
        at: type === 'activity-ended' ? '2026-12-02T09:00:00.000Z' : '2026-12-02T08:00:00.000Z',
      });
    const interview = {
      taskId: randomUUID(),
      elementId: 'interview',
      activityInstanceId: `interview:${team.id}`,
      candidateGroups: ['social-work'],
    };
    await post({
      events: [
        root.event({ type: 'process-started' }),
        step(root, 'activity-started', 'call-team', 'callActivity'),
        team.event({ type: 'process-started', superProcessInstanceId: root.id }),
        step(team, 'activity-started', 'interview', 'userTask'),
        team.event({ type: 'task-created', ...interview }),
        team.event({ type: 'task-completed', ...interview, assignee: 'ewa', deleteReason: 'completed' }),
        step(team, 'activity-ended', 'interview', 'userTask'),
        step(team, 'activity-started', 'visit', 'userTask'),
        step(team, 'activity-ended', 'visit', 'userTask', true),
        step(team, 'activity-started', 'no-contact', 'errorEndEvent'),
        step(team, 'activity-ended', 'no-contact', 'errorEndEvent', true),
        step(team, 'activity-started', 'gateway', 'exclusiveGateway'),
        step(team, 'activity-ended', 'gateway', 'exclusiveGateway'),
        step(team, 'activity-started', 'wait-letter', 'intermediateMessageCatch'),
      ],
    });

    const file = await readCaseFile(
      db,
      {
        id: manager!.id,
        login: `it-feed-${suffix}`,
        displayName: 'Kierownik',
        position: '',
        site: '',
        roles: ['managers'],
      },
      c!.id,
      'api',
    );

    expect(file.timeline).toEqual([
      { at: '2026-12-02T09:00:00.000Z', what: 'Wywiad środowiskowy', who: 'ewa', kind: 'engine' },
      { at: '2026-12-02T09:00:00.000Z', what: 'no-contact', who: null, kind: 'engine' },
    ]);
    expect([...file.activeElements].sort()).toEqual(['call-team', 'wait-letter']);
  });

  it('measures model coverage from the feed by the Camunda 7 rules', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'feed-coverage-'));
    const processKey = `it-feed-coverage-${randomUUID().slice(0, 8)}`;
    await writeFile(
      path.join(dir, 'coverage.bpmn'),
      `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
  <bpmn:process id="${processKey}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:eventBasedGateway id="wait" />
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="letter" />
    <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="deadline" />
    <bpmn:intermediateCatchEvent id="letter"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="deadline"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f4" sourceRef="letter" targetRef="each" />
    <bpmn:userTask id="each"><bpmn:multiInstanceLoopCharacteristics /></bpmn:userTask>
    <bpmn:sequenceFlow id="f5" sourceRef="each" targetRef="end" />
    <bpmn:sequenceFlow id="f6" sourceRef="deadline" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`,
    );
    const p = instance(processKey);
    const activity = (
      type: string,
      elementId: string,
      elementType: string,
      canceled: boolean | null = null,
    ) =>
      p.event({ type, elementId, elementType, activityInstanceId: `${elementId}:${randomUUID()}`, canceled });
    await post({
      events: [
        activity('activity-ended', 'start', 'startEvent', false),
        p.event({ type: 'flow-taken', elementId: 'f1', elementType: 'sequenceFlow' }),
        activity('activity-ended', 'wait', 'eventBasedGateway', true),
        activity('activity-ended', 'letter', 'intermediateMessageCatch', false),
        p.event({ type: 'flow-taken', elementId: 'f4', elementType: 'sequenceFlow' }),
        activity('activity-ended', 'each#multiInstanceBody', 'multiInstanceBody', false),
        p.event({ type: 'flow-taken', elementId: 'f5', elementType: 'sequenceFlow' }),
        activity('activity-started', 'end', 'noneEndEvent'),
        activity('activity-ended', 'deadline', 'intermediateTimer', true),
      ],
    });
    try {
      const coverage = await modelCoverage(db, dir, ['coverage.bpmn']);
      expect(coverage.processes).toEqual([
        {
          file: 'coverage.bpmn',
          bpmnProcessId: processKey,
          elements: { total: 6, covered: 5, percent: 83.3, missing: ['deadline'] },
          sequenceFlows: { total: 6, covered: 4, percent: 66.7, missing: ['f3', 'f6'] },
        },
      ]);
      expect(coverage.totals.sequenceFlows.missing).toEqual([`${processKey}:f3`, `${processKey}:f6`]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('prunes an old case to its timeline steps, and leaves a running one alone', async () => {
    const old = instance('it-feed-prune');
    const running = instance('it-feed-prune');
    const step = (p: ReturnType<typeof instance>, type: string) =>
      p.event({
        type,
        elementId: 'review',
        elementType: 'userTask',
        activityInstanceId: `review:${p.id}`,
        canceled: type === 'activity-ended' ? false : null,
      });
    await post({
      events: [
        old.event({ type: 'process-started', at: '2025-01-01T08:00:00.000Z' }),
        step(old, 'activity-started'),
        old.event({ type: 'flow-taken', elementId: 'f1' }),
        step(old, 'activity-ended'),
        old.event({ type: 'process-ended', state: 'COMPLETED', at: '2025-01-02T08:00:00.000Z' }),
        running.event({ type: 'process-started' }),
        step(running, 'activity-started'),
      ],
    });

    const report = await pruneEngineEvents(db, { olderThanDays: 180, now: new Date('2026-12-01T00:00:00Z') });

    expect(report.roots).toBeGreaterThanOrEqual(1);
    const left = await db.query(
      'SELECT process_instance_id, type, payload IS NULL AS trimmed FROM engine_events WHERE process_instance_id = ANY($1) ORDER BY seq',
      [[old.id, running.id]],
    );
    expect(left).toEqual([
      { process_instance_id: old.id, type: 'activity-ended', trimmed: true },
      { process_instance_id: running.id, type: 'process-started', trimmed: false },
      { process_instance_id: running.id, type: 'activity-started', trimmed: false },
    ]);
    expect(
      (await pruneEngineEvents(db, { olderThanDays: 180, now: new Date('2026-12-01T00:00:00Z') })).roots,
    ).toBe(0);
  });
});
