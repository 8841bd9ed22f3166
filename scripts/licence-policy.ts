/** The licence policy of issue 14, as a pure function over CycloneDX components (no I/O): tested on fixtures. */

/** The part of a CycloneDX 1.x component that the check reads. */
export interface CdxComponent {
  group?: string;
  name: string;
  version?: string;
  purl?: string;
  licenses?: Array<{ license?: { id?: string; name?: string }; expression?: string }>;
}

export interface LicencePolicy {
  /** SPDX ids of the allowed (OSI-approved) licences */
  allowed: string[];
  /** licence names found in poms and package.json files → SPDX id */
  aliases: Record<string, string>;
}

/** Components reviewed by hand, by package name (group:name for Maven, @scope/name for npm). */
export type LicenceExceptions = Record<string, { licence: string; why: string }>;

export interface ComponentVerdict {
  /** `@scope/name@version` (npm) or `group:name@version` (Maven) */
  component: string;
  /** the licences as the SBOM states them (normalised to SPDX ids where known) */
  licences: string[];
  status: 'allowed' | 'exception' | 'rejected';
  reason?: string;
}

export interface LicenceReport {
  verdicts: ComponentVerdict[];
  rejected: ComponentVerdict[];
  /** allowed components counted by the licence that allowed them; exceptions under their own key */
  counts: Record<string, number>;
}

/** The package's key: `group:name` for Maven (pkg:maven purl), `group/name` (npm scope) or `name`. */
export function packageKey(c: CdxComponent): string {
  if (!c.group) return c.name;
  return c.purl?.startsWith('pkg:maven/') ? `${c.group}:${c.name}` : `${c.group}/${c.name}`;
}

function normalise(licence: string, policy: LicencePolicy): string {
  const trimmed = licence.trim();
  return policy.aliases[trimmed] ?? trimmed;
}

/**
 * Whether an SPDX expression is satisfied by the allowed set: OR needs one side, AND (and WITH, taken as one
 * licence id) needs both. Returns the allowed licence that decides, or undefined.
 */
export function allowedBy(expression: string, policy: LicencePolicy): string | undefined {
  const inner = expression.trim().replace(/^\((.*)\)$/s, '$1');
  const alternatives = inner.split(/\s+OR\s+/);
  if (alternatives.length > 1) {
    for (const alt of alternatives) {
      const hit = allowedBy(alt, policy);
      if (hit) return hit;
    }
    return undefined;
  }
  const conjuncts = inner.split(/\s+AND\s+/);
  if (conjuncts.length > 1) {
    const hits = conjuncts.map((c) => allowedBy(c, policy));
    return hits.every((h) => h !== undefined) ? hits.join(' AND ') : undefined;
  }
  const id = normalise(inner, policy);
  return policy.allowed.includes(id) ? id : undefined;
}

/** Checks every component; a component passes when one of the licences it offers is allowed, or it is an exception. */
export function checkLicences(
  components: CdxComponent[],
  policy: LicencePolicy,
  exceptions: LicenceExceptions,
): LicenceReport {
  const verdicts: ComponentVerdict[] = [];
  const counts: Record<string, number> = {};
  for (const c of components) {
    const key = packageKey(c);
    const component = `${key}@${c.version ?? '?'}`;
    const stated = (c.licenses ?? [])
      .map((l) => l.expression ?? l.license?.id ?? l.license?.name ?? '')
      .filter((l) => l.trim() !== '')
      .map((l) => normalise(l, policy));
    const decidedBy = stated.map((l) => allowedBy(l, policy)).find((hit) => hit !== undefined);
    if (decidedBy) {
      verdicts.push({ component, licences: stated, status: 'allowed' });
      counts[decidedBy] = (counts[decidedBy] ?? 0) + 1;
    } else if (exceptions[key]) {
      verdicts.push({ component, licences: stated, status: 'exception', reason: exceptions[key].licence });
      const label = `wyjątek: ${exceptions[key].licence}`;
      counts[label] = (counts[label] ?? 0) + 1;
    } else {
      verdicts.push({
        component,
        licences: stated,
        status: 'rejected',
        reason:
          stated.length === 0 ? 'no licence stated' : `licence not on the allow-list: ${stated.join(' | ')}`,
      });
    }
  }
  return { verdicts, rejected: verdicts.filter((v) => v.status === 'rejected'), counts };
}
