import { afterFailure, afterSuccess, isLocked, LOCK_MINUTES, MAX_FAILED_ATTEMPTS } from './lockout';

const t0 = new Date('2026-11-22T09:00:00Z');
const later = (min: number) => new Date(t0.getTime() + min * 60_000);

describe('account lockout', () => {
  it('locks on the fifth wrong password in a row, for fifteen minutes', () => {
    let s = afterSuccess();
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) s = afterFailure(s, t0);
    expect(isLocked(s, t0)).toBe(false);
    s = afterFailure(s, t0);
    expect(isLocked(s, t0)).toBe(true);
    expect(isLocked(s, later(LOCK_MINUTES - 1))).toBe(true);
    expect(isLocked(s, later(LOCK_MINUTES))).toBe(false);
  });

  it('starts counting again after a lock has expired', () => {
    let s = afterSuccess();
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) s = afterFailure(s, t0);
    s = afterFailure(s, later(LOCK_MINUTES + 1));
    expect(s.failedAttempts).toBe(1);
    expect(isLocked(s, later(LOCK_MINUTES + 1))).toBe(false);
  });

  it('clears the count on a correct password', () => {
    expect(afterSuccess()).toEqual({ failedAttempts: 0, lockedUntil: null });
  });
});
