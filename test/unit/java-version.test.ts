import { isSupportedJava, jvmFlagsFor, parseJavaMajor } from '../../src/engine/java-version';

describe('java version', () => {
  it.each([
    ['openjdk version "25.0.1" 2025-10-21', 25],
    ['openjdk version "21.0.5" 2024-10-15 LTS', 21],
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['java version "1.8.0_402"', 8],
  ])('reads %s as %i', (output, major) => {
    expect(parseJavaMajor(output)).toBe(major);
  });

  it('returns undefined for output without a version', () => {
    expect(parseJavaMajor('bash: java: command not found')).toBeUndefined();
  });

  it('accepts 21 to 25 only', () => {
    expect([17, 20, 21, 24, 25, 26].map(isSupportedJava)).toEqual([false, false, true, true, true, false]);
  });

  it('passes the JDK 25 flags only on 25 and later', () => {
    expect(jvmFlagsFor(21)).toEqual([]);
    expect(jvmFlagsFor(25)).toContain('--sun-misc-unsafe-memory-access=allow');
  });
});
