import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { HttpException, HttpStatus, UnauthorizedException } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { Principal } from '@otr/auth';
import { Clock } from '@otr/kernel';
import { afterSuccess, isLocked, lockAfter } from '../domain/lockout';
import { issueAccessToken, verifyAccessToken } from '../infrastructure/access-tokens';
import { countFailedAttempt } from '../infrastructure/failed-attempts';
import { GatewayPrisma } from '../infrastructure/gateway-prisma';

export const REFRESH_TOKEN_DAYS = 7;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

type UserRow = Awaited<ReturnType<GatewayPrisma['user']['findUnique']>> & {};

/**
 * The principal the services see. Its userId is the stable username (inspector.xihu), so rosters,
 * assignments and action logs name officials as people read them; the row id stays internal.
 */
export const principalOf = (u: UserRow): Principal => ({
  userId: u.username,
  name: u.displayName,
  roles: u.roles as Principal['roles'],
  ...(u.department ? { department: u.department as Principal['department'] } : {}),
  jurisdiction: u.jurisdiction,
  ...(u.institutionId ? { institutionId: u.institutionId } : {}),
});

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  user: Principal;
}

/** Sign-in, refresh with rotation and reuse detection, sign-out that revokes. */
export class Sessions {
  constructor(
    private readonly prisma: GatewayPrisma,
    private readonly clock: Clock,
  ) {}

  async login(username: string, password: string): Promise<SessionTokens> {
    const now = this.clock.now();
    const user = await this.prisma.user.findUnique({ where: { username } });
    if (!user || user.disabled) {
      await bcrypt.compare(password, '$2b$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva'); // same time either way
      throw new UnauthorizedException('wrong username or password');
    }
    if (isLocked(user, now)) {
      throw new HttpException(
        {
          statusCode: 423,
          error: 'AccountLocked',
          message: `account locked until ${user.lockedUntil!.toISOString()}`,
        },
        HttpStatus.LOCKED,
      );
    }
    if (!(await bcrypt.compare(password, user.passwordHash))) {
      const lock = lockAfter(await countFailedAttempt(this.prisma, user.id, now), now);
      if (lock) await this.prisma.user.update({ where: { id: user.id }, data: lock });
      throw new UnauthorizedException('wrong username or password');
    }
    await this.prisma.user.update({ where: { id: user.id }, data: afterSuccess() });
    return this.issue(user, randomUUID());
  }

  async refresh(refreshToken: string): Promise<SessionTokens> {
    const now = this.clock.now();
    const row = await this.prisma.refreshToken.findUnique({ where: { tokenHash: hash(refreshToken) } });
    if (!row || row.expiresAt <= now) throw new UnauthorizedException('refresh token expired or unknown');
    if (row.revokedAt) {
      // A rotated-out token came back: someone holds a copy. End the whole sign-in.
      await this.revokeFamily(row.familyId);
      throw new UnauthorizedException('refresh token reused; signed out everywhere for this session');
    }
    const claimed = await this.prisma.refreshToken.updateMany({
      where: { id: row.id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (claimed.count === 0) throw new UnauthorizedException('refresh token already used');
    const user = await this.prisma.user.findUnique({ where: { id: row.userId } });
    if (!user || user.disabled) throw new UnauthorizedException('account disabled');
    return this.issue(user, row.familyId);
  }

  async logout(accessToken: string | undefined, refreshToken: string | undefined): Promise<void> {
    if (refreshToken) {
      const row = await this.prisma.refreshToken.findUnique({ where: { tokenHash: hash(refreshToken) } });
      if (row) await this.revokeFamily(row.familyId);
    }
    if (accessToken) {
      const verified = await verifyAccessToken(accessToken, this.clock.now()).catch(() => null);
      if (verified) {
        // ON CONFLICT DO NOTHING: an upsert reads then inserts, so two sign-outs of one token at
        // once both inserted and the second hit the primary key (a 500).
        await this.prisma.revokedAccessToken.createMany({
          data: [{ jti: verified.jti, expiresAt: verified.expiresAt }],
          skipDuplicates: true,
        });
      }
    }
  }

  /**
   * The principal of a valid, unrevoked access token, or null. A token from before a password
   * reset, disabling or change of role (the account's session version moved on) is refused at once.
   */
  async authenticate(accessToken: string): Promise<Principal | null> {
    const verified = await verifyAccessToken(accessToken, this.clock.now()).catch(() => null);
    if (!verified) return null;
    const [revoked, user] = await Promise.all([
      this.prisma.revokedAccessToken.findUnique({ where: { jti: verified.jti } }),
      this.prisma.user.findUnique({
        where: { username: verified.principal.userId },
        select: { disabled: true, sessionVersion: true },
      }),
    ]);
    if (revoked || !user || user.disabled || user.sessionVersion !== verified.sessionVersion) return null;
    return verified.principal;
  }

  private async issue(user: UserRow, familyId: string): Promise<SessionTokens> {
    const now = this.clock.now();
    const principal = principalOf(user);
    const access = await issueAccessToken(principal, now, user.sessionVersion);
    const refreshToken = randomBytes(32).toString('base64url');
    await this.prisma.refreshToken.create({
      data: {
        id: randomUUID(),
        tokenHash: hash(refreshToken),
        userId: user.id,
        familyId,
        expiresAt: new Date(now.getTime() + REFRESH_TOKEN_DAYS * 86_400_000),
      },
    });
    return {
      accessToken: access.token,
      refreshToken,
      expiresAt: access.expiresAt.toISOString(),
      user: principal,
    };
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.prisma.refreshToken.updateMany({
      where: { familyId, revokedAt: null },
      data: { revokedAt: this.clock.now() },
    });
  }
}
