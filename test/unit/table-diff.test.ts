import { diffDmn, diffForm, dmnSummary, formSummary } from '../../src/models/table-diff';
import { definitionKeys } from '../../src/models/definition-keys';

const table = (rules: string) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
  <decision id="fee" name="Opłata">
    <decisionTable id="t" hitPolicy="FIRST">
      <input id="i1" label="Dochód"><inputExpression id="e1" typeRef="number"><text>income</text></inputExpression></input>
      <output id="o1" label="Procent" name="percent" typeRef="number" />
      ${rules}
    </decisionTable>
  </decision>
</definitions>`;
const rule = (id: string, when: string, then: string) =>
  `<rule id="${id}"><description>${id} opis</description><inputEntry id="${id}-i"><text>${when}</text></inputEntry><outputEntry id="${id}-o"><text>${then}</text></outputEntry></rule>`;

describe('rule-level diff of decision tables and field-level diff of forms', () => {
  it('names the added, removed and changed rules with their entries before and after', () => {
    const before = table(
      rule('r1', '&lt; 1000', '0') + rule('r2', '&gt;= 1000', '10') + rule('r3', '-', '20'),
    );
    const after = table(
      rule('r1', '&lt; 1000', '0') + rule('r2', '&gt;= 1000', '15') + rule('r4', '-', '30'),
    );
    const diff = diffDmn(before, after);
    expect(diff.map((d) => [d.id, d.name, d.columns])).toEqual([['fee', 'Opłata', ['Dochód', '→ Procent']]]);
    expect(diff[0]!.rules.map((r) => [r.id, r.status, r.before, r.after])).toEqual([
      ['r1', 'same', ['< 1000', '0'], ['< 1000', '0']],
      ['r2', 'changed', ['>= 1000', '10'], ['>= 1000', '15']],
      ['r4', 'added', null, ['-', '30']],
      ['r3', 'removed', ['-', '20'], null],
    ]);
    expect(diff[0]!.rules[1]!.description).toBe('r2 opis');
    expect(dmnSummary(diff)).toEqual({ added: ['r4'], removed: ['r3'], changed: ['r2'] });
  });

  it('compares form fields by id, nested ones too', () => {
    const before = JSON.stringify({
      id: 'f',
      components: [
        { id: 'a', key: 'a', type: 'textfield', label: 'A' },
        { id: 'g', type: 'group', components: [{ id: 'b', key: 'b', type: 'number', label: 'B' }] },
      ],
    });
    const after = JSON.stringify({
      id: 'f',
      components: [
        { id: 'a', key: 'a', type: 'textfield', label: 'A (zmienione)' },
        { id: 'g', type: 'group', components: [{ id: 'c', key: 'c', type: 'number', label: 'C' }] },
      ],
    });
    const rows = diffForm(before, after);
    expect(rows.map((r) => [r.id, r.status, r.label])).toEqual([
      ['a', 'changed', 'A (zmienione)'],
      ['g', 'same', 'g'],
      ['c', 'added', 'C'],
      ['b', 'removed', 'B'],
    ]);
    expect(formSummary(rows)).toEqual({ added: ['c'], removed: ['b'], changed: ['a'] });
  });

  it('reads the definition keys a file gives the engine', () => {
    expect(definitionKeys('fee.dmn', table(''))).toEqual(['fee']);
    expect(definitionKeys('x.form', '{"id":"my-form"}')).toEqual(['my-form']);
    expect(
      definitionKeys(
        'p.bpmn',
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p1" isExecutable="true"/><bpmn:process id="p2" isExecutable="false"/></bpmn:definitions>',
      ),
    ).toEqual(['p1']);
  });
});
