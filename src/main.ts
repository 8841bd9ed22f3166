import { ConfigError, loadConfig } from './config';
import { AppError } from './errors/app-error';
import { createLogger } from './logger';
import { startRuntime } from './runtime';

/** `npm start`: validates the config, starts everything, and stops all of it cleanly on Ctrl-C / SIGTERM. */
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
  const log = createLogger(config);
  const started = Date.now();
  const runtime = await startRuntime(config, log);
  log.info('mops-flow gotowy', { url: runtime.url, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  console.log(
    `\nmops-flow działa: ${runtime.url}\n` +
      `  Zaloguj się kontem z listy kont demonstracyjnych (wypisanej przy pierwszym starcie).\n` +
      `  Stan: ${runtime.url}/health   Log silnika: ${runtime.engineHost.logFile ?? `(silnik zewnętrzny: ${runtime.engineHost.restUrl})`}\n` +
      `  Ctrl-C zatrzymuje aplikację i silnik.\n`,
  );
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('Zatrzymuję mops-flow', { signal });
    runtime.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('Błąd przy zatrzymywaniu', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  const message = error instanceof AppError || error instanceof Error ? error.message : String(error);
  console.error(`\nNie udało się uruchomić mops-flow:\n${message}\n`);
  process.exit(1);
});
