import { hostJvmFlags } from '../../src/engine/jvm-flags';

describe('engine host JVM flags', () => {
  it('caps the heap and uses the small-machine collector and compiler', () => {
    const flags = hostJvmFlags('256m', 17);
    expect(flags).toContain('-Xmx256m');
    expect(flags).toContain('-XX:+UseSerialGC');
    expect(flags).toContain('-XX:TieredStopAtLevel=1');
  });

  it('allows native access only where the JDK asks for it', () => {
    expect(hostJvmFlags('1g', 21)).not.toContain('--enable-native-access=ALL-UNNAMED');
    expect(hostJvmFlags('1g', 25)).toContain('--enable-native-access=ALL-UNNAMED');
  });
});
