import { XMLParser } from 'fast-xml-parser';

/**
 * Guard rails before a deployment reaches the engine: what the code relies on that a changed diagram must not
 * break. Each finding names the file, the element and the rule, in Polish, so a process owner can fix it.
 */
export interface DeploymentContract {
  /** External-task topics a worker serves. */
  topics: readonly string[];
  /** Role ids (= candidate groups). */
  roles: readonly string[];
  /** Messages the code publishes (it correlates them): some diagram must still catch each. */
  messages: readonly string[];
  /** BPMN error codes the workers throw: some diagram must still define each. */
  errors: readonly string[];
}

export type GuardRule =
  | 'unserved-topic'
  | 'missing-form'
  | 'missing-decision'
  | 'unknown-group'
  | 'dropped-message'
  | 'dropped-error'
  | 'unreadable';

export interface GuardFinding {
  resource: string;
  element?: string;
  rule: GuardRule;
  message: string;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true });

type Node = Record<string, unknown>;

/** Every element under `node` with its tag (depth first). */
function* walk(node: unknown, tag = ''): Generator<{ tag: string; node: Node }> {
  if (Array.isArray(node)) {
    for (const item of node) yield* walk(item, tag);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  yield { tag, node: node as Node };
  for (const [key, value] of Object.entries(node)) if (typeof value === 'object') yield* walk(value, key);
}

const attr = (node: Node, name: string): string | undefined =>
  typeof node[name] === 'string' ? node[name] : undefined;
const isExpression = (value: string) => /^\s*[$#]\{/.test(value);

/**
 * Checks the resources of one deployment. Forms and decisions may come from the same deployment or be deployed
 * already (`deployed`); messages and errors are checked over the diagrams of this deployment (the whole model
 * folder) only when it has diagrams.
 */
export function checkDeployment(
  resources: { name: string; content: string }[],
  contract: DeploymentContract,
  deployed: { forms?: readonly string[]; decisions?: readonly string[] } = {},
): GuardFinding[] {
  const findings: GuardFinding[] = [];
  const forms = new Set(deployed.forms ?? []);
  const decisions = new Set(deployed.decisions ?? []);
  const diagrams: { name: string; doc: unknown }[] = [];
  for (const resource of resources) {
    try {
      if (resource.name.endsWith('.form')) {
        const id = (JSON.parse(resource.content) as { id?: unknown }).id;
        if (typeof id === 'string') forms.add(id);
        else
          findings.push({
            resource: resource.name,
            rule: 'unreadable',
            message: 'Formularz nie ma identyfikatora (id).',
          });
      } else if (resource.name.endsWith('.dmn')) {
        for (const { tag, node } of walk(parser.parse(resource.content)))
          if (tag === 'decision' && attr(node, 'id')) decisions.add(attr(node, 'id')!);
      } else if (resource.name.endsWith('.bpmn')) {
        diagrams.push({ name: resource.name, doc: parser.parse(resource.content) });
      }
    } catch (error) {
      findings.push({
        resource: resource.name,
        rule: 'unreadable',
        message: `Pliku nie da się odczytać: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  const topics = new Set(contract.topics);
  const roles = new Set(contract.roles);
  const caught = new Set<string>();
  const defined = new Set<string>();
  for (const diagram of diagrams) {
    for (const { tag, node } of walk(diagram.doc)) {
      const id = attr(node, 'id');
      const at = { resource: diagram.name, element: id };
      if (tag === 'message' && attr(node, 'name')) caught.add(attr(node, 'name')!);
      if (tag === 'error' && attr(node, 'errorCode')) defined.add(attr(node, 'errorCode')!);
      const topic = attr(node, 'topic');
      if (attr(node, 'type') === 'external' && topic && !isExpression(topic) && !topics.has(topic))
        findings.push({
          ...at,
          rule: 'unserved-topic',
          message: `Krok ${id} używa tematu „${topic}”, którego nie obsługuje żaden worker — utknąłby bez końca.`,
        });
      const formRef = attr(node, 'formRef');
      if (formRef && !isExpression(formRef) && !forms.has(formRef))
        findings.push({
          ...at,
          rule: 'missing-form',
          message: `Zadanie ${id} wskazuje formularz „${formRef}”, którego nie ma ani we wdrożeniu, ani w silniku.`,
        });
      const decisionRef = attr(node, 'decisionRef');
      if (
        tag === 'businessRuleTask' &&
        decisionRef &&
        !isExpression(decisionRef) &&
        !decisions.has(decisionRef)
      )
        findings.push({
          ...at,
          rule: 'missing-decision',
          message: `Krok ${id} wskazuje tabelę decyzyjną „${decisionRef}”, której nie ma ani we wdrożeniu, ani w silniku.`,
        });
      const groups = attr(node, 'candidateGroups');
      for (const group of (groups ?? '').split(',').map((g) => g.trim()))
        if (group && !isExpression(group) && !roles.has(group))
          findings.push({
            ...at,
            rule: 'unknown-group',
            message: `Zadanie ${id} jest dla grupy „${group}”, która nie jest żadną rolą — nikt by go nie zobaczył.`,
          });
    }
  }
  if (diagrams.length > 0) {
    for (const message of contract.messages)
      if (!caught.has(message))
        findings.push({
          resource: diagrams.map((d) => d.name).join(', '),
          rule: 'dropped-message',
          message: `Żaden diagram nie odbiera komunikatu „${message}”, który wysyła aplikacja — zdarzenia z akt nie dotarłyby do procesu.`,
        });
    for (const code of contract.errors)
      if (!defined.has(code))
        findings.push({
          resource: diagrams.map((d) => d.name).join(', '),
          rule: 'dropped-error',
          message: `Żaden diagram nie definiuje błędu „${code}”, który zgłaszają workery — zamiast ścieżki modelu byłby incydent.`,
        });
  }
  return findings;
}

/** The findings as one refusal a person can read. */
export function refusal(findings: GuardFinding[]): string {
  return [
    `Wdrożenie odrzucone (${findings.length}):`,
    ...findings.map((f) => `  ${f.resource}${f.element ? ` / ${f.element}` : ''}: ${f.message}`),
  ].join('\n');
}
