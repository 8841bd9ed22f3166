/**
 * `npm run docs:model`: rewrites the model catalogue of bpmn/README.md (between the model-catalog markers) from
 * bpmn/*.bpmn and bpmn/*.dmn — for every process its user tasks (role, form, due date and where the due date comes
 * from), external-task steps (topic and extension properties), timers, messages, errors and escalations, call
 * activities and business rule tasks, and a table of the DMN decisions — read from the Camunda 7 (`camunda:`)
 * extensions. The text outside the markers is written by hand.
 *
 *   npx tsx scripts/model-catalog.ts           # rewrite bpmn/README.md (and format it with Prettier)
 *   npx tsx scripts/model-catalog.ts --print   # print the generated block only (test/unit/model-catalog.test.ts)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { XMLParser } from 'fast-xml-parser';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';

export const START = '<!-- model-catalog:start -->';
export const END = '<!-- model-catalog:end -->';

type El = ModdleElement;

interface ProcessModel {
  file: string;
  process: El;
  /** Every flow element, sub-process contents included, in document order. */
  elements: El[];
  /** The sub-process an element sits in (undefined: directly in the process). */
  container: Map<El, El | undefined>;
}

interface DmnDecision {
  file: string;
  id: string;
  name: string;
  hitPolicy: string;
  inputs: string[];
  outputs: string[];
  rules: number | undefined;
  requires: string[];
}

interface Caller {
  process: ProcessModel;
  element: El;
}

// ---------------------------------------------------------------------------------------------------------
// reading the model

const list = (element: El | undefined, property: string): El[] =>
  (element?.[property] as El[] | undefined) ?? [];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function extensions(element: El, type: string): El[] {
  return list(element.extensionElements as El | undefined, 'values').filter((v) => v.$type === type);
}

const extension = (element: El, type: string): El | undefined => extensions(element, type)[0];

/** `camunda:properties` of a step: what its worker reads as the external task's extension properties. */
function properties(element: El): Array<{ key: string; value: string }> {
  return list(extension(element, 'camunda:Properties'), 'values').map((p) => ({
    key: text(p.name),
    value: text(p.value),
  }));
}

const property = (element: El, key: string): string | undefined =>
  properties(element).find((h) => h.key === key)?.value;

/** A value definition written out: an expression, a `camunda:map` as `{key: …}`, a `camunda:list` as `[…]`. */
function definitionText(definition: El): string {
  switch (definition.$type) {
    case 'camunda:Map':
      return `{${list(definition, 'entries')
        .map((e) => `${text(e.key)}: ${parameterValue(e)}`)
        .join(', ')}}`;
    case 'camunda:List':
      return `[${list(definition, 'items').map(definitionText).join(', ')}]`;
    case 'camunda:Value':
      return text(definition.value);
    default:
      return definition.$type;
  }
}

/** A parameter's (or a map entry's) value. */
function parameterValue(parameter: El): string {
  const definition = parameter.definition as El | undefined;
  return definition ? definitionText(definition) : text(parameter.value);
}

/**
 * Input and output mappings: `camunda:inputOutput` parameters and a call activity's `camunda:in` / `camunda:out`
 * (the business key and `variables="all"` are not variables, so they are left out).
 */
function mappings(
  element: El,
  kind: 'inputParameters' | 'outputParameters',
): Array<{ source: string; target: string }> {
  const parameters = list(extension(element, 'camunda:InputOutput'), kind).map((p) => ({
    source: parameterValue(p),
    target: text(p.name),
  }));
  const calls = extensions(element, kind === 'inputParameters' ? 'camunda:In' : 'camunda:Out')
    .filter((m) => text(m.target))
    .map((m) => ({
      source: text(m.source) ? `\${${text(m.source)}}` : text(m.sourceExpression),
      target: text(m.target),
    }));
  return [...parameters, ...calls];
}

/**
 * A JUEL expression as the catalogue shows it: without `${…}`, and `execution.getVariable('x')` (a variable that
 * may be missing reads as null) as plain `x`.
 */
