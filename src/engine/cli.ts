import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { startLocalEngine } from './local-engine';
import { localEngineOptions } from './local-engine-options';

/** `npm run engine`: only the local engine (same settings as `npm start`), until Ctrl-C. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config);
  const engine = await startLocalEngine(await localEngineOptions(config, log));
  console.log(`Silnik gotowy: REST ${engine.restAddress}/v2, gRPC ${engine.grpcAddress}. Ctrl-C zatrzymuje.`);
  const stop = () => void engine.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
