import { stringify } from 'yaml';

/** The engine's database as Spring sees it. */
export interface HostDatasource {
  url: string;
  username: string;
  password: string;
  driverClassName: string;
}

/** Everything `engine-host.yaml` says (docs/engine-host-contract.md); pure, so it is unit-tested. */
export interface HostSettings {
  port: number;
  datasource: HostDatasource;
  user: string;
  password: string;
  webapps: boolean;
  historyTtl: string;
  feed: { url: string; token: string };
  testClock: boolean;
  /**
   * The app's clock (epoch ms) when the host is launched, with the test clock on: the host's engine clock starts
   * (and resets to) the app's time when the two differ by more than a minute — a suite run under libfaketime
   * (only the Node processes faked: the JVM is 10× slower under it) sees one date in app and engine.
   */
  appClockAt?: number;
}

/** Renders `engine-host.yaml`: the host reads nothing else (its own defaults aside). */
export function renderHostConfig(settings: HostSettings): string {
  const config = {
    server: { address: '127.0.0.1', port: settings.port },
    spring: {
      datasource: {
        url: settings.datasource.url,
        username: settings.datasource.username,
        password: settings.datasource.password,
        'driver-class-name': settings.datasource.driverClassName,
      },
    },
    camunda: {
      bpm: {
        database: { 'schema-update': true },
        'admin-user': { id: settings.user, password: settings.password },
        webapp: { enabled: settings.webapps },
        // the REST user sees definitions of every tenant: a process owner's preview deploys under a tenant of its
        // own (src/models/model-preview.ts); live processes and by-key calls still resolve only definitions without a
        // tenant, so the preview never reaches them (the starter's own switch wins over a generic property)
        authorization: { 'tenant-check-enabled': false },
        'history-level': 'full',
        'default-serialization-format': 'application/json',
        'generic-properties': {
          properties: {
            historyTimeToLive: settings.historyTtl,
            historyCleanupBatchWindowStartTime: '22:00',
            historyCleanupBatchWindowEndTime: '05:00',
          },
        },
      },
    },
    mops: {
      feed: { url: settings.feed.url, token: settings.feed.token, 'batch-size': 200, 'poll-ms': 100 },
      'test-clock': {
        enabled: settings.testClock,
        ...(settings.testClock && settings.appClockAt !== undefined
          ? { 'app-epoch-ms': settings.appClockAt }
          : {}),
      },
    },
  };
  // Spring reads YAML 1.1 (SnakeYAML), where an unquoted 22:00 is the number 1320: write 1.1-safe scalars.
  return `# Written by mops-flow at every start of the engine host; edits are overwritten.\n${stringify(config, { version: '1.1' })}`;
}
