import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BPMN_DIR } from '../../src/paths';
import type { Database } from '../../src/db/database';
import { createWorkerDefinitions } from '../../workers';

/** Every external task of the model has a real worker, registered once, in a file named after its topic. */
describe('worker registry', () => {
  const modelTypes = new Set(
    readdirSync(BPMN_DIR)
      .filter((f) => f.endsWith('.bpmn'))
      .flatMap((f) =>
        [...readFileSync(path.join(BPMN_DIR, f), 'utf8').matchAll(/\bcamunda:topic="([^"]+)"/g)].map(
          (m) => m[1]!,
        ),
      ),
  );
  const definitions = createWorkerDefinitions({ db: {} as Database, caseNumberPattern: 'MOPS.{n}.{yyyy}' });
  const registered = definitions.map((d) => d.taskType);

  it('finds the topics of the model', () => expect(modelTypes.size).toBeGreaterThan(10));

  it('has a worker for every camunda:topic in bpmn/', () => {
    expect([...modelTypes].filter((type) => !registered.includes(type))).toEqual([]);
  });

  it('registers each job type once, each from workers/<job-type>.ts', () => {
    expect(new Set(registered).size).toBe(registered.length);
    for (const type of registered)
      expect(readdirSync(path.join(__dirname, '../../workers'))).toContain(`${type}.ts`);
  });
});
