import path from 'node:path';
import { engineDir, loadConfig } from '../config';
import { createLogger } from '../logger';
import { startEngineHost } from './engine-host';
import { engineHostOptions } from './engine-host-options';
import { PASSWORD_FILE } from './engine-secrets';

/** `npm run engine`: only the engine host (same settings as `npm start`), until Ctrl-C. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config);
  const host = await startEngineHost(await engineHostOptions(config, log));
  const passwordSource = config.ENGINE_PASSWORD
    ? 'ENGINE_PASSWORD'
    : `plik ${path.join(engineDir(config), PASSWORD_FILE)}`;
  console.log(
    `Silnik gotowy: REST ${host.restUrl} (użytkownik ${host.credentials.user}, hasło: ${passwordSource}).` +
      (host.owned ? ' Ctrl-C zatrzymuje.' : ' Działał już wcześniej; zostawiam go.'),
  );
  if (!host.owned) return;
  const stop = () => void host.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
