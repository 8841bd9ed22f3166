import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * One schema for every setting. Each key is read from the environment variable of the same name.
 * `describe()` holds the one-line doc; the README's configuration table is checked against it by a test.
 */
const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');

export const configSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'])
    .default('development')
    .describe('Tryb pracy: development (domyślne dane demo), production, test.'),
  HOST: z.string().default('127.0.0.1').describe('Adres, na którym nasłuchuje front HTTP.'),
  PORT: port(3000).describe('Port frontu HTTP.'),
  PUBLIC_URL: z
    .string()
    .url()
    .optional()
    .describe('Adres frontu widziany przez silnik (eksporter rekordów); domyślnie http://HOST:PORT.'),
  DATA_DIR: z
    .string()
    .default(path.resolve('data'))
    .describe('Katalog danych projektu: PGlite, dane silnika, logi.'),
  DATABASE_URL: z
    .string()
    .optional()
    .describe('PostgreSQL dla akt spraw (postgres://…); bez niego wbudowany PGlite w DATA_DIR/pglite.'),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info').describe('Poziom logów.'),
  LOG_FORMAT: z
    .enum(['json', 'pretty'])
    .optional()
    .describe('Format logów; domyślnie json w production, czytelny w development.'),
  ENGINE_MODE: z
    .enum(['auto', 'local', 'external'])
    .default('auto')
    .describe('auto: lokalny silnik, chyba że ustawiono ZEEBE_REST_ADDRESS / ZEEBE_GRPC_ADDRESS.'),
  ENGINE_CACHE_DIR: z
    .string()
    .default(path.join(os.homedir(), '.cache', 'mops-flow'))
    .describe('Pamięć podręczna dystrybucji Camunda (wspólna dla projektów użytkownika).'),
  ENGINE_DIR: z.string().optional().describe('Katalog danych silnika; domyślnie DATA_DIR/engine.'),
  ENGINE_GRPC_PORT: port(26500).describe('Port gRPC bramy silnika.'),
  ENGINE_REST_PORT: port(8080).describe('Port REST API silnika (/v2).'),
  ENGINE_MANAGEMENT_PORT: port(9600).describe('Port zarządzania silnika (actuator, gotowość).'),
  ENGINE_COMMAND_PORT: port(26501).describe('Port wewnętrzny command API brokera.'),
  ENGINE_INTERNAL_PORT: port(26502).describe('Port wewnętrzny komunikacji w klastrze.'),
  ENGINE_HEAP: z
    .string()
    .regex(/^\d+[mMgG]$/, 'np. 1g albo 768m')
    .default('1g')
    .describe('Maksymalna sterta JVM silnika (-Xmx).'),
  ENGINE_START_TIMEOUT_S: z.coerce
    .number()
    .int()
    .min(10)
    .default(240)
    .describe('Limit czasu startu silnika (s).'),
  ENGINE_CLOCK_CONTROLLED: bool(false).describe('Sterowany zegar silnika (/v2/clock) — do testów timerów.'),
  MAVEN_REPOSITORY_URL: z
    .string()
    .url()
    .default('https://repo1.maven.org/maven2')
    .describe('Repozytorium Maven, z którego pobierana jest dystrybucja, gdy brak polecenia mvn.'),
  ENGINE_EXPORTER_TOKEN: z
    .string()
    .min(16)
    .optional()
    .describe('Wspólny sekret eksportera rekordów; domyślnie losowany i zapisany w DATA_DIR.'),
  ZEEBE_REST_ADDRESS: z.string().url().optional().describe('Zewnętrzny klaster: adres REST (standard SDK).'),
  ZEEBE_GRPC_ADDRESS: z.string().optional().describe('Zewnętrzny klaster: adres gRPC (standard SDK).'),
  CASE_NUMBER_PATTERN: z
    .string()
    .refine((value) => value.includes('{n}') && value.includes('{yyyy}'), 'wzór musi zawierać {n} i {yyyy}')
    .default('MOPS.ŚW.5011.{n}.{yyyy}')
    .describe('Wzór znaku sprawy (JRWA): {n} numer kolejny w roku, {yyyy} rok.'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30)
    .describe('Wylogowanie po bezczynności (min).'),
  BOOTSTRAP_ADMIN_LOGIN: z
    .string()
    .optional()
    .describe('Login pierwszego administratora (tworzony przy starcie, jeśli nie istnieje).'),
  BOOTSTRAP_ADMIN_PASSWORD: z
    .string()
    .min(12, 'hasło administratora: min. 12 znaków')
    .optional()
    .describe('Hasło pierwszego administratora (min. 12 znaków).'),
  JAVA_HOME: z
    .string()
    .optional()
    .describe('JDK 21–25 dla silnika; bez niego java z PATH, potem najnowszy JDK w /usr/lib/jvm.'),
  PATH: z
    .string()
    .default('')
    .describe('Ścieżki programów systemu (tu szukana jest java, gdy brak JAVA_HOME).'),
  WORKERS_ENABLED: bool(true).describe('Czy uruchamiać job workery w tym procesie.'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Błędna konfiguracja:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment before anything connects; names every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, emptyToUndefined(env[key])]),
  );
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return parsed.data;
}

/**
 * The environment a child process (the engine, Maven) inherits: besides `loadConfig`, the one place that reads the
 * process environment, so the children get PATH, locale and proxy settings as the user set them.
 */
export function inheritedEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env };
}

export function engineDir(config: Config): string {
  return config.ENGINE_DIR ?? path.join(config.DATA_DIR, 'engine');
}

export function publicUrl(config: Config): string {
  return config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`;
}

export function isExternalEngine(config: Config): boolean {
  if (config.ENGINE_MODE !== 'auto') return config.ENGINE_MODE === 'external';
  return Boolean(config.ZEEBE_REST_ADDRESS ?? config.ZEEBE_GRPC_ADDRESS);
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
