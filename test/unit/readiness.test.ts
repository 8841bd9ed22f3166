import { summarizeTopology } from '../../src/engine/readiness';

describe('engine readiness from the topology', () => {
  it('is ready when every partition has a healthy leader', () => {
    const health = summarizeTopology({
      brokers: [{ partitions: [{ role: 'leader', health: 'healthy' }] }],
      partitionsCount: 1,
      gatewayVersion: '8.6.0',
    });
    expect(health).toMatchObject({ ready: true, version: '8.6.0' });
  });

  it('is not ready while a partition has no leader or is unhealthy', () => {
    expect(
      summarizeTopology({
        brokers: [{ partitions: [{ role: 'follower', health: 'healthy' }] }],
        partitionsCount: 1,
      }).ready,
    ).toBe(false);
    expect(
      summarizeTopology({
        brokers: [{ partitions: [{ role: 'leader', health: 'unhealthy' }] }],
        partitionsCount: 1,
      }).ready,
    ).toBe(false);
    expect(summarizeTopology({ brokers: [] }).ready).toBe(false);
  });
});
