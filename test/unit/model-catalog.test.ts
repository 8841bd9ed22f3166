import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/**
 * The process owners' guide (bpmn/README.md) stays in step with the model: its generated catalogue is what
 * `npm run docs:model` makes of the diagrams today, and every user task can be worked on (a role and a form).
 */
const root = path.resolve(__dirname, '../..');
const bpmnDir = path.join(root, 'bpmn');
const START = '<!-- model-catalog:start -->';
const END = '<!-- model-catalog:end -->';

/** Table padding is Prettier's business: compare cell contents, not column widths. */
function normalize(markdown: string): string {
  return markdown
    .trim()
    .split('\n')
    .map((line) => {
      const trimmed = line.trim();
      if (!trimmed.startsWith('|')) return trimmed;
      const cells = trimmed
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim());
      return `| ${cells.map((cell) => (/^:?-+:?$/.test(cell) ? '---' : cell)).join(' | ')} |`;
    })
    .join('\n');
}

describe('bpmn/README.md model catalogue', () => {
  it('is up to date with bpmn/*.bpmn and *.dmn (otherwise run `npm run docs:model`)', () => {
    const readme = readFileSync(path.join(bpmnDir, 'README.md'), 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    // bpmn-moddle is an ES module Jest cannot load: the generator runs in its own process, writing nothing
    const generated = execFileSync(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      ['scripts/model-catalog.ts', '--print'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(normalize(readme.slice(start + START.length, end))).toBe(normalize(generated));
  });
});

type Node = Record<string, unknown>;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true });
const asArray = (value: unknown): Node[] =>
  Array.isArray(value) ? (value as Node[]) : value && typeof value === 'object' ? [value as Node] : [];

interface Found {
  file: string;
  processId: string;
  kind: string;
  node: Node;
}

/** Elements of the given kinds anywhere in a process, sub-processes included. */
function elements(kinds: string[]): Found[] {
  const found: Found[] = [];
  for (const file of readdirSync(bpmnDir).filter((f) => f.endsWith('.bpmn'))) {
    const doc = parser.parse(readFileSync(path.join(bpmnDir, file), 'utf8')) as { definitions?: Node };
    for (const process of asArray(doc.definitions?.process)) {
      const walk = (container: Node) => {
        for (const kind of kinds) {
          for (const node of asArray(container[kind])) {
            found.push({ file, processId: String(process.id), kind, node });
          }
        }
        for (const sub of asArray(container.subProcess)) walk(sub);
      };
      walk(process);
    }
  }
  return found;
}

/** A `camunda:` attribute (the parser drops the prefix). */
const camunda = (node: Node, name: string): string => String(node[name] ?? '').trim();

describe('every user task of the model', () => {
  const userTasks = elements(['userTask']).map((t) => [`${t.file} ${String(t.node.id)}`, t.node] as const);

  it('exists', () => expect(userTasks.length).toBeGreaterThan(0));

  it.each(userTasks)('%s has a candidate group and a Camunda Form of this directory', (_, task) => {
    expect(camunda(task, 'candidateGroups')).not.toBe('');
    const formRef = camunda(task, 'formRef');
    expect(formRef).not.toBe('');
    // the deployment's newest form with that id (the app deploys bpmn/ in one deployment)
    expect(camunda(task, 'formRefBinding')).toBe('latest');
    const file = path.join(bpmnDir, `${formRef}.form`);
    expect(existsSync(file)).toBe(true);
    // the engine links the task to the deployed form by the form's own id, not by the file name
    const form = JSON.parse(readFileSync(file, 'utf8')) as {
      id?: string;
      executionPlatform?: string;
      executionPlatformVersion?: string;
    };
    expect(form).toMatchObject({
      id: formRef,
      executionPlatform: 'Camunda Platform',
      executionPlatformVersion: '7.24.0',
    });
  });
});

describe('references between model files', () => {
  const processIds = new Set<string>();
  for (const file of readdirSync(bpmnDir).filter((f) => f.endsWith('.bpmn'))) {
    const doc = parser.parse(readFileSync(path.join(bpmnDir, file), 'utf8')) as { definitions?: Node };
    for (const process of asArray(doc.definitions?.process)) processIds.add(String(process.id));
  }
  const decisionIds = new Set(
    readdirSync(bpmnDir)
      .filter((f) => f.endsWith('.dmn'))
      .flatMap((file) =>
        asArray(
          (parser.parse(readFileSync(path.join(bpmnDir, file), 'utf8')) as { definitions?: Node }).definitions
            ?.decision,
        ).map((d) => String(d.id)),
      ),
  );

  it.each(elements(['callActivity']).map((c) => [`${c.file} ${String(c.node.id)}`, c.node] as const))(
    '%s calls a process of the model',
    (_, call) => {
      expect(processIds).toContain(String(call.calledElement));
    },
  );

  const ruleTasks = elements(['businessRuleTask']);
  it.each(ruleTasks.map((c) => [`${c.file} ${String(c.node.id)}`, c.node] as const))(
    '%s calls a decision of the model',
    (_, task) => {
      expect(decisionIds).toContain(camunda(task, 'decisionRef'));
    },
  );
});
