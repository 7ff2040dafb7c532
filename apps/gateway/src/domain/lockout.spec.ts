import { afterFailure, afterSuccess, countBefore, isLocked, LOCK_MINUTES, lockAfter, MAX_FAILED_ATTEMPTS } from './lockout';

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

describe('a failure counted by the database', () => {
  it('locks once the count reaches five, and not before', () => {
    expect(lockAfter(MAX_FAILED_ATTEMPTS - 1, t0)).toBeNull();
    expect(lockAfter(MAX_FAILED_ATTEMPTS, t0)).toEqual({ failedAttempts: 0, lockedUntil: later(LOCK_MINUTES) });
    // Failures racing past the fifth lock too.
    expect(lockAfter(MAX_FAILED_ATTEMPTS + 1, t0)?.lockedUntil).toEqual(later(LOCK_MINUTES));
  });

  it('restarts the count once a lock has run out', () => {
    const locked = { failedAttempts: 3, lockedUntil: later(LOCK_MINUTES) };
    expect(countBefore(locked, t0)).toBe(3);
    expect(countBefore(locked, later(LOCK_MINUTES))).toBe(0);
  });
});
