import { XMLParser } from 'fast-xml-parser';

/** What a changed model file holds, as the preview needs it: its decisions, or its processes and their activities. */
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true });

export function decisionIds(dmn: string): string[] {
  const doc = parser.parse(dmn) as { definitions?: { decision?: unknown } };
  const decisions = doc.definitions?.decision;
  const list = Array.isArray(decisions) ? decisions : decisions ? [decisions] : [];
  return list.flatMap((d: unknown) => {
    const id = (d as { id?: unknown }).id;
    return typeof id === 'string' ? [id] : [];
  });
}
