import { XMLParser } from 'fast-xml-parser';

export interface DiagramElement {
  bpmnProcessId: string;
  elementId: string;
  name: string;
  elementType: string;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true });

/** Names of every element of every process in a BPMN file (records carry only ids; people read names). */
export function diagramElements(xml: string): DiagramElement[] {
  const doc = parser.parse(xml) as { definitions?: Record<string, unknown> };
  const processes = asArray(doc.definitions?.process);
  return processes.flatMap((process) => {
    const processId = String(process.id);
    const result: DiagramElement[] = [
      {
        bpmnProcessId: processId,
        elementId: processId,
        name: String(process.name ?? processId),
        elementType: 'process',
      },
    ];
    collect(process, processId, result);
    return result;
  });
}

function collect(container: Record<string, unknown>, processId: string, out: DiagramElement[]): void {
  for (const [type, value] of Object.entries(container)) {
    if (typeof value !== 'object' || value === null) continue;
    for (const element of asArray(value)) {
      if (typeof element.id !== 'string') continue;
      if (type === 'extensionElements' || type.startsWith('BPMN')) continue;
      out.push({
        bpmnProcessId: processId,
        elementId: element.id,
        name: String(element.name ?? element.id),
        elementType: type,
      });
      if (type === 'subProcess') collect(element, processId, out);
    }
  }
}

function asArray(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value as Record<string, unknown>[];
  return value && typeof value === 'object' ? [value as Record<string, unknown>] : [];
}
