/**
 * Lays out BPMN files that were written without diagram interchange (or lays them out again):
 * fills in <incoming>/<outgoing>, keeps every sub-process expanded, runs bpmn.io's bpmn-auto-layout and writes
 * the file back in place. Afterwards `npm run lint:bpmn` and the unit test test/unit/bpmn-layout.test.ts check
 * that every element has a shape, every flow an edge and that no two shapes overlap.
 *
 *   npx tsx scripts/layout-bpmn.ts bpmn/benefits.bpmn [more files…]
 *
 * Hand-tuned layouts are lost when a file is laid out again: use it for new diagrams or after large changes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';

const DI = /\s*<bpmndi:BPMNDiagram[\s\S]*?<\/bpmndi:BPMNDiagram>/g;

function children(element: ModdleElement): ModdleElement[] {
  return (element.flowElements as ModdleElement[] | undefined) ?? [];
}

/** Every flow node lists its incoming and outgoing sequence flows (bpmn-auto-layout walks those lists). */
function linkFlows(container: ModdleElement, subProcesses: string[]): void {
  for (const element of children(container)) {
    if (element.$type === 'bpmn:SequenceFlow') {
      const source = element.sourceRef as ModdleElement;
      const target = element.targetRef as ModdleElement;
      const outgoing = ((source.outgoing as ModdleElement[] | undefined) ?? []).filter((f) => f !== element);
      const incoming = ((target.incoming as ModdleElement[] | undefined) ?? []).filter((f) => f !== element);
      source.outgoing = [...outgoing, element];
      target.incoming = [...incoming, element];
    }
    if (element.$type === 'bpmn:SubProcess') {
      subProcesses.push(String(element.id));
      linkFlows(element, subProcesses);
    }
  }
}

