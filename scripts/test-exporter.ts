import { spawnSync } from 'node:child_process';
import { inheritedEnvironment, loadConfig } from '../src/config';
import { findJava } from '../src/engine/java';

/** Runs the record exporter's own JUnit tests with Maven on the same Java 21–25 the engine uses. */
async function main(): Promise<void> {
  const config = loadConfig();
  const java = await findJava({ javaHome: config.JAVA_HOME, path: config.PATH });
  const environment = inheritedEnvironment();
  const result = spawnSync('mvn', ['-q', '-B', '-f', 'exporter/pom.xml', 'test'], {
    stdio: 'inherit',
    // Maven's own libraries trip JDK 25's sun.misc.Unsafe warnings; the flag is unknown before 25
    env: {
      ...environment,
      JAVA_HOME: java.javaHome,
      MAVEN_OPTS: [environment.MAVEN_OPTS, java.major >= 25 ? '--sun-misc-unsafe-memory-access=allow' : '']
        .filter(Boolean)
        .join(' '),
    },
  });
  if (result.error) throw result.error;
  process.exit(result.status ?? 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
