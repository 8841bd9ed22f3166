/** Pure helpers to read `java -version` output and choose JVM flags. */
export const MIN_JAVA = 17;
export const MAX_JAVA = 25;

/** Parses the major version from `java -version` (stderr) output, e.g. `openjdk version "25.0.1"` → 25. */
export function parseJavaMajor(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/** The engine host (Spring Boot 3.5, Camunda 7.24) runs on Java 17 to 25. */
export function isSupportedJava(major: number): boolean {
  return major >= MIN_JAVA && major <= MAX_JAVA;
}
