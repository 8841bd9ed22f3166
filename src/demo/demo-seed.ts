import { DemoAborted, DemoDriver, type DemoDeps } from './demo-driver';
import { demoPerson, type DemoPerson } from './demo-people';
import { OTHER_SCENARIOS } from './demo-other-scenarios';
import { BENEFIT_SCENARIOS, type DemoScenario } from './demo-scenarios';
import { settleTransferRounds } from './demo-transfers';

/** Every kind of demo case, in the order they are started. */
export const DEMO_SCENARIOS: DemoScenario[] = [...BENEFIT_SCENARIOS, ...OTHER_SCENARIOS];

export interface DemoSeedResult {
  /** False when the marker says the demo data was seeded before (nothing was done). */
  seeded: boolean;
  cases: number;
  failed: number;
  seconds: number;
}

/** Scenarios whose cases take longest (reversed: the last is started first); the others keep their order. */
const LONGEST_FIRST = [
  'draft',
  'approval',
  'dispatched',
  'appeal-window',
  'refused',
  'payout-transfer',
  'payout-cash',
];

/** How many cases are driven at once: the engine host and PostgreSQL share the machine's cores with the app. */
const CONCURRENCY = 6;

/**
 * Seeds the demo cases once (the marker row `demo_seed_runs` is written first, so a second start — or a start after
 * a seeding that stopped halfway — seeds nothing). Every case goes through the app and the engine (demo-driver.ts);
 * a case that fails is logged and counted, the others go on. Progress is printed as cases finish.
 */
export async function seedDemoData(deps: DemoDeps, print: (line: string) => void): Promise<DemoSeedResult> {
  const started = Date.now();
  const claimed = await deps.db.query(
    'INSERT INTO demo_seed_runs (id) VALUES (1) ON CONFLICT (id) DO NOTHING RETURNING id',
  );
  if (claimed.length === 0) return { seeded: false, cases: 0, failed: 0, seconds: 0 };
  const driver = new DemoDriver(deps);
  await driver.ensureColleagues();
  const streets = await districtStreets(deps);

  const jobs = DEMO_SCENARIOS.flatMap((scenario) =>
    Array.from({ length: scenario.count }, (_, n) => ({ scenario, n })),
  )
    .map((job, index) => ({ ...job, person: demoPerson(index) }))
    // the longest paths first, so the short ones fill in around them and the whole ends sooner
    .sort((a, b) => LONGEST_FIRST.indexOf(b.scenario.id) - LONGEST_FIRST.indexOf(a.scenario.id));
  const total = jobs.length;
  const personOf = (scenarioId: string, n: number): DemoPerson => {
    const job = jobs.find((j) => j.scenario.id === scenarioId && j.n === n);
    if (!job) throw new Error(`Brak sprawy demonstracyjnej ${scenarioId} nr ${n}`);
    return job.person;
  };
  print(`Dane demonstracyjne: zakładam ${total} spraw w tle (aplikacja już działa)…`);
  let done = 0;
  let failed = 0;
  const transferRoots: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const jobStarted = Date.now();
      try {
        const root = await job.scenario.run({ driver, person: job.person, n: job.n, personOf });
        await deps.db.query(
          `INSERT INTO demo_seed_cases (process_instance_key, scenario, stage) VALUES ($1, $2, $3)
           ON CONFLICT (process_instance_key) DO NOTHING`,
          [root, job.scenario.id, job.scenario.stage],
        );
        await giveAddress(deps, job.person, streets);
        if (job.scenario.id === 'payout-transfer') transferRoots.push(root);
        deps.log.debug('Sprawa demonstracyjna gotowa', {
          scenario: job.scenario.id,
          seconds: (Date.now() - jobStarted) / 1000,
        });
      } catch (error) {
        if (error instanceof DemoAborted) throw error;
        failed += 1;
        deps.log.warn('Dane demonstracyjne: sprawa nie powstała', {
          scenario: job.scenario.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      done += 1;
      if (done % 5 === 0 || done === total) print(`Dane demonstracyjne: ${done}/${total} spraw…`);
    }
  };
  // every lane ends (an abort stops each at its next step) before the seeder answers: the runtime then closes the
  // database, which must not happen under a lane still writing
  await Promise.allSettled(Array.from({ length: CONCURRENCY }, worker));
  if (deps.signal?.aborted) throw new DemoAborted();
  const transfersStarted = Date.now();
  try {
    await settleTransferRounds(driver, transferRoots);
    deps.log.debug('Przelewy demonstracyjne rozliczone', { seconds: (Date.now() - transfersStarted) / 1000 });
  } catch (error) {
    if (error instanceof DemoAborted) throw error;
    failed += 1;
    deps.log.warn('Dane demonstracyjne: przelewy nie rozliczone', {
      error: error instanceof Error ? error.message : String(error),
    });
  }
  const seconds = (Date.now() - started) / 1000;
  await deps.db.query('UPDATE demo_seed_runs SET finished_at = now(), cases = $1, failed = $2 WHERE id = 1', [
    total - failed,
    failed,
  ]);
  print(
    `Dane demonstracyjne gotowe: ${total - failed} spraw w ${seconds.toFixed(1)} s` +
      (failed > 0 ? ` (${failed} nie powstało — szczegóły w logu)` : ''),
  );
  deps.log.info('Dane demonstracyjne założone', { cases: total - failed, failed, seconds });
  return { seeded: true, cases: total - failed, failed, seconds };
}

/**
 * Runs the seeder in the background (the app already answers); `stop` aborts it at the next step and waits, so the
 * runtime can close the database under it. A failure is logged, never thrown at the app.
 */
export function startDemoSeeding(
  deps: Omit<DemoDeps, 'signal'>,
  print: (line: string) => void,
): { done: Promise<DemoSeedResult | undefined>; stop(): Promise<void> } {
  const abort = new AbortController();
  const done = seedDemoData({ ...deps, signal: abort.signal }, print).catch((error: unknown) => {
    if (error instanceof DemoAborted) deps.log.warn('Dane demonstracyjne przerwane zatrzymaniem aplikacji');
    else deps.log.error('Dane demonstracyjne: błąd', { error });
    return undefined;
  });
  return {
    done,
    async stop() {
      abort.abort();
      await done;
    },
  };
}

async function districtStreets(deps: DemoDeps): Promise<Map<string, string[]>> {
  const rows = await deps.db.query<{ district_id: string; street: string }>(
    'SELECT district_id, street FROM district_streets ORDER BY district_id, street',
  );
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.district_id, [...(map.get(row.district_id) ?? []), row.street]);
  return map;
}

/**
 * The address the person gave at the desk (a street of their district in the sample centre): the app has no form
 * for it yet, so it is written to the client's record, only where the record exists and has no address.
 */
async function giveAddress(deps: DemoDeps, person: DemoPerson, streets: Map<string, string[]>) {
  const inDistrict = streets.get(person.district) ?? [];
  if (inDistrict.length === 0) return;
  const street = inDistrict[person.pesel.charCodeAt(9) % inDistrict.length]!;
  await deps.db.query(
    `UPDATE clients SET street = $2, building = $3, postal_code = '00-950', city = 'Przykładowo', phone = $4
      WHERE pesel = $1 AND street IS NULL`,
    [
      person.pesel,
      /^(Rynek|Plac|pl\.|al\.|os\.)/i.test(street) ? street : `ul. ${street}`,
      person.building,
      person.phone,
    ],
  );
}
