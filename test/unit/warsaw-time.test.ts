import { warsawDateTime, warsawOffsetMinutes } from '../../src/domain/warsaw-time';

describe('Warsaw wall-clock instants for the engine', () => {
  it('uses CET in winter and CEST in summer', () => {
    expect(warsawDateTime('2026-01-15')).toBe('2026-01-15T15:30:00+01:00');
    expect(warsawDateTime('2026-07-15', '08:00')).toBe('2026-07-15T08:00:00+02:00');
    expect(new Date(warsawDateTime('2026-07-15', '08:00')).toISOString()).toBe('2026-07-15T06:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    expect(warsawDateTime('2026-03-29', '15:30')).toBe('2026-03-29T15:30:00+02:00');
    expect(warsawDateTime('2026-10-25', '15:30')).toBe('2026-10-25T15:30:00+01:00');
    expect(warsawOffsetMinutes(new Date('2026-03-29T00:30:00Z'))).toBe(60);
  });

  it('names a wrong time', () => {
    expect(() => warsawDateTime('2026-01-15', '25h')).toThrow(
      expect.objectContaining({ field: 'time' }) as Error,
    );
  });
});
