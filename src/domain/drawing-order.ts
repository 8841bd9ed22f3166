/**
 * The elements in the order people read the drawing: left to right, then top to bottom, by their shapes' bounds
 * (BPMN DI); an element without a shape keeps its place after the drawn ones.
 */
export function inDrawingOrder<T extends { elementId: string }>(elements: T[], xml: string): T[] {
  const position = new Map<string, [number, number]>();
  const shape = /<(?:\w+:)?BPMNShape\b[^>]*\bbpmnElement="([^"]+)"[^>]*>\s*<(?:\w+:)?Bounds\b([^>]*)>/g;
  for (const match of xml.matchAll(shape)) {
    const x = /\bx="(-?[\d.]+)"/.exec(match[2] ?? '')?.[1];
    const y = /\by="(-?[\d.]+)"/.exec(match[2] ?? '')?.[1];
    if (match[1] && x !== undefined && y !== undefined) position.set(match[1], [Number(x), Number(y)]);
  }
  const far: [number, number] = [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  return elements
    .map((element, index) => ({ element, index, at: position.get(element.elementId) ?? far }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.index - b.index)
    .map((entry) => entry.element);
}
