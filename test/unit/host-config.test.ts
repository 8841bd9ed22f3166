import { parse } from 'yaml';
import { renderHostConfig, type HostSettings } from '../../src/engine/host-config';
import { hostDatasource } from '../../src/engine/host-database';

/** The rendered YAML, read as Spring reads it (YAML 1.1). */
interface Rendered {
  server: unknown;
  camunda: {
    bpm: {
      'admin-user': unknown;
      'history-level': string;
      'default-serialization-format': string;
      database: { 'schema-update': boolean };
      webapp: { enabled: boolean };
      authorization: unknown;
      'generic-properties': { properties: Record<string, unknown> };
    };
  };
  mops: { feed: unknown; 'test-clock': { enabled: boolean; 'app-epoch-ms'?: number } };
}

const render = (input: HostSettings) => parse(renderHostConfig(input), { version: '1.1' }) as Rendered;

const settings: HostSettings = {
  port: 8080,
  datasource: hostDatasource(undefined, '/data/engine'),
  user: 'mops-flow',
  password: 'sekret-sekret-1',
  webapps: false,
  historyTtl: 'P180D',
  feed: { url: 'http://127.0.0.1:3000/internal/engine-events', token: 'token-token-token' },
  testClock: false,
};

describe('engine-host.yaml', () => {
  it('says what the contract lists, bound to 127.0.0.1', () => {
    const yaml = render(settings);
    expect(yaml.server).toEqual({ address: '127.0.0.1', port: 8080 });
    expect(yaml.camunda.bpm['admin-user']).toEqual({ id: 'mops-flow', password: 'sekret-sekret-1' });
    expect(yaml.camunda.bpm['history-level']).toBe('full');
    expect(yaml.camunda.bpm['default-serialization-format']).toBe('application/json');
    expect(yaml.camunda.bpm.database['schema-update']).toBe(true);
    expect(yaml.camunda.bpm.webapp.enabled).toBe(false);
    expect(yaml.camunda.bpm['generic-properties'].properties.historyTimeToLive).toBe('P180D');
    expect(yaml.mops.feed).toMatchObject({ url: settings.feed.url, token: settings.feed.token });
    expect(yaml.mops['test-clock'].enabled).toBe(false);
    // a preview's tenant is visible to the REST user (the preview evaluates and removes it)
    expect(yaml.camunda.bpm.authorization).toEqual({ 'tenant-check-enabled': false });
  });

  it("gives the test clock the app's time at launch, and only when the test clock is on", () => {
    const at = Date.UTC(2026, 11, 24, 8, 0, 0);
    expect(render({ ...settings, testClock: true, appClockAt: at }).mops['test-clock']).toEqual({
      enabled: true,
      'app-epoch-ms': at,
    });
    expect(render({ ...settings, testClock: false, appClockAt: at }).mops['test-clock']).toEqual({
      enabled: false,
    });
  });

  it('quotes the cleanup window, which YAML 1.1 (Spring) would read as a number of minutes', () => {
    const yaml = render(settings);
    expect(yaml.camunda.bpm['generic-properties'].properties.historyCleanupBatchWindowStartTime).toBe(
      '22:00',
    );
  });
});

describe('engine datasource', () => {
  it('is an H2 file in the engine data dir without DATABASE_URL', () => {
    expect(hostDatasource(undefined, '/data/engine')).toEqual({
      url: 'jdbc:h2:file:/data/engine/h2/engine;AUTO_SERVER=FALSE',
      username: 'sa',
      password: '',
      driverClassName: 'org.h2.Driver',
    });
  });

  it('is schema camunda of the same PostgreSQL database, credentials apart from the URL', () => {
    expect(hostDatasource('postgres://mops:p%40ss@db.local:5433/mops_flow?sslmode=require', '/x')).toEqual({
      url: 'jdbc:postgresql://db.local:5433/mops_flow?sslmode=require&currentSchema=camunda',
      username: 'mops',
      password: 'p@ss',
      driverClassName: 'org.postgresql.Driver',
    });
  });

  it('defaults the port and takes no password when there is none', () => {
    expect(hostDatasource('postgres://postgres@127.0.0.1/mops_flow_test', '/x')).toMatchObject({
      url: 'jdbc:postgresql://127.0.0.1:5432/mops_flow_test?currentSchema=camunda',
      username: 'postgres',
      password: '',
    });
  });
});
