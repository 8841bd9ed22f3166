import { inDrawingOrder } from '../../src/domain/drawing-order';

describe('steps in the order people read the drawing', () => {
  const xml = `<bpmndi:BPMNPlane>
    <bpmndi:BPMNShape id="b_di" bpmnElement="b"><dc:Bounds x="400" y="100" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="a_di" bpmnElement="a"><dc:Bounds x="200" y="100" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape bpmnElement="c" id="c_di"><dc:Bounds y="300" x="200" width="100" height="80" /></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane>`;

  it('given shapes, then left to right, then top to bottom; an element without a shape comes last', () => {
    const order = inDrawingOrder(
      [{ elementId: 'hidden' }, { elementId: 'b' }, { elementId: 'c' }, { elementId: 'a' }],
      xml,
    ).map((e) => e.elementId);
    expect(order).toEqual(['a', 'c', 'b', 'hidden']);
  });
});
