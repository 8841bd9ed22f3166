import { processModels } from '../../src/projection/bpmn-model';
import { coveredIds, type Observed } from '../../src/projection/coverage-rules';

const bpmn = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
  <bpmn:process id="p" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;

const seen = (fields: Partial<Record<keyof Observed, string[]>>): Observed => ({
  ended: new Set(fields.ended ?? []),
  started: new Set(fields.started ?? []),
  taken: new Set(fields.taken ?? []),
});

const [gatewayModel] = processModels(
  bpmn(`
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:eventBasedGateway id="wait" />
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="letter" />
    <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="deadline" />
    <bpmn:intermediateCatchEvent id="letter"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="deadline"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f4" sourceRef="letter" targetRef="failed" />
    <bpmn:endEvent id="failed"><bpmn:errorEventDefinition errorRef="e" /></bpmn:endEvent>
    <bpmn:sequenceFlow id="f5" sourceRef="deadline" targetRef="done" />
    <bpmn:endEvent id="done" />`),
);

describe('BPMN coverage rules for Camunda 7', () => {
  it('reads the flow nodes, flows and event definitions of a process', () => {
    expect(gatewayModel!.bpmnProcessId).toBe('p');
    expect(gatewayModel!.nodes.map((node) => `${node.id}:${node.type}`)).toEqual([
      'start:startEvent',
      'wait:eventBasedGateway',
      'letter:intermediateCatchEvent',
      'deadline:intermediateCatchEvent',
      'failed:endEvent',
      'done:endEvent',
    ]);
    expect(gatewayModel!.nodes.find((node) => node.id === 'failed')?.eventDefinitions).toEqual([
      'errorEventDefinition',
    ]);
    expect(gatewayModel!.flows).toHaveLength(5);
  });

  it('counts an event-based gateway and its flow when the event it leads to ended', () => {
    // what Camunda 7 reports for the message branch: the gateway ends cancelled, f2 is never taken, the error end
    // event ends cancelled (it cancels its own scope)
    const covered = coveredIds(
      gatewayModel!,
      seen({
        ended: ['start', 'letter'],
        started: ['start', 'wait', 'letter', 'failed'],
        taken: ['f1', 'f4'],
      }),
    );
    expect([...covered.elements].sort()).toEqual(['failed', 'letter', 'start', 'wait']);
    expect([...covered.flows].sort()).toEqual(['f1', 'f2', 'f4']);
  });

  it('does not count a gateway left by nothing, nor a task that was only cancelled', () => {
    const covered = coveredIds(
      gatewayModel!,
      seen({ started: ['start', 'wait'], ended: ['start'], taken: ['f1'] }),
    );
    expect([...covered.elements]).toEqual(['start']);
    expect([...covered.flows]).toEqual(['f1']);
  });

  it('counts a compensation boundary event by its handler, link events by their flows', () => {
    const [model] = processModels(
      bpmn(`
      <bpmn:serviceTask id="pay" />
      <bpmn:boundaryEvent id="undo" attachedToRef="pay"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
      <bpmn:serviceTask id="refund" isForCompensation="true" />
      <bpmn:association id="a1" associationDirection="One" sourceRef="undo" targetRef="refund" />
      <bpmn:sequenceFlow id="f1" sourceRef="pay" targetRef="jump" />
      <bpmn:intermediateThrowEvent id="jump"><bpmn:linkEventDefinition name="L" /></bpmn:intermediateThrowEvent>
      <bpmn:intermediateCatchEvent id="land"><bpmn:linkEventDefinition name="L" /></bpmn:intermediateCatchEvent>
      <bpmn:sequenceFlow id="f2" sourceRef="land" targetRef="end" />
      <bpmn:endEvent id="end" />`),
    );
    const covered = coveredIds(
      model!,
      seen({ ended: ['pay', 'refund', 'end'], started: ['pay', 'refund', 'end'], taken: ['f1', 'f2'] }),
    );
    expect([...covered.elements].sort()).toEqual(['end', 'jump', 'land', 'pay', 'refund', 'undo']);
    expect(coveredIds(model!, seen({ ended: ['pay'] })).elements).toEqual(new Set(['pay']));
  });

  it('leaves out a pool that is not executable', () => {
    const xml = bpmn('<bpmn:task id="t" />').replace(
      '</bpmn:definitions>',
      '<bpmn:process id="applicant" isExecutable="false" /></bpmn:definitions>',
    );
    expect(processModels(xml).map((model) => model.bpmnProcessId)).toEqual(['p']);
  });

  it('flattens sub-processes into their process', () => {
    const [model] = processModels(
      bpmn(`
      <bpmn:subProcess id="team">
        <bpmn:userTask id="interview" />
        <bpmn:subProcess id="inner"><bpmn:task id="deep" /></bpmn:subProcess>
      </bpmn:subProcess>
      <bpmn:textAnnotation id="note" />`),
    );
    expect(model!.nodes.map((node) => node.id)).toEqual(['team', 'interview', 'inner', 'deep']);
  });
});
