import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AID_REASONS, NEED_KINDS } from '../../src/domain/routing-codes';
import { BPMN_DIR } from '../../src/paths';

describe('routing codes', () => {
  const table = readFileSync(path.join(BPMN_DIR, 'routing.dmn'), 'utf8');
  const description = /<description>([\s\S]*?)<\/description>/.exec(table)?.[1] ?? '';

  it('are the codes the routing table documents for needs and art. 7 reasons', () => {
    const listed = (label: string) =>
      new RegExp(`${label}:([^.]*)\\.`)
        .exec(description)?.[1]
        ?.split(',')
        .map((code) => code.trim()) ?? [];
    expect(listed('Kody potrzeb')).toEqual([...NEED_KINDS]);
    expect(listed('Kody powodów \\(art\\. 7 u\\.p\\.s\\.\\)')).toEqual([...AID_REASONS]);
  });

  it('every need code the table tests for is one first contact can record', () => {
    const tested = [
      ...table.matchAll(/<inputEntry id="routing-rule-\d+-need"><text>([^<]*)<\/text>/g),
    ].flatMap((m) => [...m[1]!.matchAll(/"([^"]+)"/g)].map((q) => q[1]!));
    expect(tested.filter((code) => !(NEED_KINDS as readonly string[]).includes(code))).toEqual([]);
  });
});