export function shown(expression: string): string {
  const body = /^\$\{([\s\S]*)\}$/.exec(expression.trim())?.[1] ?? expression;
  return body.replace(/execution\.getVariable\('(\w+)'\)/g, '$1').trim();
}

const isSubProcess = (element: El) => /SubProcess$|Transaction$/.test(element.$type);

export async function readProcesses(dir: string): Promise<ProcessModel[]> {
  const moddle = new BpmnModdle({ camunda });
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bpmn'))
    .sort();
  const result: ProcessModel[] = [];
  for (const file of files) {
    const { rootElement } = await moddle.fromXML(readFileSync(path.join(dir, file), 'utf8'));
    for (const process of list(rootElement, 'rootElements').filter((e) => e.$type === 'bpmn:Process')) {
      const elements: El[] = [];
      const container = new Map<El, El | undefined>();
      const walk = (parent: El, sub: El | undefined) => {
        for (const element of list(parent, 'flowElements')) {
          elements.push(element);
          container.set(element, sub);
          if (isSubProcess(element)) walk(element, element);
        }
      };
      walk(process, undefined);
      result.push({ file, process, elements, container });
    }
  }
  return result;
}

const dmnParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) =>
    ['decision', 'input', 'output', 'rule', 'informationRequirement', 'inputEntry', 'outputEntry'].includes(
      name,
    ),
});

type Xml = Record<string, unknown>;
const xmlList = (node: unknown, key: string): Xml[] =>
  ((node as Xml | undefined)?.[key] as Xml[] | undefined) ?? [];
const xmlText = (node: unknown): string => {
  if (typeof node === 'string') return node;
  const value = (node as Xml | undefined)?.['#text'];
  return typeof value === 'string' ? value : '';
};

/** Top-level keys of a FEEL context literal `{ a: …, b: … }` (the fields of a literal expression's result). */
export function contextKeys(expression: string): string[] {
  const body = expression.trim();
  if (!body.startsWith('{') || !body.endsWith('}')) return [];
  const keys: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 1;
  for (let i = 1; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0 && i === body.length - 1) {
        keys.push(body.slice(start, i));
        break;
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      keys.push(body.slice(start, i));
      start = i + 1;
    }
  }
  return keys
    .map((entry) => entry.slice(0, entry.indexOf(':')).trim().replace(/^"|"$/g, ''))
    .filter((key) => key.length > 0);
}

