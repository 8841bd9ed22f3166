import { loadConfig } from '../../src/config';
import { engineFeedUrl } from '../../src/engine/engine-host-options';

describe('engine feed address', () => {
  it('is the app on loopback by default', () => {
    expect(engineFeedUrl(loadConfig({}))).toBe('http://127.0.0.1:3000/internal/engine-events');
  });

  it('uses loopback when the app listens on every interface', () => {
    expect(engineFeedUrl(loadConfig({ HOST: '0.0.0.0', PORT: '3100' }))).toBe(
      'http://127.0.0.1:3100/internal/engine-events',
    );
  });

  it('follows PUBLIC_URL when set', () => {
    expect(engineFeedUrl(loadConfig({ PUBLIC_URL: 'http://app:3000/' }))).toBe(
      'http://app:3000/internal/engine-events',
    );
  });
});
