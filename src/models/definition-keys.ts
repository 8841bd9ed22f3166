import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  isArray: (name) => ['process', 'decision'].includes(name),
});

/** The definition keys a model file gives the engine: its executable processes, its decisions, a form's id. */
export function definitionKeys(resourceName: string, content: string): string[] {
  try {
    if (resourceName.endsWith('.form')) {
      const id = (JSON.parse(content) as { id?: unknown }).id;
      return typeof id === 'string' ? [id] : [];
    }
    const doc = parser.parse(content) as {
      definitions?: { process?: Record<string, unknown>[]; decision?: Record<string, unknown>[] };
    };
    const defs = doc.definitions ?? {};
    return [
      ...(defs.process ?? []).filter((p) => String(p.isExecutable) !== 'false').map((p) => String(p.id)),
      ...(defs.decision ?? []).map((d) => String(d.id)),
    ];
  } catch {
    return [];
  }
}

export type ModelKind = 'bpmn' | 'dmn' | 'form';

export const RESOURCE_NAME = /^[a-z0-9][a-z0-9-]*\.(bpmn|dmn|form)$/;

export const kindOf = (resourceName: string): ModelKind =>
  resourceName.endsWith('.bpmn') ? 'bpmn' : resourceName.endsWith('.dmn') ? 'dmn' : 'form';
