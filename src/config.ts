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
    .describe('Adres frontu widziany przez silnik (strumień zdarzeń); domyślnie http://HOST:PORT.'),
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
    .describe(
      'auto: lokalny host silnika, chyba że ustawiono ENGINE_REST_URL; local / external wymuszają wybór.',
    ),
  ENGINE_REST_URL: z
    .string()
    .url()
    .optional()
    .describe(
      'Zewnętrzny silnik Camunda 7 / Operaton: adres jego REST API, z bazową ścieżką REST (np. https://silnik.mops.local/ + ścieżka REST serwera).',
    ),
  ENGINE_USER: z
    .string()
    .regex(/^[a-zA-Z0-9._-]+$/, 'litery, cyfry, kropka, podkreślenie, łącznik')
    .default('mops-flow')
    .describe('Użytkownik silnika, którym aplikacja woła REST API (HTTP Basic); też login do Cockpitu.'),
  ENGINE_PASSWORD: z
    .string()
    .min(12, 'hasło silnika: min. 12 znaków')
    .optional()
    .describe(
      'Hasło użytkownika silnika; lokalnie domyślnie losowane raz do ENGINE_DIR/engine-password (0600).',
    ),
  ENGINE_PORT: port(8080).describe(
    'Port lokalnego hosta silnika na 127.0.0.1 (jego REST API pod standardową ścieżką Camunda).',
  ),
  ENGINE_WEBAPPS: bool(false).describe('Cockpit, Tasklist i Admin lokalnego hosta pod /camunda.'),
  ENGINE_FEED_TOKEN: z
    .string()
    .min(16)
    .optional()
    .describe('Sekret strumienia zdarzeń silnika (Bearer); domyślnie losowany raz do ENGINE_DIR/feed-token.'),
  ENGINE_HISTORY_TTL: z
    .string()
    .regex(/^(P\d+D|\d+)$/, 'liczba dni albo PnD, np. P180D')
    .default('P180D')
    .describe('Domyślny czas przechowywania historii procesów i decyzji bez własnego historyTimeToLive.'),
  ENGINE_CACHE_DIR: z
    .string()
    .default(path.join(os.homedir(), '.cache', 'mops-flow'))
    .describe('Pamięć podręczna zbudowanego hosta silnika (wspólna dla projektów użytkownika).'),
  ENGINE_DIR: z.string().optional().describe('Katalog danych lokalnego silnika; domyślnie DATA_DIR/engine.'),
  ENGINE_HEAP: z
    .string()
    .regex(/^\d+[mMgG]$/, 'np. 256m albo 1g')
    .default('256m')
    .describe('Maksymalna sterta JVM hosta silnika (-Xmx).'),
  ENGINE_START_TIMEOUT_S: z.coerce
    .number()
    .int()
    .min(10)
    .default(180)
    .describe('Limit czasu startu hosta silnika (s), bez jednorazowej budowy.'),
  ENGINE_CLOCK_CONTROLLED: bool(false).describe(
    'Zegar testowy hosta silnika (/mops/clock) — tylko do testów timerów.',
  ),
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
  CASE_ACCESS_GRACE_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(365)
    .default(30)
    .describe('Ile dni po zamknięciu ostatniego zadania zespół nadal widzi akta sprawy (need-to-know).'),
  LOGIN_MAX_FAILURES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(10)
    .describe('Ile nieudanych logowań na konto lub na adres w oknie blokuje dalsze próby.'),
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15)
    .describe('Okno liczenia nieudanych logowań (min).'),
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
    .describe('JDK 17–25 dla hosta silnika; bez niego java z PATH, potem najnowszy JDK w /usr/lib/jvm.'),
  PATH: z
    .string()
    .default('')
    .describe('Ścieżki programów systemu (tu szukana jest java, gdy brak JAVA_HOME).'),
  METRICS_TOKEN: z
    .string()
    .min(16, 'token metryk: min. 16 znaków')
    .optional()
    .describe('Token Bearer dla GET /metrics (Prometheus); bez niego /metrics tylko z tego komputera.'),
  WORKERS_ENABLED: bool(true).describe('Czy uruchamiać workery zadań zewnętrznych w tym procesie.'),
  WORKERS_LONG_POLL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(20_000)
    .default(15_000)
    .describe(
      'Jak długo silnik trzyma pusty fetchAndLock workerów (ms); krótko, bo porzucone odpytania blokują zadania.',
    ),
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
  return Boolean(config.ENGINE_REST_URL);
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
