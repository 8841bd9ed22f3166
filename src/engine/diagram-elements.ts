import { XMLParser } from 'fast-xml-parser';

export interface DiagramElement {
  bpmnProcessId: string;
  elementId: string;
  name: string;
  elementType: string;
}

/** Suffix of the activity id Camunda 7 gives the body of a multi-instance activity. */
export const MULTI_INSTANCE_BODY = '#multiInstanceBody';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true });

/**
 * Names of every element of every process in a BPMN file (engine events carry only ids; people read names). A
 * multi-instance activity also gets the id Camunda 7 gives its body, `<id>#multiInstanceBody` (element type
 * `multiInstanceBody`), which the engine reports as an activity of its own around the instances.
 */
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
      if (element.multiInstanceLoopCharacteristics !== undefined)
        out.push({
          bpmnProcessId: processId,
          elementId: `${element.id}${MULTI_INSTANCE_BODY}`,
          name: String(element.name ?? element.id),
          elementType: 'multiInstanceBody',
        });
      if (type === 'subProcess') collect(element, processId, out);
    }
  }
}

function asArray(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value as Record<string, unknown>[];
  return value && typeof value === 'object' ? [value as Record<string, unknown>] : [];
}
