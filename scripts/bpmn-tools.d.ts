/** Minimal typings for the bpmn.io packages used by scripts/layout-bpmn.ts (they ship no CommonJS typings). */
declare module 'bpmn-auto-layout' {
  /** Lays out the first process of a BPMN XML; sub-processes with an expanded shape stay expanded. */
  export function layoutProcess(xml: string): Promise<string>;
}

declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string;
    id?: string;
    [property: string]: unknown;
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string): Promise<{ rootElement: ModdleElement; warnings: unknown[] }>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
    create(type: string, attributes?: Record<string, unknown>): ModdleElement;
  }
}

declare module 'bpmn-js-differ' {
  export function diff(a: unknown, b: unknown): unknown;
}

declare module 'bpmnlint' {
  export class Linter {
    constructor(options: { config: Record<string, unknown>; resolver: unknown });
    lint(
      root: unknown,
    ): Promise<Record<string, { id?: string; message: string; category: 'error' | 'warn' | 'info' }[]>>;
  }
}

declare module 'bpmnlint/lib/resolver/node-resolver' {
  export default class NodeResolver {
    constructor(options?: Record<string, unknown>);
  }
}
