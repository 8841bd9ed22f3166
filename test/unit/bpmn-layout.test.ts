import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/**
 * The laid-out diagrams of the process model stay readable in the Modeler: no two elements overlap (except a
 * boundary event on its host and elements inside their expanded sub-process), and no name label lies on another
 * element or on another label.
 */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Semantic {
  type: string;
  attachedTo?: string;
  /** Sub-processes this element is nested in, innermost first. */
  containers: string[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  isArray: (name) => ['BPMNShape', 'BPMNEdge', 'BPMNDiagram'].includes(name),
});

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function box(bounds: Record<string, string>): Box {
  return {
    x: Number(bounds.x),
    y: Number(bounds.y),
    width: Number(bounds.width),
    height: Number(bounds.height),
  };
}

/** Strict overlap (touching edges do not count). */
function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

function semantics(process: Record<string, unknown>): Map<string, Semantic> {
  const out = new Map<string, Semantic>();
  const walk = (container: Record<string, unknown>, containers: string[]) => {
    for (const [type, value] of Object.entries(container)) {
      if (type === 'extensionElements' || typeof value !== 'object' || value === null) continue;
      for (const element of list(value as Record<string, unknown> | Record<string, unknown>[])) {
        if (typeof element.id !== 'string') continue;
        out.set(element.id, {
          type,
          attachedTo: typeof element.attachedToRef === 'string' ? element.attachedToRef : undefined,
          containers,
        });
        if (type === 'subProcess') walk(element, [element.id, ...containers]);
      }
    }
  };
  walk(process, []);
  return out;
}

const files = readdirSync(path.resolve('bpmn')).filter((f) => f.endsWith('.bpmn'));

describe('layout of the process model diagrams', () => {
  it.each(files)('%s: no overlapping elements or labels', (file) => {
    const doc = parser.parse(readFileSync(path.resolve('bpmn', file), 'utf8')) as {
      definitions: {
        process: Record<string, unknown>;
        BPMNDiagram: { BPMNPlane: Record<string, unknown> }[];
      };
    };
    const meaning = semantics(doc.definitions.process);
    const problems: string[] = [];
    for (const diagram of doc.definitions.BPMNDiagram) {
      const plane = diagram.BPMNPlane;
      const shapes = list(plane.BPMNShape as Record<string, unknown>[]).map((s) => ({
        id: String(s.bpmnElement),
        bounds: box(s.Bounds as Record<string, string>),
        label: (s.BPMNLabel as { Bounds?: Record<string, string> } | undefined)?.Bounds,
      }));
      const edges = list(plane.BPMNEdge as Record<string, unknown>[]).map((e) => ({
        id: String(e.bpmnElement),
        label: (e.BPMNLabel as { Bounds?: Record<string, string> } | undefined)?.Bounds,
      }));
      const related = (a: string, b: string) => {
        const sa = meaning.get(a);
        const sb = meaning.get(b);
        return (
          sa?.attachedTo === b ||
          sb?.attachedTo === a ||
          Boolean(sa?.containers.includes(b)) ||
          Boolean(sb?.containers.includes(a))
        );
      };
      for (let i = 0; i < shapes.length; i += 1) {
        for (let j = i + 1; j < shapes.length; j += 1) {
          const a = shapes[i]!;
          const b = shapes[j]!;
          if (!related(a.id, b.id) && overlaps(a.bounds, b.bounds)) problems.push(`${a.id} overlaps ${b.id}`);
        }
      }
      const labels = [
        ...shapes.filter((s) => s.label).map((s) => ({ owner: s.id, bounds: box(s.label!) })),
        ...edges.filter((e) => e.label).map((e) => ({ owner: e.id, bounds: box(e.label!) })),
      ];
      for (const label of labels) {
        for (const shape of shapes) {
          if (shape.id === label.owner || !overlaps(label.bounds, shape.bounds)) continue;
          // a label inside the expanded sub-process its element belongs to is fine; crossing its border is not
          const inside =
            meaning.get(label.owner)?.containers.includes(shape.id) && contains(shape.bounds, label.bounds);
          if (!inside) problems.push(`label of ${label.owner} lies on ${shape.id}`);
        }
      }
      for (let i = 0; i < labels.length; i += 1) {
        for (let j = i + 1; j < labels.length; j += 1) {
          if (overlaps(labels[i]!.bounds, labels[j]!.bounds))
            problems.push(`label of ${labels[i]!.owner} lies on label of ${labels[j]!.owner}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
