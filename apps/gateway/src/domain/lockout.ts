/** Five wrong passwords lock an account for fifteen minutes (等保 2.0 登录失败处理). */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

export interface LockState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

export const isLocked = (s: LockState, now: Date) => !!s.lockedUntil && s.lockedUntil > now;

/** The state after a wrong password: the fifth failure in a row locks the account. */
export function afterFailure(s: LockState, now: Date): LockState {
  const failedAttempts = (s.lockedUntil && s.lockedUntil <= now ? 0 : s.failedAttempts) + 1;
  return failedAttempts >= MAX_FAILED_ATTEMPTS
    ? { failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) }
    : { failedAttempts, lockedUntil: s.lockedUntil };
}

export const afterSuccess = (): LockState => ({ failedAttempts: 0, lockedUntil: null });
