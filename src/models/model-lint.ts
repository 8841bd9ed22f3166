import { DmnModdle } from 'dmn-moddle';

/**
 * The checks of the decision tables and the forms (`npm run lint:bpmn` runs them through scripts/lint-models.ts; the
 * browser editors on every save):
 * - DMN, read with bpmn.io's dmn-moddle: the XML is valid DMN 1.3 (an unknown element or attribute is a finding),
 *   every decision has `camunda:historyTimeToLive` (Camunda 7.24 refuses it otherwise), a decision table has a hit
 *   policy, named outputs, an expression on every input, and every rule as many entries as inputs and outputs.
 * - Forms (form-js JSON): the platform is Camunda 7.24, component types are form-js ones, ids and keys are unique,
 *   a choice has its options.
 * dmn-moddle is an ES module: this file is loaded by tsx (the CLI, the model tool child process), not by jest.
 */
export interface ModelFinding {
  /** The decision or form field the finding is about. */
  element?: string;
  message: string;
}

const ENGINE_VERSION = /^7\.24\./;
const HIT_POLICIES = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'];
const FORM_TYPES = new Set([
  'textfield',
  'textarea',
  'number',
  'datetime',
  'select',
  'radio',
  'checkbox',
  'checklist',
  'taglist',
  'text',
  'html',
  'image',
  'spacer',
  'separator',
  'group',
  'dynamiclist',
  'table',
  'iframe',
  'expression',
  'button',
]);
const CHOICES = new Set(['select', 'radio', 'checklist', 'taglist']);

interface ModdleElement {
  $type: string;
  id?: string;
  [key: string]: unknown;
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

export async function lintDmn(xml: string): Promise<ModelFinding[]> {
  const findings: ModelFinding[] = [];
  const push = (element: string | undefined, message: string) => findings.push({ element, message });
  const moddle = new (
    DmnModdle as new () => {
      fromXML(
        xml: string,
        type: string,
      ): Promise<{ rootElement: ModdleElement; warnings: { message: string }[] }>;
    }
  )();
  let parsed: Awaited<ReturnType<typeof moddle.fromXML>>;
  try {
    parsed = await moddle.fromXML(xml, 'dmn:Definitions');
  } catch (error) {
    return [
      {
        message: `to nie jest poprawny plik DMN (${error instanceof Error ? error.message : String(error)})`,
      },
    ];
  }
  for (const warning of parsed.warnings) push(undefined, warning.message);
  for (const decision of list<ModdleElement>(parsed.rootElement.drgElement)) {
    if (decision.$type !== 'dmn:Decision') continue;
    const at = decision.id;
    // the camunda: extension is read as a plain attribute (no camunda moddle for DMN loaded)
    const attrs = (decision.$attrs ?? {}) as Record<string, unknown>;
    if (attrs['camunda:historyTimeToLive'] === undefined)
      push(at, `brak camunda:historyTimeToLive (Camunda 7.24 nie wdroży takiej decyzji)`);
    const logic = decision.decisionLogic as ModdleElement | undefined;
    if (!logic) {
      push(at, `decyzja bez tabeli ani wyrażenia`);
      continue;
    }
    if (logic.$type !== 'dmn:DecisionTable') continue;
    const inputs = list<ModdleElement>(logic.input);
    const outputs = list<ModdleElement>(logic.output);
    const hitPolicy = String(logic.hitPolicy ?? 'UNIQUE');
    if (!HIT_POLICIES.includes(hitPolicy)) push(at, `nieznana zasada trafień „${hitPolicy}”`);
    if (outputs.length === 0) push(at, `tabela bez wyjść`);
    outputs.forEach((output, i) => {
      if (!output.name) push(at, `wyjście ${i + 1} bez nazwy (nazwa to zmienna wyniku)`);
    });
    inputs.forEach((input, i) => {
      const text = (input.inputExpression as ModdleElement | undefined)?.text;
      if (typeof text !== 'string' || text.trim() === '')
        push(at, `wejście ${i + 1} (${String(input.label ?? input.id)}) bez wyrażenia`);
    });
    list<ModdleElement>(logic.rule).forEach((rule, i) => {
      const ins = list(rule.inputEntry).length;
      const outs = list(rule.outputEntry).length;
      if (ins !== inputs.length || outs !== outputs.length)
        push(
          at,
          `reguła ${i + 1} ma ${ins} warunków i ${outs} wyników, a tabela ${inputs.length} wejść i ${outputs.length} wyjść`,
        );
    });
  }
  return findings;
}

interface FormComponent {
  id?: string;
  key?: string;
  type?: string;
  values?: unknown[];
  valuesKey?: string;
  valuesExpression?: string;
  components?: FormComponent[];
}

export function lintForm(text: string): ModelFinding[] {
  let form: FormComponent & { type?: string; executionPlatform?: string; executionPlatformVersion?: string };
  try {
    form = JSON.parse(text) as typeof form;
  } catch (error) {
    return [{ message: `to nie jest JSON (${error instanceof Error ? error.message : String(error)})` }];
  }
  const findings: ModelFinding[] = [];
  const push = (element: string | undefined, message: string) => findings.push({ element, message });
  if (!form.id) push(undefined, `formularz bez id (tym id wskazuje go camunda:formRef)`);
  if (form.type !== 'default') push(undefined, `typ formularza „${String(form.type)}” zamiast „default”`);
  if (
    form.executionPlatform !== 'Camunda Platform' ||
    !ENGINE_VERSION.test(form.executionPlatformVersion ?? '')
  )
    push(
      undefined,
      `formularz dla ${String(form.executionPlatform)} ${String(form.executionPlatformVersion)}, a silnik to Camunda Platform 7.24`,
    );
  const ids = new Set<string>();
  const keys = new Set<string>();
  const walk = (components: FormComponent[] | undefined) => {
    for (const c of components ?? []) {
      const at = c.id ?? c.key ?? '?';
      if (!c.type || !FORM_TYPES.has(c.type)) push(at, `nieznany typ pola „${String(c.type)}”`);
      if (c.id) {
        if (ids.has(c.id)) push(at, `id „${c.id}” powtarza się`);
        ids.add(c.id);
      }
      if (c.key) {
        if (keys.has(c.key)) push(at, `klucz „${c.key}” powtarza się (dwa pola, jedna zmienna)`);
        keys.add(c.key);
      }
      if (c.type && CHOICES.has(c.type) && !c.valuesKey && !c.valuesExpression && list(c.values).length === 0)
        push(at, `pole wyboru bez opcji`);
      walk(c.components);
    }
  };
  walk(form.components);
  return findings;
}
