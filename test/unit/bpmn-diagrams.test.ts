import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const dir = path.resolve('bpmn');
const files = readdirSync(dir).filter((f) => f.endsWith('.bpmn'));
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true });

type Node = Record<string, unknown>;

const asArray = (value: unknown): Node[] =>
  Array.isArray(value) ? (value as Node[]) : value && typeof value === 'object' ? [value as Node] : [];

/** Every element of a kind anywhere under a node (sub-processes, extension elements included). */
function all(node: unknown, kind: string, out: Node[] = []): Node[] {
  if (Array.isArray(node)) {
    for (const item of node) all(item, kind, out);
    return out;
  }
  if (!node || typeof node !== 'object') return out;
  for (const [key, value] of Object.entries(node as Node)) {
    if (key === kind) out.push(...asArray(value));
    all(value, kind, out);
  }
  return out;
}

const parsed = files.map((file) => ({
  file,
  xml: readFileSync(path.join(dir, file), 'utf8'),
  doc: parser.parse(readFileSync(path.join(dir, file), 'utf8')) as { definitions: Node },
}));

/** Every diagram opens in the Modeler with its layout: a shape for every flow node, an edge for every flow. */
describe('diagram interchange of every BPMN file', () => {
  it.each(files)('%s', (file) => {
    const xml = readFileSync(path.join(dir, file), 'utf8');
    const doc = parser.parse(xml) as Record<string, unknown>;
    const ids = { nodes: [] as string[], flows: [] as string[] };
    const walk = (value: unknown, key: string) => {
      if (Array.isArray(value)) return value.forEach((v) => walk(v, key));
      if (!value || typeof value !== 'object') return;
      const element = value as Record<string, unknown>;
      if (
        typeof element.id === 'string' &&
        !key.startsWith('BPMN') &&
        key !== 'definitions' &&
        key !== 'process'
      ) {
        if (key === 'sequenceFlow') ids.flows.push(element.id);
        else if (/Event$|Task$|Gateway$|^subProcess$|^callActivity$/.test(key)) ids.nodes.push(element.id);
      }
      for (const [childKey, child] of Object.entries(element)) walk(child, childKey);
    };
    walk(doc, 'root');
    const shapes = new Set(
      [...xml.matchAll(/<bpmndi:BPMNShape[^>]*bpmnElement="([^"]+)"/g)].map((m) => m[1]),
    );
    const edges = new Set([...xml.matchAll(/<bpmndi:BPMNEdge[^>]*bpmnElement="([^"]+)"/g)].map((m) => m[1]));
    expect(ids.nodes.length).toBeGreaterThan(0);
    expect(ids.nodes.filter((id) => !shapes.has(id))).toEqual([]);
    expect(ids.flows.filter((id) => !edges.has(id))).toEqual([]);
  });
});

/**
 * The model's Camunda 7 conventions (what bpmnlint's camunda-platform-7-24 rules do not check): the engine refuses
 * a process or decision without a history time to live; every step names its worker's topic; every expression is
 * JUEL; call activities pass exactly their mapped variables and the business key; DMN steps become incidents of
 * their own when they fail.
 */
describe('Camunda 7 conventions of the model', () => {
  const modelFiles = readdirSync(dir).filter((f) => /\.(bpmn|dmn|form)$/.test(f));

  it.each(modelFiles)('%s has nothing of Zeebe (Camunda 8) left', (file) => {
    const content = readFileSync(path.join(dir, file), 'utf8');
    expect(content).not.toMatch(/zeebe|Camunda Cloud/i);
  });

  it.each(modelFiles.filter((f) => !f.endsWith('.form')))('%s targets Camunda Platform 7.24', (file) => {
    const content = readFileSync(path.join(dir, file), 'utf8');
    expect(content).toContain('modeler:executionPlatform="Camunda Platform"');
    expect(content).toContain('modeler:executionPlatformVersion="7.24.0"');
  });

  it.each(parsed.map((p) => [p.file, p] as const))('%s: executable processes with a history TTL', (_, p) => {
    const processes = asArray(p.doc.definitions.process);
    expect(processes).toHaveLength(1);
    for (const process of processes) {
      expect(process.isExecutable).toBe('true');
      expect(String(process.historyTimeToLive)).toMatch(/^(\d+|P\d+D)$/);
    }
  });

  it.each(readdirSync(dir).filter((f) => f.endsWith('.dmn')))(
    '%s: every decision has a history TTL',
    (file) => {
      const doc = parser.parse(readFileSync(path.join(dir, file), 'utf8')) as { definitions: Node };
      const decisions = asArray(doc.definitions.decision);
      expect(decisions.length).toBeGreaterThan(0);
      for (const decision of decisions) expect(String(decision.historyTimeToLive)).toMatch(/^(\d+|P\d+D)$/);
    },
  );

  it.each(parsed.map((p) => [p.file, p] as const))(
    '%s: every service task is an external task with a topic and retries',
    (_, p) => {
      for (const task of all(p.doc.definitions, 'serviceTask')) {
        expect({ id: task.id, type: task.type }).toEqual({ id: task.id, type: 'external' });
        expect(String(task.topic)).toMatch(/^[a-z]+(-[a-z]+)*$/);
        const retries = all(task, 'property').find((q) => q.name === 'retries');
        expect({ id: task.id, retries: retries?.value }).toEqual({
          id: task.id,
          retries: expect.stringMatching(/^[1-9]\d*$/),
        });
      }
    },
  );

  it.each(parsed.map((p) => [p.file, p] as const))('%s: every expression is JUEL, none FEEL', (_, p) => {
    const expressions = [
      ...all(p.doc.definitions, 'conditionExpression'),
      ...all(p.doc.definitions, 'timeDate'),
      ...all(p.doc.definitions, 'timeDuration'),
      ...all(p.doc.definitions, 'timeCycle'),
    ].map((e) => String(e['#text'] ?? ''));
    for (const task of all(p.doc.definitions, 'userTask'))
      for (const key of ['dueDate', 'followUpDate', 'candidateGroups'])
        if (typeof task[key] === 'string' && task[key].includes('{')) expressions.push(task[key]);
    for (const parameter of [
      ...all(p.doc.definitions, 'inputParameter'),
      ...all(p.doc.definitions, 'outputParameter'),
      ...all(p.doc.definitions, 'entry'),
    ])
      if (typeof parameter['#text'] === 'string') expressions.push(parameter['#text']);
    for (const mapping of [...all(p.doc.definitions, 'in'), ...all(p.doc.definitions, 'out')])
      if (typeof mapping.sourceExpression === 'string') expressions.push(mapping.sourceExpression);
    expect(expressions.length).toBeGreaterThan(0);
    expect(expressions.filter((e) => !/^[$#]\{[\s\S]+\}$/.test(e.trim()))).toEqual([]);
  });

  it.each(parsed.map((p) => [p.file, p] as const))(
    '%s: call activities call the latest version with explicit mappings and the business key',
    (_, p) => {
      for (const call of all(p.doc.definitions, 'callActivity')) {
        expect(call.calledElementBinding).toBe('latest');
        const ins = all(call, 'in');
        expect(ins.filter((m) => m.businessKey === '#{execution.processBusinessKey}')).toHaveLength(1);
        expect([...ins, ...all(call, 'out')].filter((m) => m.variables === 'all')).toEqual([]);
        expect(ins.filter((m) => m.target).length).toBeGreaterThan(0);
      }
    },
  );

  it.each(parsed.map((p) => [p.file, p] as const))(
    '%s: business rule tasks map the decision result explicitly and run in their own job',
    (_, p) => {
      for (const task of all(p.doc.definitions, 'businessRuleTask')) {
        expect(task).toMatchObject({
          decisionRefBinding: 'latest',
          resultVariable: expect.stringMatching(/^[a-z][A-Za-z]*$/),
          mapDecisionResult: expect.stringMatching(/^(singleEntry|collectEntries|resultList)$/),
          asyncBefore: 'true',
        });
      }
    },
  );

  it.each(parsed.map((p) => [p.file, p] as const))(
    '%s: a message caught inside a running process names its correlation key',
    (_, p) => {
      const startMessages = new Set(
        all(asArray(p.doc.definitions.process), 'startEvent').flatMap((s) =>
          all(s, 'messageEventDefinition').map((d) => String(d.messageRef)),
        ),
      );
      for (const message of asArray(p.doc.definitions.message)) {
        const key = all(message, 'property').find((q) => q.name === 'correlationKey')?.value;
        if (startMessages.has(String(message.id))) expect(key).toBeUndefined();
        else
          expect({ message: message.name, key }).toEqual({
            message: message.name,
            key: expect.stringMatching(/^[a-z][A-Za-z]*$/),
          });
      }
    },
  );
});
