import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors/app-error';

/** `mvn` on the configured PATH, or a clear error saying how to get it. */
export function findMaven(searchPath: string): string {
  for (const dir of searchPath.split(path.delimiter)) {
    const mvn = dir ? path.join(dir, 'mvn') : '';
    if (mvn && existsSync(mvn)) return mvn;
  }
  throw new AppError({
    code: 'distribution-unavailable',
    message:
      'Nie znaleziono programu Maven (mvn), którym budowany jest host silnika Camunda 7 (engine-host/). ' +
      'Zainstaluj Maven 3.8+ (np. apt-get install maven) i uruchom ponownie, albo wskaż gotowy silnik przez ENGINE_REST_URL.',
  });
}
