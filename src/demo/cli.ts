import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';
import { startRuntime } from '../runtime';
import { seedDemoData } from './demo-seed';

/**
 * `npm run demo:seed`: the demo cases on demand (development only), in the foreground — starts the engine host and
 * the app like `npm start` (so stop a running `npm start` first: they share the port and the data), seeds unless the
 * marker says it was done, and stops.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  if (config.NODE_ENV !== 'development' || !config.WORKERS_ENABLED) {
    console.error(
      'Dane demonstracyjne zakłada się tylko w trybie development z workerami (NODE_ENV=development).',
    );
    process.exit(2);
  }
  const log = createLogger(config);
  const runtime = await startRuntime(config, log, console.log, { demoData: false });
  try {
    const result = await seedDemoData(
      { db: runtime.db, engine: runtime.engine, commands: runtime.commands, now: () => new Date(), log },
      console.log,
    );
    if (!result.seeded)
      console.log('Dane demonstracyjne już są w tej bazie (znacznik demo_seed_runs) — nic nie dodano.');
  } finally {
    await runtime.stop();
  }
}

main().catch((error: unknown) => {
  console.error(
    `\nNie udało się założyć danych demonstracyjnych:\n${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
