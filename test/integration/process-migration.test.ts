import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DryRun, GeneratedPlan, MigrationOutcome } from '../../src/models/process-migration';
import type { Runtime } from '../../src/runtime';
import { eventually, type TestClient } from './http-client';
import { loginAs, startTestRuntime } from './test-runtime';

/**
 * Moving running instances to a new version (issue 11) on the real engine, with test-only fixture diagrams of
 * their own process id (v1: check or review; v2: check or approve — review is gone).
 */
describe('migration of running instances v1 → v2 (real engine)', () => {
  let runtime: Runtime;
  let owner: TestClient;
  const tag = randomUUID().slice(0, 8);
  const key = `it-migration-${tag}`;
  const fixture = async (file: string) =>
    (await readFile(path.join(__dirname, 'fixtures', 'migration', file), 'utf8'))
      .replaceAll('id="it-migration"', `id="${key}"`)
      .replaceAll('bpmnElement="it-migration"', `bpmnElement="${key}"`);
  let v1: string;
  let v2: string;
  const started: string[] = [];

  beforeAll(async () => {
    ({ runtime } = await startTestRuntime({ workers: false }));
    owner = await loginAs(runtime, `migrator-${tag}`, ['process-owners']);
    const first = await runtime.engine.deploy(
      [{ name: `${key}.bpmn`, content: await fixture('it-migration-v1.bpmn') }],
      {
        deploymentName: `it-migration-${tag}`,
      },
    );
    v1 = first.deployed[0]!.id;
  });

  afterAll(async () => {
    for (const id of started) await runtime.engine.deleteProcessInstance(id, 'koniec testu migracji');
    await runtime.stop();
  });

  it('says which instances can move and why the other cannot, then moves the chosen one to v2', async () => {
    // given: one instance waits in „check” (kept in v2), one in „review” (gone in v2)
    const movable = await runtime.engine.startProcess({ processKey: key, variables: { review: false } });
    const stuck = await runtime.engine.startProcess({ processKey: key, variables: { review: true } });
    const later = await runtime.engine.startProcess({ processKey: key, variables: { review: false } });
    started.push(movable.processInstanceId, stuck.processInstanceId, later.processInstanceId);
    const second = await runtime.engine.deploy(
      [{ name: `${key}.bpmn`, content: await fixture('it-migration-v2.bpmn') }],
      {
        deploymentName: `it-migration-${tag}`,
      },
    );
    v2 = second.deployed[0]!.id;
    expect(second.deployed.map((d) => [d.key, d.version])).toEqual([[key, 2]]);

    // when: the engine's mapping, then a dry run with it
    const planRes = await owner.request('POST', '/api/models/migration/plan', {
      sourceDefinitionId: v1,
      targetDefinitionId: v2,
      updateEventTriggers: true,
    });
    expect(planRes.status).toBe(200);
    const plan = planRes.body as GeneratedPlan;
    const mapping = Object.fromEntries(
      plan.instructions.map((i) => [i.sourceActivityIds[0]!, i.targetActivityIds[0]!]),
    );
    expect(mapping).toEqual({ check: 'check' });
    expect(plan.sourceActivities.map((a) => a.id).sort()).toEqual([
      'check',
      'end',
      'review',
      'start',
      'which',
    ]);
    const dryRes = await owner.request('POST', '/api/models/migration/validate', {
      sourceDefinitionId: v1,
      targetDefinitionId: v2,
      mapping,
    });

    // then: check can move, review cannot — with the reason
    expect(dryRes.status).toBe(200);
    const dry = dryRes.body as DryRun;
    expect(dry.planFailures).toEqual([]);
    expect(dry.movable).toBe(2);
    const verdicts = Object.fromEntries(dry.instances.map((i) => [i.processInstanceId, i]));
    expect(verdicts[movable.processInstanceId]).toMatchObject({
      canMove: true,
      activityIds: ['check'],
      reasons: [],
    });
    expect(verdicts[stuck.processInstanceId]).toMatchObject({
      canMove: false,
      activityIds: ['review'],
      reasons: [
        'Stoi w kroku „Przejrzyj wniosek” (review), dla którego mapowanie nie wskazuje kroku w nowej wersji.',
      ],
    });

    // an instance that cannot move is refused, naming the field
    const refused = await owner.request('POST', '/api/models/migration/execute', {
      sourceDefinitionId: v1,
      targetDefinitionId: v2,
      mapping,
      processInstanceIds: [stuck.processInstanceId],
    });
    expect(refused.status).toBe(400);
    expect((refused.body as { error: { field: string } }).error.field).toBe('processInstanceIds');

    // execute: the movable one is on v2, the other stays on v1
    const done = await owner.request('POST', '/api/models/migration/execute', {
      sourceDefinitionId: v1,
      targetDefinitionId: v2,
      mapping,
      processInstanceIds: [movable.processInstanceId],
    });
    expect(done.status).toBe(200);
    expect(done.body as MigrationOutcome).toEqual({
      moved: 1,
      batchId: null,
      from: `${key} v1`,
      to: `${key} v2`,
    });
    expect((await runtime.engine.runningInstances(v2)).map((i) => i.id)).toEqual([movable.processInstanceId]);

    // … and the other one in the background: an engine batch whose progress the API reports until it is done
    const batch = await owner.request('POST', '/api/models/migration/execute', {
      sourceDefinitionId: v1,
      targetDefinitionId: v2,
      mapping,
      processInstanceIds: [later.processInstanceId],
      async: true,
    });
    expect(batch.status).toBe(200);
    const batchId = (batch.body as MigrationOutcome).batchId!;
    expect(batchId).toMatch(/^[0-9a-f-]{36}$/);
    const progress = await eventually(async () => {
      const res = await owner.request('GET', `/api/models/migration/batches/${batchId}`);
      const body = res.body as { done: boolean; totalJobs: number; completedJobs: number };
      return body.done ? body : undefined;
    }, 'wsad migracji zakończony');
    expect(progress).toMatchObject({ done: true, totalJobs: 1, completedJobs: 1 });
    expect((await runtime.engine.runningInstances(v2)).map((i) => i.id).sort()).toEqual(
      [movable.processInstanceId, later.processInstanceId].sort(),
    );
    expect((await runtime.engine.runningInstances(v1)).map((i) => i.id)).toEqual([stuck.processInstanceId]);

    // on record: who, from, to, how many
    const [audit] = await runtime.db.query<{ login: string; details: Record<string, unknown> }>(
      `SELECT u.login, a.details FROM audit_log a JOIN users u ON u.id = a.user_id
        WHERE a.action = 'process-migrated' AND a.entity_id = $1 ORDER BY a.at LIMIT 1`,
      [v2],
    );
    expect(audit?.login).toBe(`migrator-${tag}`);
    expect(audit?.details).toMatchObject({ from: `${key} v1`, to: `${key} v2`, count: 1 });
  });

  it('records a decision to let the instances finish on the old version, and refuses bad input naming the field', async () => {
    const kept = await owner.request('POST', '/api/models/migration/keep', {
      sourceDefinitionId: v1,
      targetDefinitionId: v2,
    });
    expect(kept.status).toBe(200);
    expect(kept.body).toEqual({ from: `${key} v1`, to: `${key} v2`, running: 1 });
    const bad = await owner.request('POST', '/api/models/migration/plan', {
      sourceDefinitionId: v1,
      targetDefinitionId: v1,
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { field: string } }).error.field).toBe('targetDefinitionId');
    const missing = await owner.request('POST', '/api/models/migration/validate', {
      sourceDefinitionId: v1,
      targetDefinitionId: v2,
    });
    expect((missing.body as { error: { field: string } }).error.field).toBe('mapping');
    const clerk = await loginAs(runtime, `clerk-${tag}`, ['benefits']);
    expect((await clerk.request('GET', '/api/models/migration/versions')).status).toBe(403);
  });
});
