import { parse as parseYaml } from 'yaml';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the rendered YAML is checked field by field
const parse = (text: string): any => parseYaml(text);
import { javaOptions, renderEngineConfig } from '../../src/engine/engine-settings';

describe('engine configuration', () => {
  const settings = {
    dataDir: '/tmp/mops/engine',
    grpcPort: 26600,
    restPort: 8180,
    managementPort: 9700,
    commandPort: 26601,
    internalPort: 26602,
    clockControlled: true,
  };

  it('binds every port to 127.0.0.1 and keeps data under the data dir', () => {
    const config = parse(renderEngineConfig(settings));
    expect(config.zeebe.broker.gateway.network).toEqual({ host: '127.0.0.1', port: 26600 });
    expect(config.zeebe.broker.network.commandApi.port).toBe(26601);
    expect(config.server).toEqual({ address: '127.0.0.1', port: 8180 });
    expect(config.management.server).toEqual({ address: '127.0.0.1', port: 9700 });
    expect(config.zeebe.broker.data.directory).toBe('/tmp/mops/engine/zeebe');
    expect(config.zeebe.clock.controlled).toBe(true);
  });

  it('configures our record exporter only when asked', () => {
    expect(parse(renderEngineConfig(settings)).zeebe.broker.exporters).toEqual({});
    const withExporter = parse(
      renderEngineConfig({
        ...settings,
        exporter: { jarPath: '/x.jar', url: 'http://127.0.0.1:3100/internal/engine-records', token: 't' },
      }),
    );
    expect(withExporter.zeebe.broker.exporters.mops).toEqual({
      className: 'pl.mopsflow.exporter.HttpRecordExporter',
      jarPath: '/x.jar',
      args: { url: 'http://127.0.0.1:3100/internal/engine-records', token: 't' },
    });
  });

  it('builds JAVA_OPTS from heap and flags', () => {
    expect(javaOptions('1g', ['--a', '--b'])).toBe('-Xmx1g --a --b');
  });
});
