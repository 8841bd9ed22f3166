import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** Every diagram opens in the Modeler with its layout: a shape for every flow node, an edge for every flow. */
describe('diagram interchange of every BPMN file', () => {
  const dir = path.resolve('bpmn');
  const files = readdirSync(dir).filter((f) => f.endsWith('.bpmn'));
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true });

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
