import type { DefinitionVersion } from '../../src/engine/port';
import { versionsTable } from '../../src/engine/versions-table';

const version = (over: Partial<DefinitionVersion>): DefinitionVersion => ({
  id: 'x',
  key: 'mops-payout',
  name: 'Wypłata',
  version: 1,
  kind: 'process',
  deploymentId: 'd-1',
  deployedAt: '2026-12-01T09:30:00.000Z',
  runningInstances: 0,
  incidents: 0,
  ...over,
});

describe('versions table (npm run versions)', () => {
  it('says so when nothing is deployed', () => {
    expect(versionsTable([])).toBe('Silnik nie ma jeszcze żadnych wdrożonych procesów ani decyzji.');
  });

  it('marks the latest version per key, counts instances and leaves them out for decisions', () => {
    const table = versionsTable([
      version({ version: 1, runningInstances: 3, incidents: 1 }),
      version({ version: 2, runningInstances: 2 }),
      version({ kind: 'decision', key: 'routing', name: 'Skierowanie', deployedAt: null }),
    ]).split('\n');
    expect(table[2]).toBe(
      'proces   mops-payout  v1              2026-12-01 10:30     3          1          Wypłata',
    );
    expect(table[3]).toBe(
      'proces   mops-payout  v2 (najnowsza)  2026-12-01 10:30     2          0          Wypłata',
    );
    expect(table[4]).toBe(
      'decyzja  routing      v1 (najnowsza)  —                    —          —          Skierowanie',
    );
    expect(table.at(-1)).toBe('Razem: 3 wersji, 5 działających instancji.');
  });
});
