import { Principal } from '@otr/auth';
import { AccountScope } from '../domain/account-change';
import { LockState } from '../domain/lockout';

/** An account as sign-in and administration see it. */
export interface Account extends AccountScope, LockState {
  id: string;
  username: string;
  passwordHash: string;
  displayName: string;
  disabled: boolean;
  /** Moves on when a password reset, disabling or a change of role or scope ends every session. */
  sessionVersion: number;
}

/** A refresh token as stored (hashed); rotation keeps one family per sign-in. */
export interface StoredRefreshToken {
  id: string;
  userId: string;
  familyId: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** Signed, short-lived access tokens. */
export interface AccessTokens {
  /** sessionVersion: the account's, at issue; the token stops working once it moves on. */
  issue(
    principal: Principal,
    now: Date,
    sessionVersion: number,
  ): Promise<{ token: string; jti: string; expiresAt: Date }>;
  /** Rejects a token that is forged, expired or not ours. */
  verify(
    token: string,
    now: Date,
  ): Promise<{ principal: Principal; jti: string; expiresAt: Date; sessionVersion: number }>;
}

/** Accounts, refresh tokens and revoked access tokens, for sign-in, refresh and sign-out. */
export interface SessionStore {
  accountByUsername(username: string): Promise<Account | null>;
  accountById(id: string): Promise<Account | null>;
  /**
   * Counts one wrong password atomically (wrong passwords sent at once each count); a lock that has
   * run out starts the count again. Returns the failures in a row including this one.
   */
  countFailedAttempt(accountId: string, now: Date): Promise<number>;
  setLockState(accountId: string, state: LockState): Promise<void>;
  refreshToken(tokenHash: string): Promise<StoredRefreshToken | null>;
  /** Revokes a refresh token unless already revoked; false when someone else did first. */
  claimRefreshToken(id: string, now: Date): Promise<boolean>;
  addRefreshToken(token: Omit<StoredRefreshToken, 'revokedAt'> & { tokenHash: string }): Promise<void>;
  /** Revokes every refresh token of one sign-in still valid. */
  revokeRefreshFamily(familyId: string, now: Date): Promise<void>;
  /** Records a revoked access token until it would have expired; revoking twice is revoking once. */
  revokeAccessToken(jti: string, expiresAt: Date): Promise<void>;
  isAccessTokenRevoked(jti: string): Promise<boolean>;
  sessionState(username: string): Promise<{ disabled: boolean; sessionVersion: number } | null>;
}

export const ACCOUNTS = Symbol('AccountStore');

/** Accounts as administrators change them. R: the stored account the caller gets back. */
export interface AccountStore<R extends Account = Account> {
  find(id: string): Promise<R | null>;
  /**
   * Applies the change; with endSessionsAt, also moves the session version on and revokes every
   * refresh token of the account at that time, in the same transaction.
   */
  change(id: string, change: AccountUpdate, endSessionsAt: Date | null): Promise<R>;
}

/** The columns an administrator's change sets; a new password also clears the lock. */
export interface AccountUpdate {
  displayName?: string;
  disabled?: boolean;
  roles?: string[];
  department?: string | null;
  jurisdiction?: string;
  institutionId?: string | null;
  passwordHash?: string;
}
