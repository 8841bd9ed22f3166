import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DeploymentRefused, deployFolder, deploymentReport } from '../../src/engine/deploy-folder';
import { BPMN_DIR } from '../../src/paths';
import { deploymentContract } from '../../workers/deployment-contract';
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

    const first = await deployFolder(runtime.engine, dir, { deploymentName: name });
    expect(first.deployed.map((d) => [d.kind, d.key, d.version])).toEqual([['process', key, 1]]);
    expect(deploymentReport(first)).toContain(`proces ${key} v1 (${key}.bpmn)`);
    // the same content again: nothing new
    const same = await deployFolder(runtime.engine, dir, { deploymentName: name });
    expect(same.deployed).toEqual([]);
    expect(deploymentReport(same)).toBe('Nic się nie zmieniło: 1 plików jest już wdrożonych w tej treści.');

    // an instance runs on v1, then the diagram changes: v2, and v1 keeps its instance
    const running = await runtime.engine.startProcess({ processKey: key, variables: { decisionId: key } });
    await writeFile(path.join(dir, `${key}.bpmn`), diagram('Wersja druga'));
    const second = await deployFolder(runtime.engine, dir, { deploymentName: name });
    expect(second.deployed.map((d) => [d.key, d.version])).toEqual([[key, 2]]);

    const versions = (await runtime.engine.definitionVersions()).filter((v) => v.key === key);
    expect(versions.map((v) => [v.version, v.name, v.runningInstances, v.incidents])).toEqual([
      [1, 'Wersja pierwsza', 1, 0],
      [2, 'Wersja druga', 0, 0],
    ]);
    expect(versions[0]!.deployedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    const table = versionsTable(versions);
    expect(table).toMatch(new RegExp(`proces\\s+${key}\\s+v1\\s+\\S+ \\S+\\s+1\\s+0\\s+Wersja pierwsza`));
    expect(table).toMatch(new RegExp(`proces\\s+${key}\\s+v2 \\(najnowsza\\)`));
    expect(table).toContain('Razem: 2 wersji, 1 działających instancji.');
    // the model's own decisions are listed too
    expect(
      (await runtime.engine.definitionVersions()).some((v) => v.kind === 'decision' && v.key === 'routing'),
    ).toBe(true);
    await runtime.engine.deleteProcessInstance(running.processInstanceId);
  });

  it('refuses, before the engine sees it, a model that would break the code, and deploys nothing', async () => {
    const broken = await mkdtemp(path.join(tmpdir(), 'mops-deploy-broken-'));
    // the whole model folder, as `npm run deploy` takes it, with payout.bpmn broken
    for (const file of await readdir(BPMN_DIR))
      if (/\.(bpmn|dmn|form)$/.test(file)) await copyFile(path.join(BPMN_DIR, file), path.join(broken, file));
    const source = await readFile(path.join(BPMN_DIR, 'payout.bpmn'), 'utf8');
    // a typo in a topic and a team that is no role
    await writeFile(
      path.join(broken, 'payout.bpmn'),
      source
        .replace('camunda:topic="pay-instalment"', 'camunda:topic="pay-instalmnet"')
        .replace('camunda:candidateGroups="cashiers"', 'camunda:candidateGroups="kasa"'),
    );
    const before = (await runtime.engine.definitionVersions()).filter((v) => v.key === 'mops-payout').length;
    const refused = deployFolder(runtime.engine, broken, {
      deploymentName: 'mops-flow',
      contract: deploymentContract(),
    });
    await expect(refused).rejects.toBeInstanceOf(DeploymentRefused);
    await expect(refused).rejects.toMatchObject({ rules: ['unserved-topic', 'unknown-group'] });
    await expect(refused).rejects.toThrow(
      /pay-instalmnet.*żaden worker[\s\S]*„kasa”, która nie jest żadną rolą/,
    );
    expect((await runtime.engine.definitionVersions()).filter((v) => v.key === 'mops-payout')).toHaveLength(
      before,
    );
    await rm(broken, { recursive: true, force: true });
  });
});
