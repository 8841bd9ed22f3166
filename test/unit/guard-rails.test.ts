import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkDeployment, refusal, type DeploymentContract } from '../../src/engine/guard-rails';
import { PUBLISHED_MESSAGES } from '../../src/engine-commands/published-messages';
import { deploymentContract, WORKER_BPMN_ERRORS } from '../../workers/deployment-contract';

const contract: DeploymentContract = {
  topics: ['pay-instalment'],
  roles: ['benefits', 'managers'],
  messages: ['decision-changed'],
  errors: ['payout-rejected'],
};

const diagram = (body: string, definitions = '') => ({
  name: 'test.bpmn',
  content: `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d">
  <bpmn:message id="m" name="decision-changed" />
  <bpmn:error id="e" name="x" errorCode="payout-rejected" />
  ${definitions}
  <bpmn:process id="p" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`,
});

describe('guard rails before a deployment reaches the engine', () => {
  it('lets a diagram through that keeps what the code relies on', () => {
    const ok = diagram(
      `<bpmn:serviceTask id="pay" camunda:type="external" camunda:topic="pay-instalment" />
       <bpmn:userTask id="u" camunda:candidateGroups="benefits, managers" camunda:formRef="f" />
       <bpmn:userTask id="x" camunda:candidateGroups="\${team}" />
       <bpmn:businessRuleTask id="r" camunda:decisionRef="routing" />`,
    );
    const form = { name: 'f.form', content: JSON.stringify({ id: 'f', components: [] }) };
    expect(checkDeployment([ok, form], contract, { decisions: ['routing'] })).toEqual([]);
  });

  it('refuses each broken promise with its reason', () => {
    const broken = diagram(
      `<bpmn:subProcess id="s"><bpmn:serviceTask id="typo" camunda:type="external" camunda:topic="pay-instalmnet" /></bpmn:subProcess>
       <bpmn:userTask id="u" camunda:candidateGroups="benefit" camunda:formRef="no-such-form" />
       <bpmn:businessRuleTask id="r" camunda:decisionRef="no-such-table" />`,
    );
    broken.content = broken.content
      .replace('<bpmn:message id="m" name="decision-changed" />', '')
      .replace('<bpmn:error id="e" name="x" errorCode="payout-rejected" />', '');
    const findings = checkDeployment([broken], contract);
    expect(findings.map((f) => [f.rule, f.element])).toEqual([
      ['unserved-topic', 'typo'],
      ['missing-form', 'u'],
      ['unknown-group', 'u'],
      ['missing-decision', 'r'],
      ['dropped-message', undefined],
      ['dropped-error', undefined],
    ]);
    expect(refusal(findings)).toContain(
      'test.bpmn / typo: Krok typo używa tematu „pay-instalmnet”, którego nie obsługuje żaden worker',
    );
    expect(refusal(findings)).toContain('Zadanie u jest dla grupy „benefit”, która nie jest żadną rolą');
  });

  it('reports a file it cannot read', () => {
    expect(checkDeployment([{ name: 'x.form', content: '{' }], contract)[0]).toMatchObject({
      resource: 'x.form',
      rule: 'unreadable',
    });
  });

  it('the model in bpmn/ passes its own contract', () => {
    const dir = path.join(__dirname, '../../bpmn');
    const resources = readdirSync(dir)
      .filter((f) => /\.(bpmn|dmn|form)$/.test(f))
      .map((name) => ({ name, content: readFileSync(path.join(dir, name), 'utf8') }));
    expect(checkDeployment(resources, deploymentContract())).toEqual([]);
  });
});

/** The contract's lists equal what the code publishes (grepped from the sources). */
describe('published messages and worker errors', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'));
  const root = path.join(__dirname, '../..');

  it('lists every message the app correlates', () => {
    const names = new Set<string>();
    for (const text of sources(path.join(root, 'src'))) {
      for (const m of text.matchAll(/messageName: '([a-z-]+)'/g)) names.add(m[1]!);
      for (const m of text.matchAll(/name: '((?:decision|appeal)-[a-z-]+)'/g)) names.add(m[1]!);
    }
    expect([...names].sort()).toEqual([...PUBLISHED_MESSAGES].sort());
  });

  it('lists every BPMN error a worker throws', () => {
    const codes = new Set<string>();
    for (const text of sources(path.join(root, 'workers')))
      for (const m of text.matchAll(/bpmnError\(\s*'([a-z-]+)'/g)) codes.add(m[1]!);
    expect([...codes].sort()).toEqual([...WORKER_BPMN_ERRORS].sort());
  });
});
