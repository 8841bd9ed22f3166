import { readFileSync } from 'node:fs';
import { ConfigError, isExternalEngine, loadConfig } from '../../src/config';
import { configTable } from '../../src/config-docs';

describe('configuration', () => {
  it('has embedded defaults that need no environment at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      ENGINE_PORT: 8080,
      ENGINE_MODE: 'auto',
      ENGINE_USER: 'mops-flow',
      ENGINE_WEBAPPS: false,
      ENGINE_HISTORY_TTL: 'P180D',
      ENGINE_HEAP: '256m',
      ENGINE_CLOCK_CONTROLLED: false,
    });
    expect(config.ENGINE_PASSWORD).toBeUndefined();
    expect(config.ENGINE_REST_URL).toBeUndefined();
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

  it('treats ENGINE_REST_URL as an external engine unless the mode says otherwise', () => {
    expect(isExternalEngine(loadConfig({}))).toBe(false);
    expect(isExternalEngine(loadConfig({ ENGINE_REST_URL: 'https://silnik.mops.local/engine-rest' }))).toBe(
      true,
    );
    expect(
      isExternalEngine(
        loadConfig({ ENGINE_REST_URL: 'https://silnik.mops.local/engine-rest', ENGINE_MODE: 'local' }),
      ),
    ).toBe(false);
  });

  it('refuses an engine user the engine would refuse and a history TTL it cannot read', () => {
    expect(() => loadConfig({ ENGINE_USER: 'mops flow' })).toThrow(/ENGINE_USER/);
    expect(() => loadConfig({ ENGINE_HISTORY_TTL: '6 months' })).toThrow(/ENGINE_HISTORY_TTL/);
    expect(loadConfig({ ENGINE_HISTORY_TTL: '30' }).ENGINE_HISTORY_TTL).toBe('30');
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
