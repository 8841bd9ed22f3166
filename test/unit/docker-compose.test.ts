import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  ports?: string[];
}

interface Compose {
  services: Record<string, Service>;
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as Compose;
  const app = compose.services.app?.environment ?? {};
  const engine = compose.services.engine?.environment ?? {};

  it('has the engine host, the database and the app', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'engine', 'postgres']);
  });

  it('builds the engine from engine-host/ and keeps it in schema camunda of the app database', () => {
    expect(compose.services.engine?.build).toBe('./engine-host');
    expect(engine.SPRING_DATASOURCE_URL).toBe(
      'jdbc:postgresql://postgres:5432/mops_flow?currentSchema=camunda',
    );
    expect(app.DATABASE_URL).toMatch(/@postgres:5432\/mops_flow$/);
    expect(compose.services.engine?.ports).toEqual(['127.0.0.1:8080:8080']);
  });

  it('points the app at the engine as an external engine with the same credentials', () => {
    expect(app.ENGINE_MODE).toBe('external');
    expect(app.ENGINE_REST_URL).toBe('http://engine:8080/engine-rest');
    expect(engine.CAMUNDA_BPM_ADMINUSER_ID).toBe(app.ENGINE_USER);
    expect(engine.CAMUNDA_BPM_ADMINUSER_PASSWORD).toBe(app.ENGINE_PASSWORD);
  });

  it('lets the engine deliver its events to the app with the shared token', () => {
    expect(engine.MOPS_FEED_URL).toBe(`${app.PUBLIC_URL}/internal/engine-events`);
    expect(engine.MOPS_FEED_TOKEN).toBe(app.ENGINE_FEED_TOKEN);
  });

  it('has no Zeebe left', () => {
    expect(readFileSync('docker-compose.yml', 'utf8')).not.toMatch(/zeebe/i);
  });
});

describe('engine-host/Dockerfile', () => {
  const dockerfile = readFileSync('engine-host/Dockerfile', 'utf8');

  it('builds the jar with Maven and runs it on a JRE as a non-root user', () => {
    const stages = dockerfile.match(/^FROM .+$/gm) ?? [];
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatch(/^FROM maven:3\.9-eclipse-temurin-17 AS build$/);
    expect(stages[1]).toMatch(/^FROM eclipse-temurin:17-jre$/);
    expect(dockerfile).toMatch(/COPY --from=build \/src\/target\/mops-engine-host\.jar/);
    expect(dockerfile).toMatch(/^USER 10001$/m);
  });

  it('listens on the container network', () => {
    expect(dockerfile).toMatch(/SERVER_ADDRESS=0\.0\.0\.0/);
  });
});