export async function layoutBpmn(xml: string): Promise<string> {
  const moddle = new BpmnModdle({ camunda });
  const { rootElement } = await moddle.fromXML(xml.replace(DI, ''));
  const processes = ((rootElement.rootElements as ModdleElement[] | undefined) ?? []).filter(
    (e) => e.$type === 'bpmn:Process',
  );
  const process = processes[0];
  if (!process || processes.length > 1) throw new Error('one process per file expected');
  const subProcesses: string[] = [];
  linkFlows(process, subProcesses);
  const linked = (await moddle.toXML(rootElement, { format: true })).xml;
  // a stub diagram that only says "expanded" for every sub-process; the layouter replaces it
  const stub =
    `<bpmndi:BPMNDiagram id="stub"><bpmndi:BPMNPlane id="stub-plane" bpmnElement="${String(process.id)}">` +
    subProcesses
      .map(
        (id) =>
          `<bpmndi:BPMNShape id="${id}-stub" bpmnElement="${id}" isExpanded="true"><dc:Bounds x="0" y="0" width="1" height="1" /></bpmndi:BPMNShape>`,
      )
      .join('') +
    '</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>';
  const laidOut = await layoutProcess(linked.replace('</bpmn:definitions>', `${stub}</bpmn:definitions>`));
  const labelled = await polish(laidOut);
  return labelled.endsWith('\n') ? labelled : `${labelled}\n`;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Point {
  x: number;
  y: number;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const contains = (outer: Box, inner: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/** Label boxes a name can take (one line, or wrapped narrower), as bpmn-js draws an 11 px label. */
function labelSizes(text: string): { width: number; height: number }[] {
  const textWidth = Math.ceil(text.length * 7) + 6;
  return [
    Math.min(textWidth, 160),
    Math.min(textWidth, 110),
    Math.min(textWidth, 80),
    Math.min(textWidth, 60),
  ]
    .filter((width, i, all) => all.indexOf(width) === i)
    .map((width) => ({
      width: Math.max(width, 30),
      height: Math.ceil(textWidth / Math.max(width, 30)) * 14,
    }));
}

/** Candidate positions of a label around a shape or along an edge, best first. */
function shapeCandidates(
  shape: Box,
  kind: 'gateway' | 'event' | 'boundary',
  size: { width: number; height: number },
): Box[] {
  const cx = shape.x + shape.width / 2;
  const { width: w, height: h } = size;
  const top = shape.y - h - 3;
  const bottom = shape.y + shape.height + 3;
  const positions: Point[] =
    kind === 'boundary'
      ? [
          { x: shape.x + shape.width + 4, y: shape.y + shape.height - 6 },
          { x: shape.x - w - 4, y: shape.y + shape.height - 6 },
          { x: cx + 8, y: bottom },
          { x: cx - w - 8, y: bottom },
        ]
      : kind === 'gateway'
        ? [
            { x: cx - w / 2, y: top },
            { x: cx + 4, y: top },
            { x: cx - w - 4, y: top },
            { x: cx - w / 2, y: bottom },
            { x: cx + 8, y: bottom },
            { x: cx - w - 8, y: bottom },
          ]
        : [
            { x: cx - w / 2, y: bottom },
            { x: cx + 6, y: bottom },
            { x: cx - w - 6, y: bottom },
            { x: cx - w / 2, y: top },
            { x: shape.x + shape.width + 4, y: shape.y - h - 2 },
          ];
  return positions.map((p) => ({ ...p, width: w, height: h }));
}

function edgeCandidates(points: Point[], size: { width: number; height: number }): Box[] {
  const { width: w, height: h } = size;
  const segments = points.slice(1).map((to, i) => ({ from: points[i]!, to }));
  // the last segment first (branches of a gateway share their first part), then the others from the start
  const order = [...segments.slice(-1), ...segments.slice(0, -1)];
  const out: Box[] = [];
  for (const { from, to } of order) {
    const horizontal = Math.abs(from.y - to.y) < Math.abs(from.x - to.x);
    if (horizontal) {
      const right = from.x < to.x;
      const nearStart = right ? from.x + 6 : from.x - 6 - w;
      const nearEnd = right ? to.x - 10 - w : to.x + 10;
      const middle = (from.x + to.x) / 2 - w / 2;
      for (const x of [nearStart, middle, nearEnd])
        out.push({ x, y: from.y - h - 2, width: w, height: h }, { x, y: from.y + 3, width: w, height: h });
    } else {
      const down = from.y < to.y;
      const nearStart = down ? from.y + 6 : from.y - 6 - h;
      const middle = (from.y + to.y) / 2 - h / 2;
      const nearEnd = down ? to.y - 30 - h : to.y + 30;
      for (const y of [nearStart, middle, nearEnd])
        out.push({ x: from.x + 5, y, width: w, height: h }, { x: from.x - 5 - w, y, width: w, height: h });
    }
  }
  return out;
}

/** How many edge segments (other than the label's own edge) pass through the box. */
function crossings(box: Box, edges: { id: string; points: Point[] }[], own: string): number {
  let n = 0;
  for (const edge of edges) {
    if (edge.id === own) continue;
    for (let i = 1; i < edge.points.length; i += 1) {
      const a = edge.points[i - 1]!;
      const b = edge.points[i]!;
      const segment = {
        x: Math.min(a.x, b.x),
        y: Math.min(a.y, b.y),
        width: Math.abs(a.x - b.x) || 1,
        height: Math.abs(a.y - b.y) || 1,
      };
      if (overlaps(box, segment)) n += 1;
    }
  }
  return n;
}

/** Horizontal spread of the grid: bpmn-auto-layout's 150 px columns leave no room for names on the flows. */
const SPREAD = 1.4;

/**
 * Widens the layout horizontally by SPREAD: element centres move apart (sizes stay), expanded sub-processes
 * grow with their content, boundary events stay on their hosts, and every flow keeps its right angles (a bend
 * point moves with the end it lines up with, or with the grid).
 */
function spread(
  shapes: { element: ModdleElement; bounds: Box }[],
  edges: { element: ModdleElement; points: Point[] }[],
): void {
  const byElement = new Map(shapes.map((s) => [s.element, s]));
  const expanded = (element: ModdleElement) => element.$type === 'bpmn:SubProcess';
  const shift = new Map<ModdleElement, number>();
  for (const { element, bounds } of shapes) {
    if (expanded(element) || element.$type === 'bpmn:BoundaryEvent') continue;
    shift.set(element, (SPREAD - 1) * (bounds.x + bounds.width / 2));
  }
  for (const { element, bounds } of shapes) {
    if (element.$type !== 'bpmn:BoundaryEvent') continue;
    const host = byElement.get(element.attachedToRef as ModdleElement);
    shift.set(element, host && !expanded(host.element) ? shift.get(host.element)! : (SPREAD - 1) * bounds.x);
  }
  /** Where a point on the border of an element goes. */
  const move = (element: ModdleElement | undefined, x: number) =>
    element && shift.has(element) ? x + shift.get(element)! : SPREAD * x;
  for (const edge of edges) {
    const original = edge.points.map((p) => p.x);
    const next = original.map((x) => SPREAD * x);
    const last = original.length - 1;
    next[0] = move(edge.element.sourceRef as ModdleElement, original[0]!);
    next[last] = move(edge.element.targetRef as ModdleElement, original[last]!);
    for (let i = 1; i < last && original[i] === original[i - 1]; i += 1) next[i] = next[i - 1]!;
    for (let i = last - 1; i > 0 && original[i] === original[i + 1]; i -= 1) next[i] = next[i + 1]!;
    edge.points.forEach((p, i) => (p.x = next[i]!));
  }
  for (const { element, bounds } of shapes) {
    if (expanded(element)) {
      bounds.width *= SPREAD;
      bounds.x *= SPREAD;
    } else bounds.x += shift.get(element)!;
  }
}

/**
 * Spreads the layout (see `spread`), then places every name label the auto-layout leaves to the viewer (which would draw them across edges and shapes):
 * around gateways and events, beside boundary events, along sequence flows. Each label takes the first of its
 * candidate positions that lies on no element and no other label, preferring positions crossing fewer edges.
 * test/unit/bpmn-layout.test.ts checks the result.
 */
async function polish(xml: string): Promise<string> {
  const moddle = new BpmnModdle({ camunda });
  const { rootElement } = await moddle.fromXML(xml);
  for (const diagram of (rootElement.diagrams as ModdleElement[] | undefined) ?? []) {
    const plane = diagram.plane as ModdleElement;
    const items = (plane.planeElement as ModdleElement[] | undefined) ?? [];
    const shapes = items
      .filter((di) => di.$type === 'bpmndi:BPMNShape')
      .map((di) => ({ di, element: di.bpmnElement as ModdleElement, bounds: di.bounds as Box }));
    const edges = items
      .filter((di) => di.$type === 'bpmndi:BPMNEdge')
      .map((di) => ({
        di,
        id: String((di.bpmnElement as ModdleElement).id),
        element: di.bpmnElement as ModdleElement,
        points: (di.waypoint as Point[] | undefined) ?? [],
      }));
    spread(shapes, edges);
    const placed: Box[] = [];
    const ancestors = (element: ModdleElement): ModdleElement[] => {
      const out: ModdleElement[] = [];
      for (
        let parent = element.$parent as ModdleElement | undefined;
        parent;
        parent = parent.$parent as ModdleElement | undefined
      )
        out.push(parent);
      return out;
    };
    const free = (box: Box, owner: ModdleElement) =>
      !placed.some((other) => overlaps(box, other)) &&
      shapes.every(({ element, bounds }) => {
        if (element === owner) return !overlaps(box, bounds);
        if (ancestors(owner).includes(element)) return contains(bounds, box);
        return !overlaps(box, bounds);
      });
    const place = (owner: ModdleElement, di: ModdleElement, candidates: Box[], own: string) => {
      const scored = candidates
        .filter((c) => free(c, owner))
        .map((c, i) => ({ c, score: crossings(c, edges, own) * 100 + i }));
      scored.sort((a, b) => a.score - b.score);
      const best = scored[0]?.c ?? candidates[0];
      if (!best) return;
      placed.push(best);
      di.label = moddle.create('bpmndi:BPMNLabel', { bounds: moddle.create('dc:Bounds', { ...best }) });
    };
    for (const { di, element, bounds } of shapes) {
      const name = typeof element.name === 'string' ? element.name : '';
      const kind = element.$type.endsWith('Gateway')
        ? 'gateway'
        : element.$type === 'bpmn:BoundaryEvent'
          ? 'boundary'
          : element.$type.endsWith('Event')
            ? 'event'
            : undefined;
      if (!name || !kind) continue;
      place(
        element,
        di,
        labelSizes(name).flatMap((size) => shapeCandidates(bounds, kind, size)),
        String(element.id),
      );
    }
    for (const { di, id, element, points } of edges) {
      const name = typeof element.name === 'string' ? element.name : '';
      if (!name || points.length < 2) continue;
      place(
        element,
        di,
        labelSizes(name).flatMap((size) => edgeCandidates(points, size)),
        id,
      );
    }
  }
  return (await moddle.toXML(rootElement, { format: true })).xml;
}

async function main(): Promise<void> {
  const files = process.argv.slice(2);
  if (files.length === 0) throw new Error('usage: tsx scripts/layout-bpmn.ts <file.bpmn>…');
  for (const file of files) {
    await writeFile(file, await layoutBpmn(await readFile(file, 'utf8')));
    console.log(`laid out ${file}`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
