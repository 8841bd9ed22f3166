import { isSupportedJava, parseJavaMajor } from '../../src/engine/java-version';

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

  it('accepts 17 to 25 only (Spring Boot 3.5 and Camunda 7.24)', () => {
    expect([11, 16, 17, 21, 24, 25, 26].map(isSupportedJava)).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
      false,
    ]);
  });
});
