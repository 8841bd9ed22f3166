import { ensureDemoUsers } from '../../src/auth/demo-users';
import { seedDemoData } from '../../src/demo/demo-seed';
import { addWorkingDays } from '../../src/domain/calendar';
import { warsawDateTime } from '../../src/domain/warsaw-time';
import type { Logger } from '../../src/logger';
import type { Runtime } from '../../src/runtime';
import type { TestClock } from './test-clock';
import { freshTestDatabase, startTestRuntime } from './test-runtime';

/**
 * The demo data (src/demo/) against the real engine and PostgreSQL: every demo case driven through the app's own
 * service functions reaches the stage the seeder says, the case file, the projection and the engine agree on it, and
 * a second run (the marker) adds nothing. The case file is a database of its own, empty as on a first start (the
 * other files' appeals, batches and clients would be counted otherwise).
 */
describe('demo data seeder', () => {
  let runtime: Runtime;
  let clock: TestClock;
  let log: Logger;

  beforeAll(async () => {
    ({ runtime, clock, log } = await startTestRuntime({ databaseUrl: await freshTestDatabase('demo') }));
    // the demo's decisions are dispatched, delivered and paid "today": on a Saturday, Sunday or holiday the dispatch
    // day is the next working day and nothing could be paid yet, so the file runs on the next working day at 10:00
    // (always forward: the clock never moves back within a file)
    const day = addWorkingDays(clock.today(), 1);
    await clock.pin(new Date(warsawDateTime(day, '10:00')).getTime());
    await ensureDemoUsers(runtime.db, log, () => undefined);
  });

  // the demo cases leave the shared engine (their open tasks and timers would reach the next files' workers), then
  // the runtime stops and the engine's clock goes back
  afterAll(async () => {
    const roots = await runtime.db.query<{ process_instance_key: string }>(
      'SELECT process_instance_key FROM demo_seed_cases',
    );
    for (const root of roots) {
      await runtime.engine
        .deleteProcessInstance(root.process_instance_key, 'koniec testu danych demo')
        .catch(() => {});
    }
    await clock.resetAfterStop();
  });

  const demoRoots = `SELECT process_instance_key FROM demo_seed_cases`;
  const count = async (sql: string, params: unknown[] = []) => {
    const [row] = await runtime.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM (${sql}) q`, params);
    return Number(row?.n);
  };
  const grouped = async (sql: string) =>
    Object.fromEntries(
      (await runtime.db.query<{ k: string; n: string }>(sql)).map((row) => [row.k, Number(row.n)]),
    );

  it('drives 50 cases to their stages; case file, projection and engine agree; a second run adds nothing', async () => {
    const lines: string[] = [];
    const result = await seedDemoData(
      { db: runtime.db, engine: runtime.engine, commands: runtime.commands, now: clock.now, log },
      (line) => lines.push(line),
    );
    // the figure for the README (a benchmark figure, not an assertion)
    process.stdout.write(`Dane demonstracyjne: ${result.cases} spraw w ${result.seconds.toFixed(1)} s\n`);
    expect(result).toMatchObject({ seeded: true, cases: 50, failed: 0 });
    expect(lines[0]).toBe('Dane demonstracyjne: zakładam 50 spraw w tle (aplikacja już działa)…');
    expect(lines).toContain('Dane demonstracyjne: 25/50 spraw…');

    // the stages the seeder recorded
    expect(await grouped('SELECT stage AS k, count(*) AS n FROM demo_seed_cases GROUP BY stage')).toEqual({
      'receive-application': 2,
      'family-interview': 5,
      'family-interview-late': 4,
      'prepare-decision': 3,
      'approve-decision': 4,
      'wait-for-delivery': 2,
      'appeal-window': 3,
      'review-appeal': 1,
      'closed-refused': 2,
      'payout-cash': 3,
      'payout-transfer': 3,
      'review-duplicate': 1,
      'social-diagnosis': 2,
      'social-work-plan': 1,
      'wait-for-review': 2,
      'services-assessment': 3,
      'transfer-to-team': 2,
      'form-diagnostic-group': 1,
      'assign-family-assistant': 1,
      'verify-report': 1,
      'completed-certificate': 1,
      visit: 2,
      incident: 1,
    });

    // the open tasks of the demo cases in the projection (the inbox), per step
    const openTasks = `SELECT user_task_key, element_id, assignee FROM user_tasks
        WHERE state = 'CREATED' AND root_process_instance_key IN (${demoRoots})`;
    expect(
      await grouped(`SELECT element_id AS k, count(*) AS n FROM (${openTasks}) t GROUP BY element_id`),
    ).toEqual({
      'receive-application': 2,
      // 5 waiting (one of them the person who came again: review-duplicate) + 4 late
      'family-interview': 9,
      // the three applications older than the KPA month's warning (art. 36: the party is told of the delay)
      'notify-delay': 3,
      'prepare-decision': 3,
      'approve-decision': 4,
      'review-appeal': 1,
      'hand-out-payout-slip': 2,
      'confirm-cash-payout': 1,
      'review-duplicate': 1,
      'social-diagnosis': 2,
      'social-work-plan': 1,
      'services-assessment': 3,
      'transfer-to-team': 2,
      'form-diagnostic-group': 1,
      'assign-family-assistant': 1,
      'verify-report': 1,
    });
    // spread over the demo staff
    expect(
      await grouped(
        `SELECT assignee AS k, count(*) AS n FROM (${openTasks}) t WHERE assignee IS NOT NULL GROUP BY assignee`,
      ),
    ).toEqual({
      'demo-benefits': 3,
      'demo-benefits-2': 2,
      'demo-benefits-3': 1,
      'demo-first-contact': 1,
      'demo-social-work': 1,
      'demo-social-work-2': 1,
      'demo-services': 1,
      'demo-violence-response': 1,
    });
    // the engine has each of those tasks open, held by the same person
    const projected = await runtime.db.query<{
      user_task_key: string;
      element_id: string;
      assignee: string | null;
    }>(openTasks);
    const inEngine = await Promise.all(projected.map((t) => runtime.engine.task(t.user_task_key)));
    expect(inEngine.map((t) => [t?.taskDefinitionKey, t?.assignee ?? null])).toEqual(
      projected.map((t) => [t.element_id, t.assignee]),
    );

    // the case file: cases, decisions and the payouts ledger
    expect(
      await grouped(
        `SELECT status AS k, count(*) AS n FROM cases WHERE process_instance_key IN (${demoRoots}) GROUP BY status`,
      ),
    ).toEqual({ open: 41, closed: 2 });
    expect(
      await grouped(
        `SELECT d.status || CASE WHEN d.enforceable_on IS NULL THEN '' ELSE '+enforceable' END AS k, count(*) AS n
           FROM decisions d JOIN cases c ON c.id = d.case_id
          WHERE c.process_instance_key IN (${demoRoots}) GROUP BY 1`,
      ),
      // the refusals too are final (the waiver of appeal) and so marked enforceable by the process
    ).toEqual({ draft: 4, issued: 2, delivered: 4, 'delivered+enforceable': 8 });
    // the appeal, with its 7 days to forward it (art. 133 KPA)
    expect(await count('SELECT 1 FROM appeals WHERE forward_due_on IS NOT NULL')).toBe(1);
    expect(
      await grouped(
        `SELECT i.method || ':' || i.status AS k, count(*) AS n FROM payout_instalments i
           JOIN decisions d ON d.id = i.decision_id JOIN cases c ON c.id = d.case_id
          WHERE c.process_instance_key IN (${demoRoots}) GROUP BY 1`,
      ),
    ).toEqual({
      'cash:paid': 5,
      'cash:queued': 3,
      'cash:scheduled': 10,
      'transfer:paid': 6,
      'transfer:queued': 3,
      'transfer:scheduled': 9,
    });
    expect(
      await grouped(`SELECT b.kind || ':' || b.status AS k, count(*) AS n FROM payout_batches b GROUP BY 1`),
    ).toEqual({ 'cash-list:open': 1, 'bank-transfer:settled': 2, 'bank-transfer:open': 1 });
    // the certificate for a client of the centre, issued by the process
    expect(await grouped('SELECT outcome AS k, count(*) AS n FROM certificates GROUP BY outcome')).toEqual({
      issued: 1,
    });
    // the incident of the failed worker, on the incidents page
    expect(
      await runtime.db.query(
        `SELECT i.element_id FROM incidents i JOIN process_instances p ON p.process_instance_key = i.process_instance_key
          WHERE p.root_process_instance_key IN (SELECT process_instance_key FROM demo_seed_cases WHERE stage = 'incident')`,
      ),
    ).toEqual([{ element_id: 'check-duplicate-client' }]);
    // demo people have the fake-looking PESELs (serial 99…) and an address in their district; the person a
    // neighbour reported about has no PESEL yet (and no address)
    expect(await count(`SELECT 1 FROM clients WHERE pesel IS NOT NULL`)).toBe(42);
    expect(
      await count(
        `SELECT 1 FROM clients WHERE pesel IS NOT NULL AND (substr(pesel, 7, 2) <> '99' OR street IS NULL)`,
      ),
    ).toBe(0);
    expect(await count('SELECT 1 FROM clients WHERE pesel IS NULL')).toBe(1);
    expect(
      await runtime.db.query(
        `SELECT cl.pesel, cl.street FROM clients cl JOIN cases c ON c.client_id = cl.id
          WHERE c.process_instance_key IN (SELECT process_instance_key FROM demo_seed_cases WHERE stage = 'verify-report')`,
      ),
    ).toEqual([{ pesel: null, street: null }]);

    // a second run: the marker says it was done, nothing is added
    const before = await Promise.all(
      ['intakes', 'cases', 'decisions', 'user_tasks', 'first_contact_visits', 'demo_seed_cases'].map((t) =>
        count(`SELECT 1 FROM ${t}`),
      ),
    );
    const again = await seedDemoData(
      { db: runtime.db, engine: runtime.engine, commands: runtime.commands, now: clock.now, log },
      (line) => lines.push(line),
    );
    expect(again).toEqual({ seeded: false, cases: 0, failed: 0, seconds: 0 });
    const after = await Promise.all(
      ['intakes', 'cases', 'decisions', 'user_tasks', 'first_contact_visits', 'demo_seed_cases'].map((t) =>
        count(`SELECT 1 FROM ${t}`),
      ),
    );
    expect(after).toEqual(before);
  }, 300_000);
});
