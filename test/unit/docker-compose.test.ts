import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CAMUNDA_VERSION } from '../../src/engine/version';

interface Compose {
  services: Record<string, { image?: string; environment?: Record<string, string> }>;
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as Compose;

  it('parses and has the engine, the database, the exporter build and the app', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'exporter-build', 'postgres', 'zeebe']);
  });

  it('pins the same Camunda version as the local engine', () => {
    expect(compose.services.zeebe?.image).toBe(`camunda/zeebe:${CAMUNDA_VERSION}`);
  });

  it('points the app at the engine as an external cluster and shares the exporter token', () => {
    const app = compose.services.app?.environment ?? {};
    const zeebe = compose.services.zeebe?.environment ?? {};
    expect(app.ENGINE_MODE).toBe('external');
    expect(app.ZEEBE_GRPC_ADDRESS).toBe('grpc://zeebe:26500');
    expect(zeebe.ZEEBE_BROKER_EXPORTERS_MOPS_ARGS_URL).toBe(`${app.PUBLIC_URL}/internal/engine-records`);
    expect(zeebe.ZEEBE_BROKER_EXPORTERS_MOPS_ARGS_TOKEN).toBe(app.ENGINE_EXPORTER_TOKEN);
  });
});
