import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { HttpStatus, UnauthorizedException } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { Principal } from '@otr/auth';
import { Clock } from '@otr/kernel';
import { ProblemException } from '@otr/runtime';
import { afterSuccess, isLocked, lockAfter } from '../domain/lockout';
import { AccessTokens, Account, SessionStore } from './ports';

export const REFRESH_TOKEN_DAYS = 7;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The principal the services see. Its userId is the stable username (inspector.xihu), so rosters,
 * assignments and action logs name officials as people read them; the row id stays internal.
 */
export const principalOf = (u: Account): Principal => ({
  userId: u.username,
  name: u.displayName,
  roles: u.roles as Principal['roles'],
  ...(u.department ? { department: u.department as Principal['department'] } : {}),
  jurisdiction: u.jurisdiction,
  ...(u.institutionId ? { institutionId: u.institutionId } : {}),
});

/** A session (会话): a short-lived access token, the refresh token that renews it, and who signed in. */
export const SessionTokens = z.object({
  accessToken: z.string().describe('Send as `Authorization: Bearer <accessToken>`.'),
  refreshToken: z.string().describe('POST it to /api/v1/auth/refresh for a new pair (rotated on each use).'),
  expiresAt: z.iso.datetime().describe('When the access token expires.'),
  user: Principal,
});
export type SessionTokens = z.infer<typeof SessionTokens>;

/** Sign-in, refresh with rotation and reuse detection, sign-out that revokes. */
export class Sessions {
  constructor(
    private readonly store: SessionStore,
    private readonly tokens: AccessTokens,
    private readonly clock: Clock,
  ) {}

  async login(username: string, password: string): Promise<SessionTokens> {
    const now = this.clock.now();
    const user = await this.store.accountByUsername(username);
    if (!user || user.disabled) {
      await bcrypt.compare(password, '$2b$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva'); // same time either way
      throw new UnauthorizedException('wrong username or password');
    }
    if (isLocked(user, now)) {
      throw new ProblemException({
        status: HttpStatus.LOCKED,
        code: 'account-locked',
        detail: `account locked until ${user.lockedUntil!.toISOString()}`,
      });
    }
    if (!(await bcrypt.compare(password, user.passwordHash))) {
      const lock = lockAfter(await this.store.countFailedAttempt(user.id, now), now);
      if (lock) await this.store.setLockState(user.id, lock);
      throw new UnauthorizedException('wrong username or password');
    }
    await this.store.setLockState(user.id, afterSuccess());
    return this.issue(user, randomUUID());
  }

  async refresh(refreshToken: string): Promise<SessionTokens> {
    const now = this.clock.now();
    const row = await this.store.refreshToken(hash(refreshToken));
    if (!row || row.expiresAt <= now) throw new UnauthorizedException('refresh token expired or unknown');
    if (row.revokedAt) {
      // A rotated-out token came back: someone holds a copy. End the whole sign-in.
      await this.revokeFamily(row.familyId);
      throw new UnauthorizedException('refresh token reused; signed out everywhere for this session');
    }
    if (!(await this.store.claimRefreshToken(row.id, now)))
      throw new UnauthorizedException('refresh token already used');
    const user = await this.store.accountById(row.userId);
    if (!user || user.disabled) throw new UnauthorizedException('account disabled');
    return this.issue(user, row.familyId);
  }

  async logout(accessToken: string | undefined, refreshToken: string | undefined): Promise<void> {
    if (refreshToken) {
      const row = await this.store.refreshToken(hash(refreshToken));
      if (row) await this.revokeFamily(row.familyId);
    }
    if (accessToken) {
      const verified = await this.tokens.verify(accessToken, this.clock.now()).catch(() => null);
      if (verified) {
        await this.store.revokeAccessToken(verified.jti, verified.expiresAt);
      }
    }
  }

  /**
   * The principal of a valid, unrevoked access token, or null. A token from before a password
   * reset, disabling or change of role (the account's session version moved on) is refused at once.
   */
  async authenticate(accessToken: string): Promise<Principal | null> {
    const verified = await this.tokens.verify(accessToken, this.clock.now()).catch(() => null);
    if (!verified) return null;
    const [revoked, user] = await Promise.all([
      this.store.isAccessTokenRevoked(verified.jti),
      this.store.sessionState(verified.principal.userId),
    ]);
    if (revoked || !user || user.disabled || user.sessionVersion !== verified.sessionVersion) return null;
    return verified.principal;
  }

  private async issue(user: Account, familyId: string): Promise<SessionTokens> {
    const now = this.clock.now();
    const principal = principalOf(user);
    const access = await this.tokens.issue(principal, now, user.sessionVersion);
    const refreshToken = randomBytes(32).toString('base64url');
    await this.store.addRefreshToken({
      id: randomUUID(),
      tokenHash: hash(refreshToken),
      userId: user.id,
      familyId,
      expiresAt: new Date(now.getTime() + REFRESH_TOKEN_DAYS * 86_400_000),
    });
    return {
      accessToken: access.token,
      refreshToken,
      expiresAt: access.expiresAt.toISOString(),
      user: principal,
    };
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.store.revokeRefreshFamily(familyId, this.clock.now());
  }
}
