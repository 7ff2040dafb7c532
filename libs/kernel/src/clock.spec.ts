import { FixedClock, SystemClock } from './clock';

describe('clocks', () => {
  it('a fixed clock stands still until set or advanced', () => {
    const clock = new FixedClock('2025-01-20T01:00:00Z');
    expect(clock.now().toISOString()).toBe('2025-01-20T01:00:00.000Z');
    clock.advance(90 * 60_000);
    expect(clock.now().toISOString()).toBe('2025-01-20T02:30:00.000Z');
    clock.set(new Date('2026-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('a fixed clock hands out copies that cannot move it', () => {
    const clock = new FixedClock('2025-01-20T01:00:00Z');
    clock.now().setFullYear(1999);
    expect(clock.now().getUTCFullYear()).toBe(2025);
  });

  it('the system clock tells the current time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