export function readDecisions(dir: string): DmnDecision[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.dmn'))
    .sort();
  return files.flatMap((file) => {
    const doc = dmnParser.parse(readFileSync(path.join(dir, file), 'utf8')) as Xml;
    return xmlList(doc.definitions, 'decision').map((decision): DmnDecision => {
      const requires = xmlList(decision, 'informationRequirement')
        .map((r) => text((r.requiredDecision as Xml | undefined)?.href).replace(/^#/, ''))
        .filter((id) => id);
      const table = decision.decisionTable as Xml | undefined;
      const literal = decision.literalExpression as Xml | undefined;
      const variable = text((decision.variable as Xml | undefined)?.name);
      if (table) {
        const aggregation = text(table.aggregation);
        return {
          file,
          id: text(decision.id),
          name: text(decision.name),
          hitPolicy: `${text(table.hitPolicy) || 'UNIQUE'}${aggregation ? ` (${aggregation})` : ''}`,
          inputs: xmlList(table, 'input').map((input) => {
            const expression = xmlText((input.inputExpression as Xml | undefined)?.text);
            const label = text(input.label);
            return label ? `${label} (${code(expression)})` : code(expression);
          }),
          outputs: [
            xmlList(table, 'output')
              .map((output) => code(text(output.name)))
              .join(', '),
          ],
          rules: xmlList(table, 'rule').length,
          requires,
        };
      }
      const keys = literal ? contextKeys(xmlText(literal.text)) : [];
      return {
        file,
        id: text(decision.id),
        name: text(decision.name),
        hitPolicy: 'wyrażenie FEEL',
        inputs: [],
        outputs: [
          `${code(variable || text(decision.id))}${keys.length ? `: ${keys.map(code).join(', ')}` : ''}`,
        ],
        rules: undefined,
        requires,
      };
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Markdown

const code = (value: string) => (value.includes('`') ? `\`\` ${value} \`\`` : `\`${value}\``);
const cell = (value: string) => value.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
const width = (value: string) => [...value].length;

/** A GitHub table aligned the way Prettier prints it (so `prettier --check` passes on the generated block). */
export function table(head: string[], rows: string[][]): string {
  const cells = [head, ...rows].map((row) => row.map(cell));
  const widths = head.map((_, i) => Math.max(3, ...cells.map((row) => width(row[i] ?? ''))));
  const line = (row: string[]) =>
    `| ${row.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join(' | ')} |`;
  return [
    line(cells[0]!),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...cells.slice(1).map(line),
  ].join('\n');
}

function plural(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const tens = n % 100;
  const units = n % 10;
  return units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? few : many;
}

const amountText = (kind: string, n: number): string =>
  kind === 'working-days'
    ? `${n} ${plural(n, 'dzień roboczy', 'dni robocze', 'dni roboczych')}`
    : kind === 'kpa-days'
      ? `${n} ${plural(n, 'dzień', 'dni', 'dni')} (KPA)`
      : kind === 'kpa-months'
        ? `${n} ${plural(n, 'miesiąc', 'miesiące', 'miesięcy')} (KPA)`
        : `${n} (${kind})`;

/** "14 dni roboczych, pilne 2" — the rule a `compute-due-date` task's properties describe. */
export function deadlineRuleText(task: El): string {
  const kind = property(task, 'deadlineKind') ?? 'working-days';
  const parts = [amountText(kind, Number(property(task, 'deadlineAmount')))];
  const urgent = property(task, 'deadlineUrgentAmount');
  if (urgent !== undefined) parts.push(`pilne ${urgent}`);
  const time = property(task, 'deadlineTime');
  if (time) parts.push(`do godz. ${time}`);
  const from = mappings(task, 'inputParameters').find((m) => m.target === 'deadlineFrom');
  parts.push(from ? `od ${code(shown(from.source))}` : 'od dnia wykonania kroku');
  return parts.join(', ');
}

// ---------------------------------------------------------------------------------------------------------
// the catalogue

const DUE_DATE_WORKER = 'compute-due-date';

/** The topic of an external task (`camunda:type="external"`), the name its worker subscribes to. */
function taskType(element: El): string | undefined {
  return text(element.type) === 'external' ? text(element.topic) : undefined;
}

/** `${x}` → `x`; anything else is not a plain variable. */
const variableOf = (expression: string): string | undefined =>
  /^\$\{\s*([A-Za-z_][\w]*)\s*\}$/.exec(expression.trim())?.[1];

/** Retries are a property of every step (the worker's first retry count), not part of its rule. */
const RETRIES = 'retries';

class Catalog {
  private readonly callers = new Map<string, Caller[]>();

  constructor(
    readonly processes: ProcessModel[],
    readonly decisions: DmnDecision[],
  ) {
    for (const process of processes) {
      for (const element of process.elements.filter((e) => e.$type === 'bpmn:CallActivity')) {
        const called = text(element.calledElement);
        if (!called) continue;
        this.callers.set(called, [...(this.callers.get(called) ?? []), { process, element }]);
      }
    }
  }

  callersOf(processId: string): Caller[] {
    return this.callers.get(processId) ?? [];
  }

  /** Where a process variable used by a timer or a due date comes from, as far as the diagrams say. */
  variableSource(process: ProcessModel, variable: string, depth = 0): string[] {
    const computed = process.elements.flatMap((element) => {
      if (taskType(element) !== DUE_DATE_WORKER) return [];
      if (property(element, 'resultVariable') === variable)
        return [`${deadlineRuleText(element)} (${code(element.id!)}, worker ${code(DUE_DATE_WORKER)})`];
      if (property(element, 'warningVariable') === variable) {
        const days = Number(property(element, 'warningWorkingDays') ?? 0);
        const result = property(element, 'resultVariable') ?? 'dueDate';
        return [
          `${days} ${plural(days, 'dzień roboczy', 'dni robocze', 'dni roboczych')} przed ${code(result)} (${code(element.id!)}, worker ${code(DUE_DATE_WORKER)})`,
        ];
      }
      return [];
    });
    if (computed.length) return computed;
    if (depth < 3) {
      const fromCallers = new Map<string, string[]>();
      for (const caller of this.callersOf(text(process.process.id))) {
        const input = mappings(caller.element, 'inputParameters').find((m) => m.target === variable);
        if (!input) continue;
        const source = variableOf(input.source);
        const described = source
          ? this.variableSource(caller.process, source, depth + 1).join('; ') || code(shown(input.source))
          : code(shown(input.source));
        fromCallers.set(described, [
          ...(fromCallers.get(described) ?? []),
          code(text(caller.process.process.id)),
        ]);
      }
      if (fromCallers.size)
        return [...fromCallers].map(([described, callers]) => `z ${callers.join(', ')}: ${described}`);
    }
    const setters = process.elements.filter(
      (element) =>
        mappings(element, 'outputParameters').some((m) => m.target === variable) ||
        (element.$type === 'bpmn:BusinessRuleTask' && text(element.resultVariable) === variable),
    );
    return setters.map((element) => {
      const type = taskType(element);
      return type ? `wynik workera ${code(type)} (${code(element.id!)})` : `ustawia ${code(element.id!)}`;
    });
  }

  /** A JUEL expression (`${…}`) with what the diagrams say about it. */
  explain(process: ProcessModel, expression: string): string {
    const variable = variableOf(expression);
    const sources = variable ? this.variableSource(process, variable) : [];
    return [code(expression), ...sources].join(' — ');
  }

  /** Candidate groups; `${draftingGroup}` is resolved from the calling processes' `camunda:in` mappings. */
  roles(process: ProcessModel, task: El): string {
    const groups = text(task.candidateGroups);
    const parts: string[] = [];
    if (groups.includes('${')) {
      const variable = variableOf(groups);
      const resolved = variable
        ? this.callersOf(text(process.process.id)).flatMap((caller) => {
            const input = mappings(caller.element, 'inputParameters').find((m) => m.target === variable);
            const literal = input && /^\$\{\s*'([^']*)'\s*\}$/.exec(input.source)?.[1];
            return literal ? [`${code(literal)} (z ${code(text(caller.process.process.id))})`] : [];
          })
        : [];
      parts.push(resolved.length ? `${code(groups)}: ${resolved.join(', ')}` : code(groups));
    } else if (groups) {
      parts.push(
        groups
          .split(',')
          .map((g) => code(g.trim()))
          .join(', '),
      );
    }
    const users = text(task.candidateUsers);
    if (users) parts.push(`osoby: ${code(users)}`);
    const assignee = text(task.assignee);
    if (assignee) parts.push(`przypisana: ${code(assignee)}`);
    return parts.join('; ') || '—';
  }

  where(process: ProcessModel, element: El): string {
    const sub = process.container.get(element);
    return sub ? ` (w ${code(sub.id!)})` : '';
  }

  eventKind(process: ProcessModel, event: El): string {
    const sub = process.container.get(event);
    const where = sub ? `, w ${code(sub.id!)}` : '';
    switch (event.$type) {
      case 'bpmn:StartEvent':
        return process.container.get(event)
          ? `start podprocesu${event.isInterrupting === false ? ' (nieprzerywający)' : ''}${where}`
          : 'start procesu';
      case 'bpmn:BoundaryEvent': {
        const host = event.attachedToRef as El | undefined;
        const interrupting = event.cancelActivity === false ? 'nieprzerywające' : 'przerywające';
        return `na ${code(host?.id ?? '?')}, ${interrupting}${where}`;
      }
      case 'bpmn:IntermediateCatchEvent':
        return `oczekiwanie${where}`;
      case 'bpmn:IntermediateThrowEvent':
        return `rzucane w przebiegu${where}`;
      case 'bpmn:EndEvent':
        return `zdarzenie końcowe${where}`;
      default:
        return `${event.$type.replace(/^bpmn:/, '')}${where}`;
    }
  }

  section(process: ProcessModel): string {
    const id = text(process.process.id);
    const name = text(process.process.name);
    const out: string[] = [`### ${code(id)} — ${name}`];
    const callers = this.callersOf(id);
    out.push(
      `Plik ${code(process.file)}. ` +
        (callers.length
          ? `Wywoływany z: ${callers.map((c) => `${code(text(c.process.process.id))} (${code(c.element.id!)})`).join(', ')}.`
          : 'Proces główny — nie wywołuje go żaden inny proces.'),
    );

    const userTasks = process.elements.filter((e) => e.$type === 'bpmn:UserTask');
    if (userTasks.length) {
      out.push(
        '#### Zadania ludzi',
        table(
          ['element', 'nazwa', 'rola (grupa kandydatów)', 'formularz', 'termin'],
          userTasks.map((task) => {
            const formRef = text(task.formRef);
            const formText = formRef
              ? `${code(formRef)} (${code(`${formRef}.form`)})`
              : text(task.formKey)
                ? code(text(task.formKey))
                : '—';
            const due = text(task.dueDate);
            const followUp = text(task.followUpDate);
            const dueText = [
              due ? this.explain(process, due) : '',
              followUp ? `przypomnienie: ${this.explain(process, followUp)}` : '',
            ]
              .filter((t) => t)
              .join('; ');
            return [
              code(task.id!),
              `${text(task.name)}${this.where(process, task)}`,
              this.roles(process, task),
              formText,
              dueText || '—',
            ];
          }),
        ),
      );
    }

    const jobs = process.elements.filter((e) => taskType(e) !== undefined && e.$type !== 'bpmn:UserTask');
    if (jobs.length) {
      out.push(
        '#### Kroki automatyczne (workery zadań zewnętrznych)',
        table(
          ['element', 'nazwa', 'temat (topic)', 'właściwości'],
          jobs.map((job) => {
            const items = properties(job)
              .filter((h) => h.key !== RETRIES)
              .map((h) => code(`${h.key}=${h.value}`));
            const rule = taskType(job) === DUE_DATE_WORKER ? `; termin: ${deadlineRuleText(job)}` : '';
            return [
              code(job.id!),
              `${text(job.name)}${this.where(process, job)}`,
              code(taskType(job)!),
              `${items.join(', ') || '—'}${rule}`,
            ];
          }),
        ),
      );
    }

    const definitions = (type: string) =>
      process.elements.flatMap((event) =>
        list(event, 'eventDefinitions')
          .filter((d) => d.$type === type)
          .map((definition) => ({ event, definition })),
      );

    const timers = definitions('bpmn:TimerEventDefinition');
    if (timers.length) {
      out.push(
        '#### Timery',
        table(
          ['element', 'nazwa', 'gdzie', 'wyrażenie'],
          timers.map(({ event, definition }) => {
            const [kind, expression] = definition.timeDate
              ? ['data', (definition.timeDate as El).body]
              : definition.timeDuration
                ? ['po czasie', (definition.timeDuration as El).body]
                : ['cyklicznie', (definition.timeCycle as El | undefined)?.body];
            return [
              code(event.id!),
              text(event.name) || '—',
              this.eventKind(process, event),
              `${kind}: ${this.explain(process, text(expression))}`,
            ];
          }),
        ),
      );
    }

    const messages = [
      ...definitions('bpmn:MessageEventDefinition').map(({ event, definition }) => ({
        element: event,
        message: definition.messageRef as El | undefined,
        kind: this.eventKind(process, event),
      })),
      ...process.elements
        .filter((e) => e.$type === 'bpmn:ReceiveTask')
        .map((task) => ({
          element: task,
          message: task.messageRef as El | undefined,
          kind: 'zadanie odbioru',
        })),
    ];
    if (messages.length) {
      out.push(
        '#### Komunikaty',
        table(
          ['element', 'nazwa', 'gdzie', 'komunikat', 'klucz korelacji'],
          messages.map(({ element, message, kind }) => {
            const key = message ? (property(message, 'correlationKey') ?? '') : '';
            const throwing = /Throw|End/.test(element.$type);
            return [
              code(element.id!),
              text(element.name) || '—',
              kind,
              message ? code(text(message.name)) : '—',
              key ? code(key) : throwing ? '— (wysyła worker)' : '— (start procesu)',
            ];
          }),
        ),
      );
    }

    const signals = [
      ...definitions('bpmn:ErrorEventDefinition').map(({ event, definition }) => ({
        event,
        kind: 'błąd',
        ref: definition.errorRef as El | undefined,
        codeOf: (ref: El) => text(ref.errorCode),
      })),
      ...definitions('bpmn:EscalationEventDefinition').map(({ event, definition }) => ({
        event,
        kind: 'eskalacja',
        ref: definition.escalationRef as El | undefined,
        codeOf: (ref: El) => text(ref.escalationCode),
      })),
    ];
    if (signals.length) {
      const byCode = new Map<string, { kind: string; name: string; thrown: string[]; caught: string[] }>();
      for (const { event, kind, ref, codeOf } of signals) {
        const key = `${kind}:${ref ? codeOf(ref) : '(każdy)'}`;
        const entry = byCode.get(key) ?? { kind, name: text(ref?.name), thrown: [], caught: [] };
        byCode.set(key, entry);
        const catching = event.$type === 'bpmn:BoundaryEvent' || event.$type === 'bpmn:StartEvent';
        if (catching) {
          entry.caught.push(`${code(event.id!)}: ${this.eventKind(process, event)}`);
          const host = event.attachedToRef as El | undefined;
          const type = host && taskType(host);
          if (type) entry.thrown.push(`worker ${code(type)} (${code(host.id!)})`);
        } else {
          entry.thrown.push(`${code(event.id!)}: ${this.eventKind(process, event)}`);
        }
      }
      out.push(
        '#### Błędy i eskalacje',
        table(
          ['rodzaj', 'kod', 'nazwa', 'rzucany', 'łapany'],
          [...byCode].map(([key, entry]) => [
            entry.kind,
            code(key.slice(key.indexOf(':') + 1)),
            entry.name || '—',
            entry.thrown.join(', ') || '—',
            entry.caught.join(', ') || '— (przechodzi do procesu wywołującego)',
          ]),
        ),
      );
    }

    const calls = process.elements.filter(
      (e) => e.$type === 'bpmn:CallActivity' || e.$type === 'bpmn:BusinessRuleTask',
    );
    if (calls.length) {
      out.push(
        '#### Podprocesy wywoływane i tabele decyzyjne',
        table(
          ['element', 'nazwa', 'wywołuje', 'wejście → wyjście'],
          calls.map((call) => {
            const inputs = mappings(call, 'inputParameters').map((m) => code(m.target));
            const outputs = mappings(call, 'outputParameters').map((m) => code(m.target));
            let target: string;
            if (call.$type === 'bpmn:CallActivity') {
              target = `proces ${code(text(call.calledElement))}`;
            } else {
              const type = taskType(call);
              target = text(call.decisionRef)
                ? `decyzja ${code(text(call.decisionRef))} → ${code(text(call.resultVariable))} (${text(call.mapDecisionResult) || 'resultList'})`
                : `worker ${code(type ?? '?')}`;
            }
            return [
              code(call.id!),
              `${text(call.name)}${this.where(process, call)}`,
              target,
              `${inputs.join(', ') || '—'} → ${outputs.join(', ') || '—'}`,
            ];
          }),
        ),
      );
    }
    return out.join('\n\n');
  }

  /** Processes from the roots down the call activities (breadth first): mops-case → teams → decision → payout. */
  ordered(): ProcessModel[] {
    const byId = new Map(this.processes.map((p) => [text(p.process.id), p]));
    const children = (p: ProcessModel) =>
      p.elements
        .filter((e) => e.$type === 'bpmn:CallActivity')
        .map((e) => byId.get(text(e.calledElement)))
        .filter((c): c is ProcessModel => c !== undefined);
    const reach = (root: ProcessModel) => {
      const seen = new Set<ProcessModel>([root]);
      const queue = [root];
      for (let i = 0; i < queue.length; i++) {
        for (const child of children(queue[i]!)) {
          if (!seen.has(child)) {
            seen.add(child);
            queue.push(child);
          }
        }
      }
      return queue;
    };
    const roots = this.processes
      .filter((p) => this.callersOf(text(p.process.id)).length === 0)
      .map((p) => ({ p, size: reach(p).length }))
      .sort((a, b) => b.size - a.size || text(a.p.process.id).localeCompare(text(b.p.process.id)));
    const order: ProcessModel[] = [];
    for (const { p } of roots) for (const q of reach(p)) if (!order.includes(q)) order.push(q);
    for (const p of this.processes) if (!order.includes(p)) order.push(p);
    return order;
  }

  decisionTable(): string {
    const usedBy = (id: string) => [
      ...this.processes.flatMap((p) =>
        p.elements
          .filter((e) => text(e.decisionRef) === id)
          .map((e) => `${code(text(p.process.id))} (${code(e.id!)})`),
      ),
      ...this.decisions.filter((d) => d.requires.includes(id)).map((d) => `decyzja ${code(d.id)}`),
    ];
    return [
      '### Tabele decyzyjne (DMN)',
      table(
        ['decyzja', 'nazwa', 'plik', 'polityka trafień', 'wejścia', 'wyjścia', 'reguły', 'używają'],
        this.decisions.map((d) => [
          code(d.id),
          d.name,
          code(d.file),
          d.hitPolicy,
          [...d.inputs, ...d.requires.map((r) => `decyzja ${code(r)}`)].join('; ') || '—',
          d.outputs.join('; ') || '—',
          d.rules === undefined ? '—' : String(d.rules),
          usedBy(d.id).join(', ') || '—',
        ]),
      ),
    ].join('\n\n');
  }

  render(): string {
    return [
      '<!-- Wygenerowane przez `npm run docs:model` (scripts/model-catalog.ts) z plików bpmn/*.bpmn i *.dmn — nie edytuj ręcznie. -->',
      ...this.ordered().map((p) => this.section(p)),
      this.decisionTable(),
    ].join('\n\n');
  }
}

/** The generated Markdown that goes between the markers. */
export async function modelCatalog(dir = 'bpmn'): Promise<string> {
  return new Catalog(await readProcesses(dir), readDecisions(dir)).render();
}

/** The text between the markers (without them), or undefined when the README has no markers. */
export function markedBlock(readme: string): string | undefined {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + START.length, end).trim();
}

export function replaceBlock(readme: string, block: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`bpmn/README.md: brak znaczników ${START} … ${END}`);
  return `${readme.slice(0, start + START.length)}\n\n${block}\n\n${readme.slice(end)}`;
}

async function main(): Promise<void> {
  const block = await modelCatalog('bpmn');
  if (process.argv.includes('--print')) {
    process.stdout.write(`${block}\n`);
    return;
  }
  const file = path.join('bpmn', 'README.md');
  const updated = replaceBlock(readFileSync(file, 'utf8'), block);
  // Prettier is a dev dependency (ESM): loaded only here, so the generator itself does not need it
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(updated, { ...options, filepath: file }));
  console.log(`${file}: katalog modelu zaktualizowany`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
