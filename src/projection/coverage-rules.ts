import type { ModelFlow, ModelNode, ProcessModel } from './bpmn-model';

/** What the feed saw of one process (every instance, any version), by element id. */
export interface Observed {
  /** activity-ended with canceled = false (a multi-instance body counts for its activity). */
  ended: Set<string>;
  /** activity-started */
  started: Set<string>;
  /** flow-taken */
  taken: Set<string>;
}

/** How the coverage is measured, written into the report for whoever reads it later. */
export const COVERAGE_BASIS =
  'engine_events (event feed of the Camunda 7 test engine): an element counts when it ended not cancelled ' +
  '(a multi-instance body counts for its activity); an end or intermediate throw event when it was reached ' +
  '(Camunda 7 ends an error, escalation, terminate or cancel end event cancelled: it cancels its own scope); an ' +
  'event-based gateway, and each flow leaving it, when the event the flow leads to ended (Camunda 7 cancels the ' +
  'gateway and takes no such flow); a compensation boundary event when its handler ended (Camunda 7 never ' +
  'starts the boundary event itself); a link event when a flow into the throw / out of the catch was taken ' +
  '(Camunda 7 writes no history for link events); a sequence flow when it was taken (flow-taken) at least once';

/** The ids of the model's elements and flows that the observed events cover, by the rules of COVERAGE_BASIS. */
export function coveredIds(
  model: ProcessModel,
  seen: Observed,
): { elements: Set<string>; flows: Set<string> } {
  const nodes = new Map(model.nodes.map((node) => [node.id, node]));
  const flowCovered = (flow: ModelFlow) =>
    nodes.get(flow.source)?.type === 'eventBasedGateway'
      ? seen.ended.has(flow.target)
      : seen.taken.has(flow.id);
  const elements = new Set(
    model.nodes.filter((node) => nodeCovered(node, model, seen)).map((node) => node.id),
  );
  const flows = new Set(model.flows.filter(flowCovered).map((flow) => flow.id));
  return { elements, flows };
}

function nodeCovered(node: ModelNode, model: ProcessModel, seen: Observed): boolean {
  const outgoing = () => model.flows.filter((flow) => flow.source === node.id);
  const incoming = () => model.flows.filter((flow) => flow.target === node.id);
  if (node.type === 'eventBasedGateway') return outgoing().some((flow) => seen.ended.has(flow.target));
  if (node.eventDefinitions.includes('linkEventDefinition'))
    return (node.type === 'intermediateThrowEvent' ? incoming() : outgoing()).some((flow) =>
      seen.taken.has(flow.id),
    );
  if (node.type === 'boundaryEvent' && node.eventDefinitions.includes('compensateEventDefinition'))
    return model.associations.some((link) => link.source === node.id && seen.ended.has(link.target));
  if (node.type === 'endEvent' || node.type === 'intermediateThrowEvent')
    return seen.started.has(node.id) || seen.ended.has(node.id);
  return seen.ended.has(node.id);
}
