import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { diff } from 'bpmn-js-differ';
import { Linter } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver';
import { ROOT_DIR } from '../paths';
import { lintDmn, lintForm, type ModelFinding } from './model-lint';
import type { BpmnDiff, DiffElement } from './model-types';

/**
 * The bpmn.io tools that are ES modules (bpmn-moddle, dmn-moddle) and so run under tsx in a child process
 * (model-tool-runner.ts), never in the app's own module system: bpmnlint with the project's `.bpmnlintrc`
 * (bpmnlint:recommended + camunda-compat for Camunda 7.24), the DMN and form checks, and bpmn-js-differ.
 */
const camunda = JSON.parse(
  readFileSync(path.join(ROOT_DIR, 'node_modules/camunda-bpmn-moddle/resources/camunda.json'), 'utf8'),
) as Record<string, unknown>;
const moddle = () => new BpmnModdle({ camunda });

export interface LintFinding extends ModelFinding {
  rule: string;
  severity: 'error' | 'warning';
}

export async function lintModel(resourceName: string, content: string): Promise<LintFinding[]> {
  if (resourceName.endsWith('.dmn'))
    return (await lintDmn(content)).map((f) => ({ ...f, rule: 'dmn', severity: 'error' }));
  if (resourceName.endsWith('.form'))
    return lintForm(content).map((f) => ({ ...f, rule: 'form', severity: 'error' }));
  return lintBpmn(content);
}

async function lintBpmn(xml: string): Promise<LintFinding[]> {
  let rootElement: ModdleElement;
  const findings: LintFinding[] = [];
  try {
    const parsed = await moddle().fromXML(xml);
    rootElement = parsed.rootElement;
    for (const warning of parsed.warnings as { message: string; element?: { id?: string } }[])
      findings.push({
        rule: 'xml',
        severity: 'error',
        element: warning.element?.id,
        message: warning.message,
      });
  } catch (error) {
    return [
      {
        rule: 'xml',
        severity: 'error',
        message: `to nie jest poprawny plik BPMN (${error instanceof Error ? error.message : String(error)})`,
      },
    ];
  }
  const config = JSON.parse(readFileSync(path.join(ROOT_DIR, '.bpmnlintrc'), 'utf8')) as Record<
    string,
    unknown
  >;
  delete config.moddleExtensions;
  const linter = new Linter({ config, resolver: new NodeResolver() });
  const reports = await linter.lint(rootElement);
  for (const [rule, items] of Object.entries(reports))
    for (const item of items)
      findings.push({
        rule,
        severity: item.category === 'warn' ? 'warning' : 'error',
        element: item.id,
        message: item.message,
      });
  return findings;
}

/** What changed between two versions of a diagram (bpmn-js-differ), by element id. */
export async function diffBpmn(before: string, after: string): Promise<BpmnDiff> {
  const [a, b] = await Promise.all([moddle().fromXML(before), moddle().fromXML(after)]);
  const changes = diff(a.rootElement, b.rootElement) as {
    _added: Record<string, ModdleElement>;
    _removed: Record<string, ModdleElement>;
    _changed: Record<
      string,
      { model: ModdleElement; attrs: Record<string, { oldValue: unknown; newValue: unknown }> }
    >;
    _layoutChanged: Record<string, ModdleElement>;
  };
  const element = (model: ModdleElement): DiffElement => ({
    id: String(model.id),
    type: model.$type.replace(/^bpmn:/, ''),
    name: typeof model.name === 'string' ? model.name : null,
  });
  const show = (value: unknown): string =>
    value === undefined || value === null
      ? ''
      : typeof value === 'object'
        ? String((value as { id?: unknown }).id ?? (value as { $type?: unknown }).$type ?? '…')
        : String(value);
  return {
    added: Object.values(changes._added).map(element),
    removed: Object.values(changes._removed).map(element),
    changed: Object.values(changes._changed).map((c) => ({
      ...element(c.model),
      attrs: Object.entries(c.attrs).map(([name, v]) => ({
        name,
        before: show(v.newValue),
        after: show(v.oldValue),
      })),
    })),
    layoutChanged: Object.keys(changes._layoutChanged),
  };
}
