import { LockState } from '../domain/lockout';
import { Account, SessionStore, StoredRefreshToken } from '../application/ports';
import { countFailedAttempt } from './failed-attempts';
import { GatewayPrisma } from './gateway-prisma';

/** Accounts and tokens of sign-in, refresh and sign-out, in the gateway schema. */
export class PrismaSessionStore implements SessionStore {
  constructor(private readonly prisma: GatewayPrisma) {}

  accountByUsername(username: string): Promise<Account | null> {
    return this.prisma.user.findUnique({ where: { username } });
  }

  accountById(id: string): Promise<Account | null> {
    return this.prisma.user.findUnique({ where: { id } });
  }

  countFailedAttempt(accountId: string, now: Date): Promise<number> {
    return countFailedAttempt(this.prisma, accountId, now);
  }

  async setLockState(accountId: string, state: LockState): Promise<void> {
    await this.prisma.user.update({ where: { id: accountId }, data: state });
  }

  refreshToken(tokenHash: string): Promise<StoredRefreshToken | null> {
    return this.prisma.refreshToken.findUnique({ where: { tokenHash } });
  }

  async claimRefreshToken(id: string, now: Date): Promise<boolean> {
    const claimed = await this.prisma.refreshToken.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: now },
    });
    return claimed.count > 0;
  }

  async addRefreshToken(token: Omit<StoredRefreshToken, 'revokedAt'> & { tokenHash: string }): Promise<void> {
    await this.prisma.refreshToken.create({ data: token });
  }

  async revokeRefreshFamily(familyId: string, now: Date): Promise<void> {
    await this.prisma.refreshToken.updateMany({
      where: { familyId, revokedAt: null },
      data: { revokedAt: now },
    });
  }

  async revokeAccessToken(jti: string, expiresAt: Date): Promise<void> {
    // ON CONFLICT DO NOTHING: an upsert reads then inserts, so two sign-outs of one token at
    // once both inserted and the second hit the primary key (a 500).
    await this.prisma.revokedAccessToken.createMany({ data: [{ jti, expiresAt }], skipDuplicates: true });
  }

  async isAccessTokenRevoked(jti: string): Promise<boolean> {
    return (await this.prisma.revokedAccessToken.findUnique({ where: { jti } })) !== null;
  }

  sessionState(username: string): Promise<{ disabled: boolean; sessionVersion: number } | null> {
    return this.prisma.user.findUnique({
      where: { username },
      select: { disabled: true, sessionVersion: true },
    });
  }
}
