import { execFile } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../errors/app-error';
import { isSupportedJava, MAX_JAVA, MIN_JAVA, parseJavaMajor } from './java-version';

const run = promisify(execFile);

export interface JavaRuntime {
  javaHome: string;
  javaBin: string;
  major: number;
}

/** Where to look for Java: the configured JAVA_HOME and PATH (src/config.ts). */
export interface JavaSearch {
  javaHome?: string;
  path: string;
  /** Only a JDK (with javac) will do: Maven compiles the engine host with it. */
  compiler?: boolean;
}

/** Finds Java 17–25: JAVA_HOME first, then `java` on PATH, then every JDK under /usr/lib/jvm (newest first). */
export async function findJava(search: JavaSearch): Promise<JavaRuntime> {
  const seen: string[] = [];
  for (const javaBin of candidates(search)) {
    const major = await probe(javaBin);
    const javaHome = path.dirname(path.dirname(realpathSync(javaBin)));
    const jre = search.compiler === true && !existsSync(path.join(javaHome, 'bin', 'javac'));
    seen.push(
      `${javaBin}: ${major ?? 'nie działa'}${jre ? ' (JRE bez javac; budowa hosta wymaga JDK)' : ''}`,
    );
    if (major !== undefined && isSupportedJava(major) && !jre) {
      return { javaBin, major, javaHome };
    }
  }
  throw new AppError({
    code: 'java-missing',
    message:
      `Nie znaleziono Javy ${MIN_JAVA}–${MAX_JAVA}, której wymaga host silnika Camunda 7. Zainstaluj JDK ${MIN_JAVA}–${MAX_JAVA} ` +
      `(np. apt-get install openjdk-17-jdk-headless lub Temurin 21/25) albo ustaw JAVA_HOME. Sprawdzone: ` +
      (seen.length > 0 ? seen.join('; ') : 'brak jakiejkolwiek Javy'),
  });
}

function candidates(search: JavaSearch): string[] {
  const list: string[] = [];
  if (search.javaHome) list.push(path.join(search.javaHome, 'bin', 'java'));
  for (const dir of search.path.split(path.delimiter)) {
    if (dir) list.push(path.join(dir, 'java'));
  }
  const jvmRoot = '/usr/lib/jvm';
  if (existsSync(jvmRoot)) {
    const jdks = readdirSync(jvmRoot).sort().reverse();
    list.push(...jdks.map((name) => path.join(jvmRoot, name, 'bin', 'java')));
  }
  return [...new Set(list)].filter((file) => existsSync(file));
}

async function probe(javaBin: string): Promise<number | undefined> {
  try {
    const { stdout, stderr } = await run(javaBin, ['-version'], { timeout: 15_000 });
    return parseJavaMajor(`${stderr}\n${stdout}`);
  } catch {
    return undefined;
  }
}
