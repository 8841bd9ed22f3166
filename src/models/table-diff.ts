import { XMLParser } from 'fast-xml-parser';

/**
 * Rule-level diff of two versions of a DMN file (decision tables: which rules were added, removed or changed, with
 * their entries side by side) and component-level diff of two versions of a form. Pure (the XML parser only).
 */
export interface RuleRow {
  id: string;
  status: 'added' | 'removed' | 'changed' | 'same';
  description: string;
  before: string[] | null;
  after: string[] | null;
}

export interface DecisionDiff {
  id: string;
  name: string;
  columns: string[];
  rules: RuleRow[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  isArray: (name) => ['decision', 'input', 'output', 'rule', 'inputEntry', 'outputEntry'].includes(name),
});

type Node = Record<string, unknown>;
const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : []);
const text = (node: Node | undefined): string => {
  const value = node?.text ?? '';
  return typeof value === 'object' ? String((value as Node)['#text'] ?? '') : String(value);
};

function decisions(xml: string): Map<string, { name: string; columns: string[]; rules: Map<string, Node> }> {
  const doc = parser.parse(xml) as { definitions?: { decision?: Node[] } };
  const result = new Map<string, { name: string; columns: string[]; rules: Map<string, Node> }>();
  for (const decision of list(doc.definitions?.decision)) {
    const table = (decision.decisionTable ?? {}) as Node;
    const columns = [
      ...list(table.input).map((i) => String(i.label ?? i.id)),
      ...list(table.output).map((o) => `→ ${String(o.label ?? o.name ?? o.id)}`),
    ];
    result.set(String(decision.id), {
      name: String(decision.name ?? decision.id),
      columns,
      rules: new Map(list(table.rule).map((r) => [String(r.id), r])),
    });
  }
  return result;
}

const entries = (rule: Node): string[] => [
  ...list(rule.inputEntry).map((e) => text(e)),
  ...list(rule.outputEntry).map((e) => text(e)),
];
const describe = (rule: Node): string => {
  const d = rule.description;
  return typeof d === 'string' ? d : typeof d === 'object' && d ? String((d as Node)['#text'] ?? '') : '';
};

export function diffDmn(before: string, after: string): DecisionDiff[] {
  const a = decisions(before);
  const b = decisions(after);
  const result: DecisionDiff[] = [];
  for (const id of new Set([...b.keys(), ...a.keys()])) {
    const old = a.get(id);
    const now = b.get(id);
    const rows: RuleRow[] = [];
    for (const [ruleId, rule] of now?.rules ?? []) {
      const previous = old?.rules.get(ruleId);
      const after = entries(rule);
      const before = previous ? entries(previous) : null;
      rows.push({
        id: ruleId,
        status: !before ? 'added' : before.join('\u0000') === after.join('\u0000') ? 'same' : 'changed',
        description: describe(rule),
        before,
        after,
      });
    }
    for (const [ruleId, rule] of old?.rules ?? [])
      if (!now?.rules.has(ruleId))
        rows.push({
          id: ruleId,
          status: 'removed',
          description: describe(rule),
          before: entries(rule),
          after: null,
        });
    result.push({ id, name: (now ?? old)!.name, columns: (now ?? old)!.columns, rules: rows });
  }
  return result;
}

export interface FieldRow {
  id: string;
  status: 'added' | 'removed' | 'changed' | 'same';
  label: string;
}

export function diffForm(before: string, after: string): FieldRow[] {
  const fields = (json: string) => {
    const map = new Map<string, Node>();
    const walk = (components: unknown) => {
      for (const c of list(components)) {
        map.set(String(c.id ?? c.key), c);
        walk(c.components);
      }
    };
    try {
      walk((JSON.parse(json) as Node).components);
    } catch {
      /* an unreadable form lists nothing; its lint says why */
    }
    return map;
  };
  const a = fields(before);
  const b = fields(after);
  const label = (c: Node) => String(c.label ?? c.text ?? c.key ?? c.id ?? '');
  const strip = (c: Node) => JSON.stringify({ ...c, components: undefined });
  const rows: FieldRow[] = [...b].map(([id, c]) => ({
    id,
    label: label(c),
    status: !a.has(id) ? 'added' : strip(a.get(id)!) === strip(c) ? 'same' : 'changed',
  }));
  for (const [id, c] of a) if (!b.has(id)) rows.push({ id, label: label(c), status: 'removed' });
  return rows;
}

/** Counts of what changed, for the deployment record and the lists. */
export interface DiffSummary {
  added: string[];
  removed: string[];
  changed: string[];
}

export function dmnSummary(diff: DecisionDiff[]): DiffSummary {
  const of = (status: RuleRow['status']) =>
    diff.flatMap((d) => d.rules.filter((r) => r.status === status).map((r) => r.id));
  return { added: of('added'), removed: of('removed'), changed: of('changed') };
}

export function formSummary(rows: FieldRow[]): DiffSummary {
  const of = (status: FieldRow['status']) => rows.filter((r) => r.status === status).map((r) => r.id);
  return { added: of('added'), removed: of('removed'), changed: of('changed') };
}
