import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Runtime } from '../../src/runtime';
import type { TestClient } from './http-client';
import { loginAs, startTestRuntime } from './test-runtime';

/**
 * Issue 11, item 2: drafts of model files edited in the browser, their checks on every save, four eyes and the
 * deployment through the engine port — on the real engine and PostgreSQL. Every file here is a test-only copy with
 * its own definition key (`it-routing-…`), so the engine's `routing` decision and the model of bpmn/ stay untouched
 * for the other test files that share this engine.
 */
describe('model drafts: checks, four eyes, deployment (real engine)', () => {
  let runtime: Runtime;
  let author: TestClient;
  let second: TestClient;
  let routing: string;
  const key = `it-routing-${randomUUID().slice(0, 8)}`;
  const resourceName = `${key}.dmn`;

  /**
   * bpmn/routing.dmn under its own decision keys (`routing` and `case-routing`, which requires it), CRLF line ends
   * and Polish letters kept (exact bytes matter).
   */
  const copy = (xml: string) =>
    xml
      .replace('id="routing-definitions"', `id="${key}-definitions"`)
      .replaceAll('case-routing', `${key}-case`)
      .replaceAll('"#routing"', `"#${key}"`)
      .replaceAll('"routing"', `"${key}"`)
      .replace(/\r?\n/g, '\r\n');

  beforeAll(async () => {
    ({ runtime } = await startTestRuntime({ workers: false }));
    author = await loginAs(runtime, 'it-models-author', ['process-owners']);
    second = await loginAs(runtime, 'it-models-second', ['process-owners']);
    routing = await readFile(path.join(__dirname, '../../bpmn/routing.dmn'), 'utf8');
  });

  afterAll(async () => {
    await runtime.stop();
  });

  it('answers 400 naming the field and 403 to people who are no process owners', async () => {
    const badName = await author.request('POST', '/api/models/drafts', {
      resourceName: 'Routing.DMN',
      content: 'x',
    });
    expect(badName.status).toBe(400);
    expect((badName.body as { error: { field: string } }).error.field).toBe('resourceName');
    const noContent = await author.request('POST', '/api/models/drafts', { resourceName });
    expect(noContent.status).toBe(400);
    expect((noContent.body as { error: { field: string } }).error.field).toBe('content');
    const clerk = await loginAs(runtime, 'it-models-clerk', ['benefits']);
    expect((await clerk.request('GET', '/api/models')).status).toBe(403);
  });

  it('refuses a broken draft with its reasons: lint of the file and the guard rails of the whole model', async () => {
    // a decision table without history time to live (Camunda 7.24 refuses it)
    const dmn = copy(routing).replace(' camunda:historyTimeToLive="180"', '');
    const broken = await author.request('POST', '/api/models/drafts', { resourceName, content: dmn });
    expect(broken.status).toBe(201);
    const draft = broken.body as {
      id: string;
      clean: boolean;
      findings: { source: string; rule: string; element?: string; message: string }[];
    };
    expect(draft.clean).toBe(false);
    expect(draft.findings).toEqual([
      {
        source: 'lint',
        rule: 'dmn',
        severity: 'error',
        resource: resourceName,
        element: key,
        message: 'brak camunda:historyTimeToLive (Camunda 7.24 nie wdroży takiej decyzji)',
      },
    ]);
    // nobody approves it, so it never reaches the engine
    const approval = await second.request('POST', `/api/models/drafts/${draft.id}/approval`);
    expect(approval.status).toBe(409);
    expect((approval.body as { error: { message: string } }).error.message).toContain('błędy lintera');

    // a diagram whose step no worker serves and whose task is for a group that is no role
    const bpmnKey = `${key}-process`;
    const diagram = await author.request('POST', '/api/models/drafts', {
      resourceName: `${bpmnKey}.bpmn`,
      content: brokenDiagram(bpmnKey),
    });
    const findings = (diagram.body as { findings: { rule: string; element?: string }[] }).findings;
    expect(findings.filter((f) => ['unserved-topic', 'unknown-group'].includes(f.rule))).toEqual([
      expect.objectContaining({ rule: 'unserved-topic', element: 'call-nobody' }),
      expect.objectContaining({ rule: 'unknown-group', element: 'ask-nobody' }),
    ]);
    // bpmnlint (recommended + camunda-compat 7.24) marks the unnamed end event by its id
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'label-required', element: 'end' }));
  });

  it('deploys a clean draft approved by a second owner; the author cannot approve, neither in the app nor in the database', async () => {
    const content = copy(routing);
    const created = await author.request('POST', '/api/models/drafts', { resourceName, content });
    const draft = created.body as { id: string; clean: boolean; findings: unknown[]; status: string };
    expect([created.status, draft.clean, draft.findings, draft.status]).toEqual([201, true, [], 'draft']);

    // four eyes: the app answers 403 to the author…
    const own = await author.request('POST', `/api/models/drafts/${draft.id}/approval`);
    expect(own.status).toBe(403);
    // …and the database refuses it too
    const [authorRow] = await runtime.db.query<{ id: string }>('SELECT id FROM users WHERE login = $1', [
      'it-models-author',
    ]);
    await expect(
      runtime.db.query(
        `UPDATE model_drafts SET status = 'approved', approved_by = $2, approved_at = now() WHERE id = $1`,
        [draft.id, authorRow!.id],
      ),
    ).rejects.toThrow(/model_drafts_check/);
    // not deployable before approval
    expect((await author.request('POST', `/api/models/drafts/${draft.id}/deployment`)).status).toBe(409);

    const approved = await second.request('POST', `/api/models/drafts/${draft.id}/approval`);
    expect([approved.status, (approved.body as { status: string }).status]).toEqual([200, 'approved']);
    // an approved draft is frozen
    expect((await author.request('PUT', `/api/models/drafts/${draft.id}`, { content })).status).toBe(409);

    const deployed = await author.request('POST', `/api/models/drafts/${draft.id}/deployment`);
    expect(deployed.status).toBe(201);
    const record = deployed.body as {
      id: string;
      versions: { key: string; version: number; kind: string }[];
      draftedByName: string;
      approvedByName: string;
      deployedByName: string;
      diffSummary: { added: string[]; removed: string[]; changed: string[] };
    };
    expect(record.versions.map((v) => [v.key, v.version, v.kind]).sort()).toEqual([
      [key, 1, 'decision'],
      [`${key}-case`, 1, 'decision'],
    ]);
    expect([record.draftedByName, record.approvedByName, record.deployedByName]).toEqual([
      'it-models-author',
      'it-models-second',
      'it-models-author',
    ]);
    // a new file: every rule is new
    expect(record.diffSummary.added).toHaveLength((routing.match(/<rule /g) ?? []).length);
    expect(
      (await runtime.engine.definitionVersions()).filter((v) => v.key === key).map((v) => v.version),
    ).toEqual([1]);

    // the download is the exact bytes that were saved (CRLF and Polish letters included)
    const res = await fetch(`${runtime.url}/api/models/deployments/${record.id}/file`, {
      headers: author.headers(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=${resourceName}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(content, 'utf8'))).toBe(true);

    // the model now lists the file from the browser; the next draft starts from it and changes one rule
    const overview = (await second.request('GET', '/api/models')).body as {
      files: { name: string; source: string }[];
      deployments: { id: string }[];
    };
    expect(overview.files.find((f) => f.name === resourceName)?.source).toBe('browser');
    expect(overview.deployments[0]!.id).toBe(record.id);

    const changed = content.replace(
      '<outputEntry id="routing-rule-1-site"><text>"rzps-1"</text></outputEntry>',
      '<outputEntry id="routing-rule-1-site"><text>"rzps-9"</text></outputEntry>',
    );
    const next = (await second.request('POST', '/api/models/drafts', { resourceName, content: changed }))
      .body as {
      id: string;
      baseVersions: { key: string; version: number }[];
    };
    expect(next.baseVersions).toEqual([
      { key, version: 1 },
      { key: `${key}-case`, version: 1 },
    ]);
    const diff = (await second.request('GET', `/api/models/drafts/${next.id}/diff`)).body as {
      summary: { added: string[]; removed: string[]; changed: string[] };
      dmn: { rules: { id: string; status: string; before: string[]; after: string[] }[] }[];
    };
    expect(diff.summary).toEqual({ added: [], removed: [], changed: ['routing-rule-1'] });
    const rule = diff.dmn[0]!.rules.find((r) => r.id === 'routing-rule-1')!;
    expect([rule.before[5], rule.after[5]]).toEqual(['"rzps-1"', '"rzps-9"']);
    expect((await author.request('POST', `/api/models/drafts/${next.id}/approval`)).status).toBe(200);
    const second2 = (await second.request('POST', `/api/models/drafts/${next.id}/deployment`)).body as {
      versions: { key: string; version: number }[];
    };
    // duplicate filtering works per file: both decisions of the changed file get a new version
    expect(second2.versions.map((v) => [v.key, v.version]).sort()).toEqual([
      [key, 2],
      [`${key}-case`, 2],
    ]);
    // the engine decides by the new version
    const results = await runtime.engine.evaluateDecision(key, {
      needKind: 'financial',
      reason: 'poverty',
      urgent: false,
      district: 'rejon-1',
    });
    expect(results).toContainEqual({ team: 'benefits', site: 'rzps-9' });

    const audit = await runtime.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'model-draft' AND entity_id = $1 ORDER BY id`,
      [draft.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'model-draft-saved',
      'model-draft-approved',
      'model-deployed',
    ]);
  });

  it('diffs a diagram draft against its base by element (bpmn-js-differ)', async () => {
    const decision = await readFile(path.join(__dirname, '../../bpmn/decision.bpmn'), 'utf8');
    const renamed = decision.replace(
      'name="Plan pomocy i projekt decyzji"',
      'name="Projekt decyzji (zmieniony)"',
    );
    const draft = (
      await author.request('POST', '/api/models/drafts', {
        resourceName: 'decision.bpmn',
        content: renamed,
      })
    ).body as { id: string; clean: boolean };
    expect(draft.clean).toBe(true);
    const diff = (await author.request('GET', `/api/models/drafts/${draft.id}/diff`)).body as {
      summary: unknown;
      bpmn: { changed: { id: string; attrs: unknown[] }[] };
    };
    expect(diff.summary).toEqual({ added: [], removed: [], changed: ['prepare-decision'] });
    expect(diff.bpmn.changed[0]!.attrs).toEqual([
      { name: 'name', before: 'Plan pomocy i projekt decyzji', after: 'Projekt decyzji (zmieniony)' },
    ]);
    // the author drops it: nothing of decision.bpmn changes
    expect(
      ((await author.request('POST', `/api/models/drafts/${draft.id}/discard`)).body as { status: string })
        .status,
    ).toBe('discarded');
  });
});

describe('two deployed versions of a process side by side', () => {
  let runtime: Runtime;
  let owner: TestClient;

  beforeAll(async () => {
    ({ runtime } = await startTestRuntime({ workers: false }));
    owner = await loginAs(runtime, 'it-models-author', ['process-owners']);
  });

  afterAll(async () => {
    await runtime.stop();
  });

  it('diffs v1 and v2 of a process from the engine, element by element', async () => {
    const key = `it-versions-diff-${randomUUID().slice(0, 8)}`;
    const source = (await readFile(path.join(__dirname, 'fixtures', 'it-message.bpmn'), 'utf8')).replaceAll(
      'it-message',
      key,
    );
    const deploy = (xml: string) =>
      runtime.engine.deploy([{ name: `${key}.bpmn`, content: xml }], {
        deploymentName: key,
        duplicateFiltering: true,
      });
    const [v1] = (await deploy(source)).deployed;
    const [v2] = (await deploy(source.replace('name="Pierwsze doręczenie"', 'name="Doręczenie"'))).deployed;
    const page = await owner.request('GET', `/modele/roznice?od=${v1!.id}&do=${v2!.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`Różnice wersji ${key}: v1 → v2`);
    expect(page.body).toContain('name: było „Pierwsze doręczenie”, jest „Doręczenie”');
    const xml = await owner.request('GET', `/api/models/versions/${v2!.id}/xml`);
    expect([xml.status, (xml.body as string).includes('name="Doręczenie"')]).toEqual([200, true]);
    const bad = await owner.request('GET', `/modele/roznice?od=${v1!.id}&do=a%20b`);
    expect([bad.status, (bad.body as { error: { field: string } }).error.field]).toEqual([400, 'do']);
  });
});

function brokenDiagram(id: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="${id}-definitions" targetNamespace="http://mops-flow.pl/test">
  <bpmn:process id="${id}" name="Test zabezpieczeń" isExecutable="true" camunda:historyTimeToLive="1">
    <bpmn:startEvent id="start" name="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call-nobody" />
    <bpmn:serviceTask id="call-nobody" name="Krok bez workera" camunda:type="external" camunda:topic="no-such-topic">
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="call-nobody" targetRef="ask-nobody" />
    <bpmn:userTask id="ask-nobody" name="Zadanie dla nikogo" camunda:candidateGroups="no-such-role">
      <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f3" sourceRef="ask-nobody" targetRef="end" />
    <bpmn:endEvent id="end"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>
`;
}
