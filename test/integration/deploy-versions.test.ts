import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deployFolder, deploymentReport } from '../../src/engine/deploy-folder';
import { versionsTable } from '../../src/engine/versions-table';
import type { Runtime } from '../../src/runtime';
import { startTestRuntime } from './test-runtime';

/**
 * `npm run deploy` and `npm run versions` on the real engine (issue 11, CLI): only a changed resource gets a new
 * version, an unchanged folder deploys nothing, and the versions list counts the instances running on each version.
 */
describe('deploy changed resources and list the versions (real engine)', () => {
  let runtime: Runtime;
  let dir: string;

  beforeAll(async () => {
    ({ runtime } = await startTestRuntime({ workers: false }));
    dir = await mkdtemp(path.join(tmpdir(), 'mops-deploy-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await runtime.stop();
  });

  it('gives a new version only to what changed and counts the instances on each version', async () => {
    const key = `it-versions-${randomUUID().slice(0, 8)}`;
    const name = `it-deploy-${key}`;
    const source = await readFile(path.join(__dirname, 'fixtures', 'it-message.bpmn'), 'utf8');
    const diagram = (title: string) =>
      source.replaceAll('it-message', key).replace('name="Test komunikatu"', `name="${title}"`);
    await writeFile(path.join(dir, `${key}.bpmn`), diagram('Wersja pierwsza'));

    const first = await deployFolder(runtime.engine, dir, name);
    expect(first.deployed.map((d) => [d.kind, d.key, d.version])).toEqual([['process', key, 1]]);
    expect(deploymentReport(first)).toContain(`proces ${key} v1 (${key}.bpmn)`);
    // the same content again: nothing new
    const same = await deployFolder(runtime.engine, dir, name);
    expect(same.deployed).toEqual([]);
    expect(deploymentReport(same)).toBe('Nic się nie zmieniło: 1 plików jest już wdrożonych w tej treści.');

    // an instance runs on v1, then the diagram changes: v2, and v1 keeps its instance
    const running = await runtime.engine.startProcess({ processKey: key, variables: { decisionId: key } });
    await writeFile(path.join(dir, `${key}.bpmn`), diagram('Wersja druga'));
    const second = await deployFolder(runtime.engine, dir, name);
    expect(second.deployed.map((d) => [d.key, d.version])).toEqual([[key, 2]]);

    const versions = (await runtime.engine.definitionVersions()).filter((v) => v.key === key);
    expect(versions.map((v) => [v.version, v.name, v.runningInstances, v.incidents])).toEqual([
      [1, 'Wersja pierwsza', 1, 0],
      [2, 'Wersja druga', 0, 0],
    ]);
    expect(versions[0]!.deployedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    const table = versionsTable(versions);
    expect(table).toMatch(new RegExp(`proces\\s+${key}\\s+v1\\s+\\S+ \\S+ UTC\\s+1\\s+0\\s+Wersja pierwsza`));
    expect(table).toMatch(new RegExp(`proces\\s+${key}\\s+v2 \\(najnowsza\\)`));
    expect(table).toContain('Razem: 2 wersji, 1 działających instancji.');
    // the model's own decisions are listed too
    expect(
      (await runtime.engine.definitionVersions()).some((v) => v.kind === 'decision' && v.key === 'routing'),
    ).toBe(true);
    await runtime.engine.deleteProcessInstance(running.processInstanceId);
  });
});
