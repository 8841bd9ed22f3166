import { readFileSync } from 'node:fs';
import {
  allowedBy,
  checkLicences,
  type CdxComponent,
  type LicenceExceptions,
  type LicencePolicy,
} from '../../scripts/licence-policy';

const policy = JSON.parse(readFileSync('licences/allowed.json', 'utf8')) as LicencePolicy;
const exceptions = (
  JSON.parse(readFileSync('licences/exceptions.json', 'utf8')) as { exceptions: LicenceExceptions }
).exceptions;

/** A fixture SBOM's components: open licences, a dual licence, and three that must fail. */
const fixture: CdxComponent[] = [
  { name: 'express', version: '5.1.0', licenses: [{ license: { id: 'MIT' } }] },
  { group: '@scope', name: 'dual', version: '1.0.0', licenses: [{ expression: '(MPL-2.0 OR Apache-2.0)' }] },
  {
    group: 'com.h2database',
    name: 'h2',
    version: '2.3.232',
    purl: 'pkg:maven/com.h2database/h2@2.3.232?type=jar',
    licenses: [{ license: { id: 'MPL-2.0' } }, { license: { name: 'EPL 1.0' } }],
  },
  {
    group: 'io.camunda',
    name: 'zeebe-engine',
    version: '8.8.0',
    purl: 'pkg:maven/io.camunda/zeebe-engine@8.8.0?type=jar',
    licenses: [{ license: { name: 'Camunda License 1.0' } }],
  },
  { name: 'hashicorp-thing', version: '1.6.0', licenses: [{ license: { id: 'BUSL-1.1' } }] },
  { name: 'no-licence', version: '0.0.1' },
];

describe('licence check (issue 14)', () => {
  it('names every component with a non-open or missing licence, and passes the open ones', () => {
    const report = checkLicences(fixture, policy, exceptions);
    expect(report.rejected.map((r) => [r.component, r.reason])).toEqual([
      ['io.camunda:zeebe-engine@8.8.0', 'licence not on the allow-list: Camunda License 1.0'],
      ['hashicorp-thing@1.6.0', 'licence not on the allow-list: BUSL-1.1'],
      ['no-licence@0.0.1', 'no licence stated'],
    ]);
    expect(report.counts).toEqual({ MIT: 1, 'MPL-2.0': 2 });
  });

  it('reads SPDX expressions: OR needs one allowed side, AND needs both', () => {
    expect(allowedBy('(MIT OR CC0-1.0)', policy)).toBe('MIT');
    expect(allowedBy('BUSL-1.1 OR Apache-2.0', policy)).toBe('Apache-2.0');
    expect(allowedBy('MIT AND BUSL-1.1', policy)).toBeUndefined();
    expect(allowedBy('MIT AND ISC', policy)).toBe('MIT AND ISC');
    expect(allowedBy('Apache License, 2.0', policy)).toBe('Apache-2.0');
  });

  it('takes a reviewed exception by package name only, whatever its version', () => {
    const bpmnJs: CdxComponent = {
      name: 'bpmn-js',
      version: '99.0.0',
      licenses: [{ license: { name: 'SEE LICENSE IN LICENSE' } }],
    };
    const report = checkLicences([bpmnJs], policy, exceptions);
    expect(report.verdicts[0]?.status).toBe('exception');
    expect(checkLicences([{ ...bpmnJs, name: 'bpmn-js-fork' }], policy, exceptions).rejected).toHaveLength(1);
  });

  it('has no BUSL, SSPL or Camunda licence on the allow-list', () => {
    for (const id of [
      'BUSL-1.1',
      'SSPL-1.0',
      'Elastic-2.0',
      'Camunda License 1.0',
      'UNLICENSED',
      'UNKNOWN',
    ]) {
      expect(policy.allowed).not.toContain(id);
      expect(Object.values(policy.aliases)).not.toContain(id);
    }
  });
});
