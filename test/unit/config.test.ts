import { readFileSync } from 'node:fs';
import { ConfigError, isExternalEngine, loadConfig } from '../../src/config';
import { configTable } from '../../src/config-docs';

describe('configuration', () => {
  it('has embedded defaults that need no environment at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      ENGINE_REST_PORT: 8080,
      ENGINE_MODE: 'auto',
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every wrong variable', () => {
    expect(() => loadConfig({ PORT: 'abc', ENGINE_HEAP: 'lots' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', ENGINE_HEAP: 'lots' });
    } catch (error) {
      expect((error as ConfigError).issues.join('\n')).toMatch(/PORT/);
      expect((error as ConfigError).issues.join('\n')).toMatch(/ENGINE_HEAP/);
    }
  });

  it('treats the SDK address variables as an external cluster unless the mode says otherwise', () => {
    expect(isExternalEngine(loadConfig({}))).toBe(false);
    expect(isExternalEngine(loadConfig({ ZEEBE_GRPC_ADDRESS: 'grpcs://x.zeebe.camunda.io:443' }))).toBe(true);
    expect(isExternalEngine(loadConfig({ ZEEBE_GRPC_ADDRESS: 'grpc://h:26500', ENGINE_MODE: 'local' }))).toBe(
      false,
    );
  });

  it('documents every key in the README exactly as the schema says', () => {
    const readme = readFileSync('README.md', 'utf8');
    const start = readme.indexOf('<!-- config:start -->') + '<!-- config:start -->'.length;
    const section = readme.slice(start, readme.indexOf('<!-- config:end -->'));
    expect(cells(section)).toEqual(cells(configTable()));
  });
});

/** Table cells without the padding a formatter may add. */
function cells(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .filter((line) => !/^\|\s*-/.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}
