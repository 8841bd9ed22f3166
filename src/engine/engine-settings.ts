import path from 'node:path';
import { stringify } from 'yaml';

/** Everything the local engine needs, derived from the config; pure, so it is unit-tested. */
export interface EngineSettings {
  dataDir: string;
  grpcPort: number;
  restPort: number;
  managementPort: number;
  commandPort: number;
  internalPort: number;
  clockControlled: boolean;
  exporter?: { jarPath: string; url: string; token: string };
}

/** Renders the Spring Boot configuration for a single broker with embedded gateway, bound to 127.0.0.1. */
export function renderEngineConfig(settings: EngineSettings): string {
  const host = '127.0.0.1';
  const exporters = settings.exporter
    ? {
        mops: {
          className: 'pl.mopsflow.exporter.HttpRecordExporter',
          jarPath: settings.exporter.jarPath,
          args: { url: settings.exporter.url, token: settings.exporter.token },
        },
      }
    : {};
  const config = {
    zeebe: {
      clock: { controlled: settings.clockControlled },
      broker: {
        network: {
          host,
          commandApi: { port: settings.commandPort },
          internalApi: { port: settings.internalPort },
        },
        gateway: { enable: true, network: { host, port: settings.grpcPort } },
        data: { directory: path.join(settings.dataDir, 'zeebe') },
        cluster: { clusterSize: 1, replicationFactor: 1, partitionsCount: 1 },
        exporters,
      },
    },
    server: { address: host, port: settings.restPort },
    management: { server: { address: host, port: settings.managementPort } },
    camunda: { rest: { query: { enabled: false } } },
  };
  return stringify(config);
}

export function javaOptions(heap: string, jvmFlags: string[]): string {
  return [`-Xmx${heap}`, ...jvmFlags].join(' ');
}
