import { XMLParser } from 'fast-xml-parser';

/** A flow node of a process as the coverage rules need it (BPMN tag name, event definitions, attachment). */
export interface ModelNode {
  id: string;
  /** BPMN tag without namespace: userTask, boundaryEvent, eventBasedGateway… */
  type: string;
  /** Tags of its event definitions: timerEventDefinition, linkEventDefinition… */
  eventDefinitions: string[];
}

export interface ModelFlow {
  id: string;
  source: string;
  target: string;
}

/** One `<process>` of a BPMN file: its flow nodes, sequence flows and associations, sub-processes flattened. */
export interface ProcessModel {
  bpmnProcessId: string;
  nodes: ModelNode[];
  flows: ModelFlow[];
  associations: { source: string; target: string }[];
}

/** Children with an id that are not flow nodes (the process itself, artefacts, data). */
const NOT_FLOW_NODES = new Set([
  'sequenceFlow',
  'association',
  'laneSet',
  'textAnnotation',
  'dataObjectReference',
  'dataObject',
  'dataStoreReference',
  'group',
  'ioSpecification',
  'property',
  'category',
]);

/** Containers whose children belong to the same process (Camunda 7 runs them in the same instance). */
const CONTAINERS = new Set(['subProcess', 'transaction', 'adHocSubProcess']);

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true });

type XmlElement = Record<string, unknown>;

/** The executable processes of a BPMN file (one per `<process>`; a pool drawn only as a partner is left out). */
export function processModels(xml: string): ProcessModel[] {
  const doc = parser.parse(xml) as { definitions?: XmlElement };
  const executable = asArray(doc.definitions?.process).filter((process) => process.isExecutable !== 'false');
  return executable.map((process) => {
    const model: ProcessModel = { bpmnProcessId: String(process.id), nodes: [], flows: [], associations: [] };
    collect(process, model);
    return model;
  });
}

function collect(container: XmlElement, model: ProcessModel): void {
  for (const [type, value] of Object.entries(container)) {
    if (type === 'extensionElements' || typeof value !== 'object' || value === null) continue;
    for (const element of asArray(value)) {
      if (type === 'association')
        model.associations.push({ source: String(element.sourceRef), target: String(element.targetRef) });
      if (typeof element.id !== 'string') continue;
      if (type === 'sequenceFlow')
        model.flows.push({
          id: element.id,
          source: String(element.sourceRef),
          target: String(element.targetRef),
        });
      else if (!NOT_FLOW_NODES.has(type))
        model.nodes.push({
          id: element.id,
          type,
          eventDefinitions: Object.keys(element).filter((key) => key.endsWith('EventDefinition')),
        });
      if (CONTAINERS.has(type)) collect(element, model);
    }
  }
}

function asArray(value: unknown): XmlElement[] {
  if (Array.isArray(value)) return value.filter((v): v is XmlElement => typeof v === 'object' && v !== null);
  return value && typeof value === 'object' ? [value as XmlElement] : [];
}
