/** Five wrong passwords lock an account for fifteen minutes (等保 2.0 登录失败处理). */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

export interface LockState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

export const isLocked = (s: LockState, now: Date) => !!s.lockedUntil && s.lockedUntil > now;

/** The count a new failure starts from: a lock that has run out starts the count again. */
export const countBefore = (s: LockState, now: Date) => (s.lockedUntil && s.lockedUntil <= now ? 0 : s.failedAttempts);

/**
 * The lock a failure brings, given how many failures in a row it makes (counted atomically by the
 * database, so wrong passwords sent at once each count), or null when it does not lock yet.
 */
export const lockAfter = (failedAttempts: number, now: Date): LockState | null =>
  failedAttempts >= MAX_FAILED_ATTEMPTS
    ? { failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) }
    : null;

/** The state after a wrong password: the fifth failure in a row locks the account. */
export function afterFailure(s: LockState, now: Date): LockState {
  const failedAttempts = countBefore(s, now) + 1;
  return lockAfter(failedAttempts, now) ?? { failedAttempts, lockedUntil: s.lockedUntil };
}

export const afterSuccess = (): LockState => ({ failedAttempts: 0, lockedUntil: null });
